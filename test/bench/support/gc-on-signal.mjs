// Preloaded into a benchmarked Grow process (NODE_OPTIONS=--expose-gc --import ...): a
// SIGUSR2 runs a full garbage collection, so resident memory can be read after one.
process.on('SIGUSR2', () => globalThis.gc?.());
