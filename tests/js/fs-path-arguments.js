// Paths may be strings, Buffers/Uint8Arrays or file: URLs; other types are rejected like Node.
const fs = require('fs');
const path = require('path');
const os = require('os');
const { pathToFileURL } = require('url');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fs-path-args-'));
try {
  const f = path.join(dir, 'ü space#?.txt');
  fs.writeFileSync(pathToFileURL(f), 'via url');
  console.log(fs.readFileSync(f, 'utf8'));
  console.log(fs.readFileSync(Buffer.from(f), 'utf8'));
  console.log(fs.readFileSync(new TextEncoder().encode(f), 'utf8'));
  console.log(fs.existsSync(pathToFileURL(f)), fs.statSync(new URL(pathToFileURL(f).href)).size);
  console.log(fs.readdirSync(pathToFileURL(dir)));
  for (const bad of [123, null, undefined, {}, true, new URL('http://x/'), new URL('file://host/x'), 'nul\0', Buffer.from('a\0b')]) {
    try {
      fs.readFileSync(bad);
    } catch (e) {
      console.log(e.name, e.code, e.message);
    }
  }
  console.log(fs.existsSync(123), fs.existsSync('nul\0'), fs.existsSync(dir));
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
