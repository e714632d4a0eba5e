// util.getSystemErrorName/_errnoException/_exceptionWithHostPort, styleText, parseEnv.
const util = require('util');
const p = (...a) => console.log(...a);
p(util.getSystemErrorName(-2), util.getSystemErrorMap().get(-2), util.getSystemErrorName(-111), util.getSystemErrorName(-4095));
p(util.getSystemErrorMap() instanceof Map, util.getSystemErrorMap().get(-13));
try { util.getSystemErrorName(2); } catch (e) { p(e.code, e.name); }
try { util.getSystemErrorName('x'); } catch (e) { p(e.code, e.name); }
const e = util._errnoException(-2, 'open', 'extra'); p(e.code, e.errno, e.syscall, e.message);
const e2 = util._exceptionWithHostPort(-111, 'connect', '127.0.0.1', 80); p(e2.code, e2.message, e2.address, e2.port);
p(util.parseEnv('A=1\n# c\nexport B = two # trailing\nC="multi\\nline"\nD=\'single #x\'\nE=\nF=`bt`\n  G=spaced value  \n'));
p(JSON.stringify(util.styleText('red', 'plain when piped')), JSON.stringify(util.styleText(['bold', 'underline'], 'y')));
p(JSON.stringify(util.styleText('green', 'forced', { validateStream: false })));
try { util.styleText('nope', 'x'); } catch (e) { p(e.code, e.message.slice(0, 60)); }
