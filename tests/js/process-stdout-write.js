// stdout.write: ordered with console.log, callback, strings and Uint8Arrays, return value.
const r = process.stdout.write('a\n');
console.log('b', r);
process.stdout.write(new Uint8Array([99, 10]));
process.stdout.write('d\n', () => console.log('write callback'));
process.stdout.write('e\n', 'utf8', () => console.log('write callback 2'));
console.log('f', typeof process.stdout.fd, process.stdout.fd, process.stderr.fd);
process.stdout.write('é ünïcödé ✓ 😀\n');
try { process.stdout.write(5); } catch (e) { console.log(e.code); }
let big = '';
for (let i = 0; i < 2000; i++) big += `line ${i}\n`;
process.stdout.write(big);
console.log('end');
