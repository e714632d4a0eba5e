// readline over an input that is not a terminal: line splitting (\n, \r\n, \r, a UTF-8
// character split between chunks, the last line without an end), pause/resume/close
// events, write(), questions and prompts, the async iterator, readline/promises, the
// terminal controls, and readline over a worker's stdin.
const readline = require('readline');
const rlp = require('readline/promises');
const { EventEmitter } = require('events');
const { Worker, isMainThread } = require('worker_threads');

function fakeInput(log) {
  const input = new EventEmitter();
  input.resume = () => log && log('input.resume');
  input.pause = () => log && log('input.pause');
  return input;
}

if (!isMainThread) {
  // a worker's stdin, line by line, echoed
  const rl = readline.createInterface({ input: process.stdin });
  rl.on('line', (line) => console.log(`worker line ${JSON.stringify(line)}`));
  rl.on('close', () => console.log('worker close'));
} else {
  const input = fakeInput(console.log);
  const rl = readline.createInterface({ input });
  console.log('terminal', rl.terminal, 'prompt', JSON.stringify(rl.getPrompt()), JSON.stringify(rl.line), rl.closed);
  rl.on('line', (l) => {
    console.log('line', JSON.stringify(l));
    if (l === 'stop') rl.close();
  });
  rl.on('close', () => console.log('close', rl.closed));
  rl.on('pause', () => console.log('pause event'));
  rl.on('resume', () => console.log('resume event'));
  input.emit('data', 'one\ntw');
  input.emit('data', 'o\r\nthree\rfour\n\nfive');
  input.emit('data', Buffer.from([0xc3]));
  input.emit('data', Buffer.from([0xa9, 0x0a]));
  rl.pause();
  rl.resume();
  rl.write('typed\n');
  input.emit('data', 'tail');
  input.emit('end');
  input.emit('data', 'after the end\n');

  const closing = fakeInput();
  const rl2 = readline.createInterface({ input: closing });
  rl2.on('line', (l) => {
    console.log('rl2 line', l);
    if (l === 'b') rl2.close();
  });
  closing.emit('data', 'a\nb\nc\n'); // node goes on with the chunk's lines after a close
  closing.emit('data', 'd\n');

  const qInput = fakeInput();
  const out = [];
  const output = { write: (s) => { out.push(s); return true; } };
  const rl3 = readline.createInterface({ input: qInput, output, prompt: '$ ' });
  rl3.on('line', (l) => console.log('rl3 line', JSON.stringify(l)));
  rl3.prompt();
  rl3.question('name? ', (a) => console.log('answer', JSON.stringify(a)));
  qInput.emit('data', 'bob\nnext\n');
  rl3.setPrompt('# ');
  rl3.prompt();
  console.log('output', JSON.stringify(out.join('')), 'prompt now', JSON.stringify(rl3.getPrompt()));
  rl3.close();
  try {
    rl3.question('x', () => {});
  } catch (e) {
    console.log(e.name, e.code, e.message);
  }

  const ctl = { data: '', write(s, cb) { this.data += s; if (cb) cb(); return true; } };
  readline.clearLine(ctl, -1); readline.clearLine(ctl, 1); readline.clearLine(ctl, 0); readline.clearScreenDown(ctl);
  readline.cursorTo(ctl, 3); readline.cursorTo(ctl, 3, 4); readline.moveCursor(ctl, -2, 3); readline.moveCursor(ctl, 2, -3);
  console.log('controls', JSON.stringify(ctl.data), readline.clearLine(null, 0), readline.moveCursor(ctl, 0, 0));
  try {
    readline.cursorTo(ctl, NaN);
  } catch (e) {
    console.log(e.name, e.code, e.message);
  }
  console.log('exports', Object.keys(readline).sort().join(','), readline.promises === rlp,
    rlp.Interface.prototype instanceof readline.Interface);

  (async () => {
    const itInput = fakeInput();
    const rl4 = readline.createInterface({ input: itInput });
    itInput.emit('data', 'before the loop\n'); // not seen by the iterator made later
    const seen = [];
    const loop = (async () => {
      for await (const line of rl4) {
        seen.push(line);
        if (line === 'y') break;
      }
    })();
    itInput.emit('data', 'x\ny\nz\n');
    await loop;
    console.log('iterated', seen.join(','), 'closed by break:', rl4.closed);

    const pInput = fakeInput();
    const p = rlp.createInterface({ input: pInput });
    const answer = p.question('q? ');
    pInput.emit('data', 'yes\n');
    console.log('promise answer', await answer);
    p.close();
    await p.question('again').catch((e) => console.log('question after close:', e.code));

    const w = new Worker(__filename, { stdin: true });
    w.stdin.write('from the parent\r\nsecond ');
    w.stdin.end('line');
    await new Promise((resolve) => w.on('exit', resolve));
    console.log('worker exited');
  })();
}
