// The global console writes through process.stdout.write, so replacing it redirects output.
const original = process.stdout.write;
const lines = [];
process.stdout.write = function (chunk) { lines.push(String(chunk)); return true; };
console.log('captured', { a: 1 });
console.info('also');
console.table([{ x: 1 }]);
process.stdout.write = original;
console.log(JSON.stringify(lines));
const errs = [];
const origErr = process.stderr.write;
process.stderr.write = function (chunk) { errs.push(String(chunk)); return true; };
console.error('to stderr'); console.warn('warned'); console.assert(false, 'nope');
console.trace('traced');
process.stderr.write = origErr;
console.log(JSON.stringify(errs.slice(0, 3)), errs[3].split('\n')[0], errs[3].split('\n')[1].startsWith('    at '));
