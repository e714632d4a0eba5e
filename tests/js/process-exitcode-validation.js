// Setting process.exitCode / calling process.exit with invalid values throws like node.
for (const v of [1.5, 'abc', {}, true, [], NaN, '1.5', Symbol('s')]) {
  try {
    process.exitCode = v;
    console.log('accepted', typeof v, process.exitCode);
  } catch (e) {
    console.log(e.name, e.code, e.message);
  }
}
for (const v of [2, '3', null, undefined, 0]) {
  process.exitCode = v;
  console.log('set', JSON.stringify(v), process.exitCode);
}
try { process.exit('x'); } catch (e) { console.log('exit throws', e.code, e.message); }
process.exitCode = 0;
