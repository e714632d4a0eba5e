// version strings and feature-ish fields scripts commonly check.
console.log(/^v20\.\d+\.\d+$/.test(process.version), process.versions.node.split('.')[0]);
console.log(typeof process.versions.uv, typeof process.config, typeof process.features);
console.log(Number(process.version.slice(1).split('.')[0]) >= 18);
console.log(typeof process.on, typeof process.emit, typeof process.once, process.listenerCount('exit'));
console.log(typeof process.stdout.write, typeof process.stderr.write, process.stdout === process.stdout);
console.log(process.exitCode, typeof process.exit, typeof process.abort, typeof process.kill === 'function' || 'no kill');
