// Error shapes: missing module (code, requireStack), JSON syntax error names the file, .node addons.
const path = require('path');
const F = path.join(__dirname, '../fixtures/modules');
const rel = (s) => String(s).split(F).join('F').split(__dirname).join('D');
try { require('../fixtures/modules/requires-missing'); } catch (e) {
  console.log(e.name, e.code);
  console.log(rel(e.message));
  console.log(rel(JSON.stringify(e.requireStack)));
}
try { require('no-such-thing-anywhere'); } catch (e) { console.log(rel(e.message)); }
try { require('../fixtures/modules/bad.json'); } catch (e) {
  console.log(e.name, rel(e.message).startsWith('F/bad.json: '));
}
try { require('../fixtures/modules/addon.node'); } catch (e) {
  console.log('addon error is an Error:', e instanceof Error, typeof e.message === 'string' && e.message.length > 0);
}
try { require.resolve('nope-nope'); } catch (e) { console.log(e.code, rel(e.message)); }
