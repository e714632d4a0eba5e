'use strict';
// CommonJS modules with node's resolution: relative/absolute paths, the
// .js/.json/.node extensions, directories (package.json "main", index.*),
// "exports" with the require/node/default conditions, node_modules walking up,
// builtins with or without the `node:` prefix, cycles, require.cache.

const path = require('path');
const fsb = binding('fs');
const builtins = binding('builtins');
const loader = require('internal/builtin_loader');
const { codes, validateString, registerWrappedFile } = require('internal/errors');

const cache = { __proto__: null };
const statCache = new Map();
const packageJsonCache = new Map();

function stat(filename) {
  return fsb.internalModuleStat(filename);
}

function readPackage(dir) {
  const jsonPath = path.join(dir, 'package.json');
  if (packageJsonCache.has(jsonPath)) return packageJsonCache.get(jsonPath);
  let result = null;
  if (stat(jsonPath) === 0) {
    let text;
    try { text = fsb.readFileUtf8(jsonPath); } catch { text = null; }
    if (text !== null) {
      try {
        const json = JSON.parse(text);
        result = { path: jsonPath, dir, main: json.main, exports: json.exports, name: json.name, type: json.type };
      } catch (e) {
        const err = new codes.ERR_INVALID_PACKAGE_CONFIG(jsonPath, e.message);
        throw err;
      }
    }
  }
  packageJsonCache.set(jsonPath, result);
  return result;
}

// Closest package.json scope of a file (for "type").
function packageScope(filename) {
  let dir = path.dirname(filename);
  for (;;) {
    if (path.basename(dir) === 'node_modules') return null;
    const pkg = readPackage(dir);
    if (pkg) return pkg;
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

function toRealPath(filename) {
  try { return fsb.realpath(filename); } catch { return filename; }
}

function tryFile(filename) {
  return stat(filename) === 0 ? toRealPath(filename) : false;
}

const extensionsOrder = ['.js', '.json', '.node'];
function tryExtensions(base) {
  for (const ext of extensionsOrder) {
    const f = tryFile(base + ext);
    if (f) return f;
  }
  return false;
}

function tryPackage(dir, originalRequest) {
  const pkg = readPackage(dir);
  const main = pkg && typeof pkg.main === 'string' ? pkg.main : null;
  if (!main) return tryExtensions(path.join(dir, 'index'));
  const filename = path.resolve(dir, main);
  const found = tryFile(filename) || tryExtensions(filename) || tryExtensions(path.join(filename, 'index'));
  if (found) return found;
  const index = tryExtensions(path.join(dir, 'index'));
  if (index) return index;
  const err = new Error(`Cannot find module '${filename}'. Please verify that the package.json has a valid "main" entry`);
  err.code = 'MODULE_NOT_FOUND';
  err.path = path.join(dir, 'package.json');
  err.requestPath = originalRequest;
  throw err;
}

function tryPath(base, trailingSlash) {
  const rc = stat(base);
  if (!trailingSlash && rc === 0) return toRealPath(base);
  if (!trailingSlash) {
    const f = tryExtensions(base);
    if (f) return f;
  }
  if (rc === 1) return tryPackage(base, base);
  return false;
}

// ---- package "exports"
const conditions = ['require', 'node', 'node-addons', 'default'];

function resolveExportsTarget(pkgDir, target, subpathMatch) {
  if (typeof target === 'string') {
    if (!target.startsWith('./')) return undefined;
    const t = subpathMatch !== undefined ? target.split('*').join(subpathMatch) : target;
    return path.resolve(pkgDir, t);
  }
  if (Array.isArray(target)) {
    for (const t of target) {
      const r = resolveExportsTarget(pkgDir, t, subpathMatch);
      if (r !== undefined) return r;
    }
    return undefined;
  }
  if (target !== null && typeof target === 'object') {
    for (const key of Object.keys(target)) {
      if (key === 'default' || conditions.includes(key)) {
        const r = resolveExportsTarget(pkgDir, target[key], subpathMatch);
        if (r !== undefined) return r;
      }
    }
  }
  return undefined;
}

function resolveExports(pkgDir, exportsField, subpath) {
  let map = exportsField;
  const isConditionsOnly = typeof map === 'string' || Array.isArray(map) ||
    (map !== null && typeof map === 'object' && !Object.keys(map).some((k) => k.startsWith('.')));
  if (isConditionsOnly) map = { '.': map };
  let resolved;
  if (Object.prototype.hasOwnProperty.call(map, subpath) && !subpath.includes('*')) {
    resolved = resolveExportsTarget(pkgDir, map[subpath]);
  } else {
    let bestKey = '';
    let bestMatch;
    for (const key of Object.keys(map)) {
      const star = key.indexOf('*');
      if (star === -1) continue;
      const prefix = key.slice(0, star);
      const suffix = key.slice(star + 1);
      if (subpath.startsWith(prefix) && subpath.length >= key.length && subpath.endsWith(suffix) &&
          key.length > bestKey.length) {
        bestKey = key;
        bestMatch = subpath.slice(prefix.length, subpath.length - suffix.length);
      }
    }
    if (bestKey) resolved = resolveExportsTarget(pkgDir, map[bestKey], bestMatch);
  }
  if (resolved === undefined) {
    throw new codes.ERR_PACKAGE_PATH_NOT_EXPORTED(`${pkgDir}/`, subpath);
  }
  return resolved;
}

function nodeModulePaths(from) {
  from = path.resolve(from);
  if (from === '/') return ['/node_modules'];
  const paths = [];
  const parts = from.split('/');
  for (let i = parts.length; i > 0; i--) {
    if (parts[i - 1] === 'node_modules') continue;
    const dir = parts.slice(0, i).join('/') || '';
    paths.push(`${dir}/node_modules`);
  }
  paths.push('/node_modules');
  return paths;
}

function findInNodeModules(request, paths) {
  const trailingSlash = request.endsWith('/');
  // package name: "name" or "@scope/name"; the rest is the subpath
  const m = /^((?:@[^/]+\/)?[^/]+)(\/.*)?$/.exec(request);
  for (const dir of paths) {
    if (stat(dir) !== 1) continue;
    if (m) {
      const pkgDir = path.join(dir, m[1]);
      const pkg = stat(pkgDir) === 1 ? readPackage(pkgDir) : null;
      if (pkg && pkg.exports !== undefined && pkg.exports !== null) {
        const resolved = resolveExports(pkgDir, pkg.exports, m[2] ? `.${m[2]}` : '.');
        const f = tryFile(resolved) || tryExtensions(resolved);
        if (f) return f;
        const err = new Error(`Cannot find module '${resolved}'`);
        err.code = 'MODULE_NOT_FOUND';
        throw err;
      }
    }
    const f = tryPath(path.resolve(dir, request), trailingSlash);
    if (f) return f;
  }
  return false;
}

function isBuiltin(request) {
  if (request.startsWith('node:')) return loader.canBeRequiredByUsers(request.slice(5));
  return loader.canBeRequiredByUsers(request);
}

class Module {
  constructor(id = '', parent) {
    this.id = id;
    this.path = path.dirname(id);
    this.exports = {};
    this.filename = null;
    this.loaded = false;
    this.children = [];
    this.paths = [];
    Object.defineProperty(this, 'parent', { value: parent, writable: true, enumerable: false, configurable: true });
    if (parent && parent.children) parent.children.push(this);
  }

  require(id) {
    validateString(id, 'id');
    if (id === '') throw new codes.ERR_INVALID_ARG_VALUE('id', id, 'must be a non-empty string');
    return Module._load(id, this, false);
  }

  load(filename) {
    this.filename = filename;
    this.paths = nodeModulePaths(path.dirname(filename));
    let ext = path.extname(filename);
    if (ext === '.mjs') throw new codes.ERR_REQUIRE_ESM(filename);
    if (!Module._extensions[ext]) ext = '.js'; // .cjs, no extension, anything else
    Module._extensions[ext](this, filename);
    this.loaded = true;
  }

  _compile(content, filename) {
    let fn;
    if (patched) {
      fn = builtins.runScript(Module.wrap(content), filename);
    } else {
      registerWrappedFile(filename);
      fn = builtins.compileFunction(content, filename);
    }
    const require = makeRequire(this);
    const dirname = path.dirname(filename);
    return fn.call(this.exports, this.exports, require, this, filename, dirname);
  }
}

Module._cache = cache;
Module._pathCache = { __proto__: null };
Module.builtinModules = loader.publicIds.slice();
Module.isBuiltin = isBuiltin;
Module.Module = Module;
// Module.wrapper and Module.wrap, accessors as node's. Once either is changed (replaced, or an
// element of the wrapper array set: rewire and other injectors do), modules are compiled from
// Module.wrap(source) as a script, as node does; until then by the native wrapper.
let patched = false;
let wrapper = new Proxy(['(function (exports, require, module, __filename, __dirname) { ', '\n});'], {
  set(target, key, value, receiver) { patched = true; return Reflect.set(target, key, value, receiver); },
  defineProperty(target, key, descriptor) { patched = true; return Reflect.defineProperty(target, key, descriptor); },
});
let wrap = function (script) { return Module.wrapper[0] + script + Module.wrapper[1]; };
Object.defineProperties(Module, {
  wrapper: { get() { return wrapper; }, set(value) { patched = true; wrapper = value; }, enumerable: false, configurable: false },
  wrap: { get() { return wrap; }, set(value) { patched = true; wrap = value; }, enumerable: false, configurable: false },
});
Module._nodeModulePaths = nodeModulePaths;
Module.globalPaths = [];

Module._extensions = { __proto__: null };
Module._extensions['.js'] = function(module, filename) {
  if (filename.endsWith('.js')) {
    const scope = packageScope(filename);
    if (scope && scope.type === 'module') throw new codes.ERR_REQUIRE_ESM(filename);
  }
  module._compile(fsb.readFileUtf8(filename), filename);
};
Module._extensions['.json'] = function(module, filename) {
  const content = fsb.readFileUtf8(filename);
  try {
    module.exports = JSON.parse(content.charCodeAt(0) === 0xFEFF ? content.slice(1) : content);
  } catch (err) {
    err.message = `${filename}: ${err.message}`;
    throw err;
  }
};
Module._extensions['.node'] = function(module, filename) {
  throw new codes.ERR_DLOPEN_FAILED(
    `Cannot load native addon '${filename}': spindle runs on JavaScriptCore and does not support Node-API/.node addons`);
};

Module._resolveLookupPaths = function(request, parent) {
  if (request.startsWith('./') || request.startsWith('../') || request === '.' || request === '..') {
    return [parent && parent.filename ? path.dirname(parent.filename) : process.cwd()];
  }
  const paths = parent && parent.paths && parent.paths.length ? parent.paths : nodeModulePaths(process.cwd());
  return paths;
};

Module._findPath = function(request, paths) {
  const absolute = request.startsWith('/');
  if (absolute) return tryPath(request, request.endsWith('/'));
  if (request.startsWith('./') || request.startsWith('../') || request === '.' || request === '..') {
    const base = path.resolve(paths[0], request);
    return tryPath(base, request.endsWith('/') || request === '.' || request === '..');
  }
  return findInNodeModules(request, paths);
};

Module._resolveFilename = function(request, parent, isMain, options) {
  if (request.startsWith('node:')) {
    if (isBuiltin(request)) return request;
    const err = new Error(`No such built-in module: ${request}`);
    err.code = 'ERR_UNKNOWN_BUILTIN_MODULE';
    throw err;
  }
  if (isBuiltin(request)) return request;
  let paths;
  if (options && options.paths) {
    paths = [];
    for (const p of options.paths) {
      if (request.startsWith('./') || request.startsWith('../')) paths.push(p);
      else paths.push(...nodeModulePaths(p));
    }
  } else {
    paths = Module._resolveLookupPaths(request, parent);
  }
  let filename = false;
  if (options && options.paths && (request.startsWith('./') || request.startsWith('../'))) {
    for (const p of paths) {
      filename = tryPath(path.resolve(p, request), request.endsWith('/'));
      if (filename) break;
    }
  } else {
    filename = Module._findPath(request, paths);
  }
  if (filename) return filename;
  const requireStack = [];
  for (let cursor = parent; cursor; cursor = cursor.parent) requireStack.push(cursor.filename || cursor.id);
  let message = `Cannot find module '${request}'`;
  if (requireStack.length > 0) message += `\nRequire stack:\n- ${requireStack.join('\n- ')}`;
  const err = new Error(message);
  err.code = 'MODULE_NOT_FOUND';
  err.requireStack = requireStack;
  throw err;
};

Module._load = function(request, parent, isMain) {
  if (request.startsWith('node:') || (!request.startsWith('.') && !request.startsWith('/') && isBuiltin(request))) {
    const id = request.startsWith('node:') ? request.slice(5) : request;
    if (!loader.canBeRequiredByUsers(id)) {
      const err = new Error(`No such built-in module: ${request}`);
      err.code = 'ERR_UNKNOWN_BUILTIN_MODULE';
      throw err;
    }
    return loader.require(id);
  }
  const filename = Module._resolveFilename(request, parent, isMain);
  const cached = cache[filename];
  if (cached !== undefined) {
    if (parent && parent.children && !parent.children.includes(cached)) parent.children.push(cached);
    return cached.exports;
  }
  const module = new Module(filename, parent);
  if (isMain) {
    process.mainModule = module;
    module.id = '.';
    mainModule = module;
  }
  cache[filename] = module;
  let threw = true;
  try {
    module.load(filename);
    threw = false;
  } finally {
    if (threw) {
      delete cache[filename];
      if (parent && parent.children) {
        const i = parent.children.indexOf(module);
        if (i !== -1) parent.children.splice(i, 1);
      }
    }
  }
  return module.exports;
};

let mainModule;

function makeRequire(mod) {
  const require = function require(id) { return mod.require(id); };
  function resolve(request, options) {
    validateString(request, 'request');
    return Module._resolveFilename(request, mod, false, options);
  }
  resolve.paths = function paths(request) {
    validateString(request, 'request');
    if (isBuiltin(request)) return null;
    return Module._resolveLookupPaths(request, mod);
  };
  require.resolve = resolve;
  require.main = mainModule;
  require.extensions = Module._extensions;
  require.cache = cache;
  return require;
}

Module.createRequire = function createRequire(filename) {
  if (typeof filename === 'object' && filename !== null && filename.href) filename = require('url').fileURLToPath(filename);
  else if (typeof filename === 'string' && filename.startsWith('file:')) filename = require('url').fileURLToPath(filename);
  if (typeof filename !== 'string' || !path.isAbsolute(filename)) {
    throw new codes.ERR_INVALID_ARG_VALUE('filename', filename,
      'must be a file URL object, file URL string, or absolute path string');
  }
  // a directory (trailing slash) stands for a file inside it
  const proxy = filename.endsWith('/') ? path.join(filename, 'noop.js') : filename;
  const m = new Module(proxy, null);
  m.filename = proxy;
  m.paths = nodeModulePaths(path.dirname(proxy));
  return makeRequire(m);
};

// node's: the -r/--require modules, required from a module of no file in the working
// directory (a relative name is found from there), before the main script.
Module._preloadModules = function preloadModules(requests) {
  if (!Array.isArray(requests) || requests.length === 0) return;
  const parent = new Module('internal/preload', null);
  parent.paths = nodeModulePaths(process.cwd());
  for (const request of requests) parent.require(request);
};

Module.runMain = function runMain(main) {
  const filename = path.resolve(main);
  Module._load(filename, null, true);
};

// The `module` and `require` of a script eval'd in `cwd` (see execution.js); not
// enumerable: node's Module has no such key.
Object.defineProperty(Module, '_evalGlobals', {
  value: function evalGlobals(name, cwd) {
    const m = new Module(name, null);
    m.filename = path.join(cwd, name);
    m.paths = nodeModulePaths(cwd);
    return { module: m, require: makeRequire(m) };
  },
  writable: true, enumerable: false, configurable: true,
});

module.exports = Module;
