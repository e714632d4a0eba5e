'use strict';
// Short ASCII text, converted in JS by buffer and TextDecoder: a call into C costs more
// than these loops for up to kShortText bytes (the engine releases and retakes its lock
// around every native call: ~115 ns, README). For ASCII, UTF-8, Latin-1 and the 'ascii'
// encoding agree byte for byte.

const kShortText = 64;
const fromCharCode = String.fromCharCode;

// Writes string's units at target[offset]; false (part written) at the first non-ASCII one.
function writeShortAscii(string, target, offset) {
  for (let i = 0; i < string.length; i++) {
    const c = string.charCodeAt(i);
    if (c > 127) return false;
    target[offset + i] = c;
  }
  return true;
}

// bytes[start..end) as a string, or undefined at the first byte that is not ASCII.
function readShortAscii(bytes, start, end) {
  let s = '';
  for (let i = start; i < end; i++) {
    const c = bytes[i];
    if (c > 127) return undefined;
    s += fromCharCode(c);
  }
  return s;
}

module.exports = { kShortText, writeShortAscii, readShortAscii };
