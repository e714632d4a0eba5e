// console.time/timeLog/timeEnd print "label: <n>ms"; warnings for unknown labels.
const lines = [];
const orig = process.stdout.write;
process.stdout.write = (c) => { lines.push(String(c)); return true; };
console.time(); console.timeLog(); console.timeEnd();
console.time('t'); console.timeLog('t', 'data', { x: 1 }); console.timeEnd('t');
console.time(5); console.timeEnd(5);
process.stdout.write = orig;
const ok = lines.every((l) => /^(default|t|5): \d+(\.\d+)?ms( data \{ x: 1 \})?\n$/.test(l));
console.log(lines.length, ok, lines.map((l) => l.replace(/\d+(\.\d+)?ms/, 'Nms')));
const warnings = [];
process.on('warning', (w) => warnings.push(w.message));
process.noProcessWarnings = true;
console.timeEnd('nolabel'); console.timeLog('nolabel'); console.time('dup'); console.time('dup'); console.countReset('nope');
setTimeout(() => console.log(warnings), 1);
