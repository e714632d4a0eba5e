// process: identity fields, argv, env (live), cwd/chdir, hrtime, memory, cpu, uptime.
const path = require('path');
function check(cond, what) { if (!cond) { console.log('FAIL', what); process.exitCode = 1; } }
console.log(typeof process.pid, process.pid > 0, typeof process.ppid, process.ppid > 0);
console.log(process.platform, process.arch, /^v20\.\d+\.\d+$/.test(process.version));
console.log(typeof process.versions.node, process.versions.node === process.version.slice(1));
console.log(path.isAbsolute(process.argv[1]), path.basename(process.argv[1]), process.argv.length);
console.log(process.argv[0] === process.execPath, typeof process.argv0, process.argv0.length > 0);
console.log(Object.prototype.toString.call(process), process.title.length > 0);
console.log(typeof process.release.name, process.release.name);

// env
process.env.SPINDLE_TEST_A = 42;
console.log(typeof process.env.SPINDLE_TEST_A, process.env.SPINDLE_TEST_A, 'SPINDLE_TEST_A' in process.env);
process.env.SPINDLE_TEST_B = true;
console.log(process.env.SPINDLE_TEST_B, Object.keys(process.env).includes('SPINDLE_TEST_B'));
delete process.env.SPINDLE_TEST_A;
console.log(process.env.SPINDLE_TEST_A, 'SPINDLE_TEST_A' in process.env);
process.env.SPINDLE_TEST_C = undefined;
console.log(process.env.SPINDLE_TEST_C, typeof process.env.SPINDLE_TEST_C);
console.log(process.env.NO_SUCH_VAR_HOPEFULLY, typeof process.env.PATH);
console.log(process.env.hasOwnProperty('SPINDLE_TEST_B'), JSON.stringify({ ...process.env }).includes('SPINDLE_TEST_B'));

// cwd / chdir
const start = process.cwd();
console.log(path.isAbsolute(start), path.basename(start));
process.chdir('..');
console.log(process.cwd() === path.dirname(start));
process.chdir(start);
try { process.chdir('/no/such/dir/here'); } catch (e) {
  console.log(e.code, e.syscall, e.errno, e.path, e.dest, e.message);
}
try { process.chdir(5); } catch (e) { console.log(e.code, e.name, e.message); }

// hrtime
const t = process.hrtime();
console.log(Array.isArray(t), t.length, Number.isInteger(t[0]), Number.isInteger(t[1]), t[1] < 1e9);
const d = process.hrtime(t);
console.log(d[0] >= 0, d[1] >= 0, d[0] < 5);
const b = process.hrtime.bigint();
console.log(typeof b, process.hrtime.bigint() >= b);
try { process.hrtime(1); } catch (e) { console.log(e.code, e.message); }
try { process.hrtime([1]); } catch (e) { console.log(e.code, e.message); }

// memory / cpu / uptime
const m = process.memoryUsage();
console.log(Object.keys(m).join(), m.rss > 1e6, m.heapUsed > 0, m.heapTotal >= m.heapUsed);
console.log(typeof process.memoryUsage.rss(), process.memoryUsage.rss() > 1e6);
const c = process.cpuUsage();
console.log(Object.keys(c).join(), c.user >= 0, c.system >= 0);
const c2 = process.cpuUsage(c);
console.log(c2.user >= 0, c2.system >= 0, c2.user < 5e6);
console.log(typeof process.uptime(), process.uptime() >= 0, process.uptime() < 10);
console.log(typeof process.umask(), typeof process.nextTick, typeof process.emitWarning);
