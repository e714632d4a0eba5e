// As node: random arguments to new Worker() (filenames of every kind; options of the right
// and wrong types, in any combination) throw node's error, the first node checks, or start
// a worker that reports node's error. Seeded: the same arguments in both runtimes. Errors
// without a code (the engine's, e.g. a SyntaxError of eval'd code) show only their name: the
// wording is the engine's. data: URLs (ES modules, not supported yet) are left out.
const { Worker, MessageChannel, SHARE_ENV } = require('worker_threads');
let seed = 1;
const rnd = () => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed / 0x7fffffff; };
const pick = (a) => a[Math.floor(rnd() * a.length)];
const channel = new MessageChannel(); const { port1 } = channel; globalThis.keep = channel;
const values = () => [undefined, null, true, false, 0, -1, 1.5, NaN, 2 ** 40, 'str', '', [], ['a', 'b'], [1, {}], {}, { a: 1 },
  () => {}, Symbol('s'), 10n, new Map(), new ArrayBuffer(4), new Uint8Array(2), Infinity, -0];
const special = {
  eval: [true, false, 1, 'yes', undefined],
  argv: [['x', 1], 'str', [Symbol('q')], [{ toString() { return 'obj'; } }]],
  env: [SHARE_ENV, { A: 1, B: null }, process.env],
  execArgv: [['--no-warnings'], ['--foo'], ['-r'], 'x', [1]],
  stdin: [true], stdout: [true], stderr: [true],
  workerData: [{ a: [1, 2] }, new SharedArrayBuffer(4)],
  transferList: [[new ArrayBuffer(2)], [port1], 'ab', [1], [new ArrayBuffer(2), new ArrayBuffer(2)]],
  resourceLimits: [{ maxOldGenerationSizeMb: 'x' }, { stackSizeMb: -1 }, { stackSizeMb: 4 }, { codeRangeSizeMb: 1 }, { maxYoungGenerationSizeMb: 1e9 }],
  name: ['worker-name', 5, ''],
  trackUnmanagedFds: [true, 'x'],
  type: ['module', 'classic'],
};
const keys = Object.keys(special);
const filenames = () => [`require('worker_threads').parentPort; process.argv.length`, './nope.js', 'file:///tmp/nope.js', new URL('file:///tmp/nope.js'),
  new URL('http://x/y.js'), '/definitely/not/here.js', 5, null, {}, 'data:text/javascript,1', ''];
function show(v) {
  if (typeof v === 'symbol') return 'Symbol';
  if (typeof v === 'bigint') return v + 'n';
  if (typeof v === 'function') return 'fn';
  if (v instanceof URL) return 'URL(' + v.href + ')';
  if (Array.isArray(v)) return '[' + v.map(show).join(';') + ']';
  if (v && typeof v === 'object') return Object.prototype.toString.call(v).slice(8, -1);
  return String(v);
}
function describe(e) {
  if (!e || e.code === undefined) return `${e && e.name}`;
  return `${e.name}|${e.code}|${String(e.message).split('\n')[0]}`;
}
async function one(i) {
  const filename = pick(filenames());
  const options = rnd() < 0.1 ? pick(values()) : {};
  if (options && typeof options === 'object') {
    for (const k of keys) {
      const r = rnd();
      if (r < 0.55) continue;
      options[k] = r < 0.8 ? pick(special[k]) : pick(values());
    }
    if (typeof filename === 'string' && filename.startsWith('require') && rnd() < 0.8) options.eval = true;
  }
  const shown = options && typeof options === 'object' ? Object.keys(options).map((k) => k + '=' + show(options[k])).join(',') : show(options);
  process.stdout.write(`${i} [${show(filename)} ${shown}] `);
  let w;
  try {
    w = new Worker(filename, options);
  } catch (e) {
    console.log('throws', describe(e));
    return;
  }
  const events = [];
  await new Promise((resolve) => {
    w.on('error', (e) => events.push('error ' + describe(e)));
    w.on('exit', (code) => { events.push('exit ' + code); resolve(); });
    w.on('online', () => events.push('online'));
    const guard = setTimeout(() => { events.push('terminated'); w.terminate(); }, 20000); // only if one hangs
    w.on('exit', () => clearTimeout(guard));
  });
  // 'online' may or may not precede a quick terminate: keep error and exit only
  console.log('started', events.filter((e) => !e.startsWith('online') && !e.startsWith('exit')).join(' ; '));
}
(async () => {
  for (const s of [1, 2, 3]) {
    seed = s;
    for (let i = 0; i < 40; i++) await one(i);
  }
  process.exit(0);
})();
