// Arrays that natives return (a directory's names, process.env's keys, builtinModules) are
// made with their elements as own data properties, as node's: an indexed setter someone put
// on Array.prototype does not run and does not swallow an element. (Spindle once set them
// one by one: the setter ran, and process.env's keys came back with holes, which
// Object.keys(process.env) rejected.)
const fs = require('fs');
const mod = require('module');

const cases = {
  readdir: () => fs.readdirSync(__dirname),
  readdirWithFileTypes: () => fs.readdirSync(__dirname, { withFileTypes: true }),
  envKeys: () => Object.keys(process.env),
  builtinModules: () => mod.builtinModules,
};
for (const [name, make] of Object.entries(cases)) {
  let ran = 0;
  Object.defineProperty(Array.prototype, '0', {
    set() { ran++; },
    get() { return undefined; },
    configurable: true,
  });
  let line;
  try {
    const arr = make();
    line = `setter ran ${ran}, element 0 own ${Object.getOwnPropertyDescriptor(arr, 0) !== undefined}, ` +
      `length > 0 ${arr.length > 0}`;
  } catch (e) {
    line = `threw ${e.name}`;
  }
  delete Array.prototype[0];
  console.log(`${name}: ${line}`);
}
