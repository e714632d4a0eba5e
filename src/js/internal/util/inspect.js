'use strict';
// PLACEHOLDER: replaced by the full util.inspect implementation.
function inspect(v) {
  if (typeof v === 'string') return `'${v}'`;
  if (v instanceof Error) return require('internal/errors').v8Stack(v);
  try { return JSON.stringify(v) ?? String(v); } catch { return String(v); }
}
function format(...args) {
  return args.map((a) => (typeof a === 'string' ? a : inspect(a))).join(' ');
}
module.exports = { inspect, format, formatWithOptions: (o, ...a) => format(...a) };
