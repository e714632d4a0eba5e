// new Console(stdout, stderr) and new Console({ ... }) write to the given streams.
const { Console } = console;
const EventEmitter = require('events');
const captured = [];
const sink = (name) => Object.assign(new EventEmitter(), { write(chunk) { captured.push([name, String(chunk)]); return true; } });
const c = new Console(sink('out'), sink('err'));
c.log('log', { a: 1 }); c.info('info'); c.debug('debug');
c.error('error'); c.warn('warn', [1]);
c.assert(false, 'assert %s', 'fmt'); c.assert(false);
c.trace('trace %d', 1);
c.count('n'); c.count('n'); c.dir({ d: 1 });
c.group('g'); c.error('indented\nerr'); c.groupEnd();
const c2 = new Console({ stdout: sink('o2'), groupIndentation: 4 }); c2.group('g'); c2.warn('warned'); c2.table([{ t: 1 }]); c2.groupEnd();
const c3 = new Console({ stdout: sink('o3'), inspectOptions: { compact: false, breakLength: 20 } }); c3.log({ a: 1, b: [2] });
const c4 = new Console({ stdout: sink('o4'), colorMode: true }); c4.log({ n: 1 }, 'plain');
const { log } = c; log('bound');
for (const [name, text] of captured) {
  // A trace's frames differ between engines: keep its first line only.
  console.log(name, JSON.stringify(text.startsWith('Trace') ? text.split('\n')[0] : text));
}
console.log(c instanceof Console, console instanceof Console, Console.name, typeof Console.prototype.log);
for (const bad of [undefined, {}, { stdout: {} }, { stdout: sink('x'), stderr: 1 }]) {
  try { new Console(bad); } catch (e) { console.log(e.name, e.code, e.message); }
}
try { new Console({ stdout: sink('x'), colorMode: 'nope' }); } catch (e) { console.log(e.name, e.code); }
try { new Console({ stdout: sink('x'), groupIndentation: -1 }); } catch (e) { console.log(e.name, e.code); }
const fromCall = Console(sink('call')); console.log(fromCall instanceof Console);
