// console.log/info/debug/dir/dirxml, group indentation, count.
console.log('%s=%d', 'x', 5, 'extra', { obj: [1] });
console.log();
console.info({ info: true }); console.debug('debug', 1n);
console.group('G1'); console.log('in g1\nsecond line'); console.group(); console.info({ a: 1, b: { c: [1, 2] } });
console.groupCollapsed('collapsed'); console.log(['x'.repeat(40), 'y'.repeat(40)]); console.groupEnd();
console.groupEnd(); console.groupEnd(); console.groupEnd(); console.log('out');
console.count(); console.count(); console.count('x'); console.countReset(); console.count(); console.count(undefined);
console.dir({ a: { b: { c: { d: 1 } } } }, { depth: 0 }); console.dir('str'); console.dir({ c: { [Symbol.for('nodejs.util.inspect.custom')]: () => 'hidden' } });
console.dirxml({ a: 1 }, 2);
console.assert(true, 'never printed');
const { log, info } = console; log('detached log works'); info('detached info');
console.log(Object.keys(console).slice(0, 19).join());
console.log(typeof console.Console, console.log.name, console.error.name, String(console));
console.log(require('console') === console);
