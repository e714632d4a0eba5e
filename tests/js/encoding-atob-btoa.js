// atob / btoa: forgiving base64 and InvalidCharacterError DOMExceptions.
'use strict';
console.log(btoa('hello'), btoa(''), btoa('\u00ff\u00fe'), btoa(null), btoa(12), btoa(undefined));
console.log(atob('aGVsbG8='), atob(' aG Vs\nbG8 '), atob('YQ'), atob('YWI'), atob(''), JSON.stringify(atob('//79')), atob(null));
for (const bad of ['a', 'a=b=', 'YQ===', '=YQ', 'Y-Q=', 'YQ=a', 'aGk!', 'abcde', 'YR==', '\u00ff']) {
  try {
    console.log('ok?', JSON.stringify(atob(bad)));
  } catch (e) {
    console.log(JSON.stringify(bad), e instanceof DOMException, e.name, e.code, e.message);
  }
}
try { btoa('\u0100'); } catch (e) { console.log(e instanceof DOMException, e.name, e.code, e.message); }
try { atob(); } catch (e) { console.log(e.name, e.code, e.message); }
try { btoa(); } catch (e) { console.log(e.name, e.code, e.message); }
const all = Array.from({ length: 256 }, (_, i) => String.fromCharCode(i)).join('');
if (atob(btoa(all)) !== all) throw new Error('round trip failed');
const { atob: a2, btoa: b2 } = require('buffer');
console.log(a2 === atob, b2 === btoa);
