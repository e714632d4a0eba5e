// fs.watchFile/unwatchFile (polling): a file that is missing, then made, grown and removed gives
// node's four 'change' calls (current, previous) with zeroed stats where it does not exist;
// one watcher per path; a listener is required; persistent: false keeps nothing alive.
'use strict';
const fs = require('fs'), path = require('path'), os = require('os');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wf-'));
const file = path.join(dir, 'f.txt');
const log = [];
const steps = [() => fs.writeFileSync(file, 'x'), () => fs.appendFileSync(file, 'more'), () => fs.unlinkSync(file)];
const w = fs.watchFile(file, { interval: 20 }, (curr, prev) => {
  log.push([curr.size, prev.size, curr.isFile(), prev.isFile(), curr.mtimeMs > 0, prev.mtimeMs > 0, curr.constructor.name]);
  const next = steps.shift();
  if (next) setTimeout(next, 60);
  else {
    fs.unwatchFile(file);
    console.log(log);
    console.log(w.constructor.name, typeof w.ref, typeof w.unref, w instanceof require('events'));
    fs.rmSync(dir, { recursive: true });
  }
});
const w2 = fs.watchFile(__filename, { persistent: false }, () => {});
console.log(w2 === fs.watchFile(__filename, () => {}), w2 !== w);
try { fs.watchFile(file); } catch (e) { console.log(e.code, e.message); }
