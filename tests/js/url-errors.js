// Invalid input: TypeError ERR_INVALID_URL with input (and base); canParse/parse never throw for bad URLs.
for (const [input, base] of [['foo'], ['foo', 'bar'], ['http://'], ['http://a:99999'], ['//x', 'mailto:y'], ['http://[::1']]) {
  try {
    new URL(input, base);
    console.log('parsed?', input);
  } catch (e) {
    console.log(e instanceof TypeError, e.name, e.code, e.message, e.input, e.base, Object.keys(e));
  }
}
try { new URL(); } catch (e) { console.log(e.code, e.message); }
try { URL.canParse(); } catch (e) { console.log(e.code, e.message); }
console.log(URL.canParse('x'), URL.canParse('x', 'http://a'), URL.canParse('http://a', 'bad base'), URL.parse('nope'), URL.parse('/p', 'http://h').href);
console.log(Object.getOwnPropertyNames(URL.prototype), Object.getOwnPropertyNames(URL), Object.prototype.toString.call(new URL('http://a')));
const d = Object.getOwnPropertyDescriptor(URL.prototype, 'href');
console.log(typeof d.get, typeof d.set, d.enumerable, d.configurable);
try { d.get.call({}); console.log('no brand check'); } catch (e) { console.log(e instanceof TypeError); }
