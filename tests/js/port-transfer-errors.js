// Transfer-list mistakes: the source port itself → DataCloneError; a port used in a
// message but not listed → an error, and nothing is sent.
const { MessageChannel, receiveMessageOnPort } = require('worker_threads');
const { port1, port2 } = new MessageChannel();
try { port1.postMessage(1, [port1]); } catch (e) { console.log(e.name, e.code, e.message); }
const other = new MessageChannel();
try { port1.postMessage({ p: other.port1 }); } catch (e) { console.log(e.name, e.code); }
console.log('nothing sent:', receiveMessageOnPort(port2));
port1.postMessage({ p: other.port1 }, [other.port1]);
const got = receiveMessageOnPort(port2).message.p;
console.log('port moved:', got instanceof require('worker_threads').MessagePort);
got.postMessage('through the moved port');
console.log(receiveMessageOnPort(other.port2));
port1.close();
other.port2.close();
