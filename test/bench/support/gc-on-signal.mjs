// Preloaded into a benchmarked Grow process (NODE_OPTIONS=--expose-gc --import ...): a
// SIGUSR2 runs a full garbage collection, then prints the process's memory as one JSON
// line on stderr, so resident memory and the V8 heap can be read after one.
process.on('SIGUSR2', () => {
  globalThis.gc?.();
  const m = process.memoryUsage();
  process.stderr.write(`${JSON.stringify({ benchMemory: { rss: m.rss, heapUsed: m.heapUsed, heapTotal: m.heapTotal, external: m.external, arrayBuffers: m.arrayBuffers } })}\n`);
});
