// Subclassing EventEmitter with class syntax and the old prototype style.
'use strict';
const EventEmitter = require('events');

class Job extends EventEmitter {
  run() { this.emit('done', 'result'); }
}
const job = new Job();
job.on('done', function (r) { console.log('done', r, this instanceof Job); });
job.run();

function Legacy() { EventEmitter.call(this); }
Object.setPrototypeOf(Legacy.prototype, EventEmitter.prototype);
Object.setPrototypeOf(Legacy, EventEmitter);
const l = new Legacy();
l.on('ping', () => console.log('pong'));
l.emit('ping');
console.log(l.eventNames(), l instanceof EventEmitter);

// Emitters do not share listener state through the prototype.
const l2 = new Legacy();
console.log(l2.listenerCount('ping'));

// An object created with Object.create(EventEmitter.prototype) works after init.
const bare = Object.create(EventEmitter.prototype);
EventEmitter.init.call(bare);
bare.on('e', () => console.log('bare works'));
bare.emit('e');
