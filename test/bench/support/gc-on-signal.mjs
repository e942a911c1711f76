// Preloaded into a benchmarked Grow process (NODE_OPTIONS=--expose-gc --import ...): a
// SIGUSR2 runs a full garbage collection, then prints the process's memory as one JSON
// line on stderr right after it and again 1, 5, 15 and 30 s later (no further GC), so
// resident memory and what holds it (V8's heap, memory outside it, array buffers) can be
// read over the time the process takes to give pages back.
const READ_AT_MS = [0, 1_000, 5_000, 15_000, 30_000];

function report(afterMs) {
  const m = process.memoryUsage();
  process.stderr.write(`${JSON.stringify({ benchMemory: { afterMs, rss: m.rss, heapUsed: m.heapUsed, heapTotal: m.heapTotal, external: m.external, arrayBuffers: m.arrayBuffers } })}\n`);
}

process.on('SIGUSR2', () => {
  globalThis.gc?.();
  for (const ms of READ_AT_MS) {
    if (ms === 0) report(0);
    else setTimeout(() => report(ms), ms).unref();
  }
});
