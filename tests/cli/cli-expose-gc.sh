# --expose-gc (and --expose_gc): a gc() global as node's, in the main thread and in every worker
# (the flag is the whole process's), enumerable and not configurable, that really collects
# (objects held only by WeakRefs made in an earlier turn go; a conservative stack scan may keep
# a few, so the check is "some"); gc({ execution: 'async' }) gives a promise of undefined.
# Without the flag there is no gc.
. ./lib.sh
"$RT" -e 'console.log(typeof gc, typeof globalThis.gc)'
"$RT" --expose-gc -e '
  const d = Object.getOwnPropertyDescriptor(globalThis, "gc");
  console.log(typeof gc, gc.name, gc.length, d.enumerable, d.configurable, d.writable, gc());
  const refs = [];
  for (let i = 0; i < 20; i++) refs.push(new WeakRef({ big: new Array(1000).fill(i) }));
  setTimeout(() => {
    gc();
    console.log("some collected:", refs.some((r) => r.deref() === undefined));
    const p = gc({ execution: "async" });
    console.log("async gives a promise:", p instanceof Promise);
    p.then((v) => console.log("settled with", v));
  }, 10);
'
echo "## rc=$?"
"$RT" --expose_gc -e '
  const { Worker } = require("worker_threads");
  new Worker("console.log(\"worker:\", typeof gc, gc())", { eval: true, execArgv: [] });
'
echo "## rc=$?"
