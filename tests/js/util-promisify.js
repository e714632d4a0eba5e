// util.promisify / util.callbackify.
const util = require('util');
const p = (...a) => console.log(...a);
function cbOk(a, b, cb) { setTimeout(() => cb(null, a + b), 1); }
function cbErr(cb) { cb(new Error('failed')); }
function multi(cb) { cb(null, 1, 2); }
const custom = function () {}; custom[util.promisify.custom] = () => Promise.resolve('custom!');
p(util.promisify.custom === Symbol.for('nodejs.util.promisify.custom'));
p(util.promisify(custom) === custom[util.promisify.custom]);
const pOk = util.promisify(cbOk);
p(typeof pOk, util.promisify(pOk) === pOk, Object.getPrototypeOf(pOk) === Object.getPrototypeOf(cbOk));
try { util.promisify(1); } catch (e) { p(e.code, e.message); }
const obj = { v: 5, get(cb) { cb(null, this.v); } };
obj.pget = util.promisify(obj.get);
(async () => {
  p('ok', await pOk(2, 3));
  try { await util.promisify(cbErr)(); } catch (e) { p('err', e.message); }
  p('multi', await util.promisify(multi)());
  p('this', await obj.pget());
  p('custom', await util.promisify(custom)());
  const sleep = util.promisify(setTimeout);
  p('timeout', await sleep(1, 'value'));
  const af = async (x) => x * 2;
  const cbified = util.callbackify(af);
  p(cbified.name, cbified.length);
  cbified(21, (err, v) => p('callbackified', err, v));
  const rejecting = util.callbackify(async () => { throw new TypeError('nope'); });
  rejecting((err) => p('rejected', err.name, err.message));
  const falsy = util.callbackify(() => Promise.reject(null));
  falsy((err) => p('falsy', err.code, err.message, err.reason));
  try { cbified(1); } catch (e) { p(e.code); }
  try { util.callbackify('x'); } catch (e) { p(e.code); }
})();
