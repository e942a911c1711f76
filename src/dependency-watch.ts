// One reporter per process for Redis and Postgres being out of reach. However many
// connections notice an outage (each BullMQ worker holds its own), the operator reads one
// line saying which dependency is missing and how to fix it, then at most one line per
// backoff step, and one when it is back. Optionally it gives up after a grace period so a
// supervisor restarts the process (`--exit-on-missing`, or 60 s in production).
import type { Logger } from './logger.js';

export type Dependency = 'redis' | 'postgres';

export interface DependencyWatch {
  /** A connection to `dep` failed and will be retried after `delayMs` (its `step`th retry). */
  down(dep: Dependency, step: number, delayMs: number, howToFix: string): void;
  up(dep: Dependency): void;
  isDown(dep: Dependency): boolean;
  close(): void;
}

export interface WatchOptions {
  /** Give up when a dependency stays out of reach this long (0: at once); never when unset. */
  giveUpAfterMs?: number;
  /** What giving up means (main: exit non-zero). */
  onGiveUp?: (dep: Dependency) => void;
}

/** Backoff between reconnect attempts: 0.5 s doubling to 30 s. */
export function backoffDelayMs(step: number): number {
  return Math.min(30_000, 500 * 2 ** Math.max(0, step - 1));
}

export function watchDependencies(logger: Logger, options: WatchOptions = {}): DependencyWatch {
  const state = new Map<Dependency, { lastStep: number; giveUp?: NodeJS.Timeout }>();
  const giveUp = (dep: Dependency) => {
    logger.error({ dependency: dep }, `${dep === 'redis' ? 'Redis' : 'Postgres'} is still not reachable; giving up so a supervisor can restart Grow`);
    options.onGiveUp?.(dep);
  };
  return {
    down(dep, step, delayMs, howToFix) {
      const current = state.get(dep);
      if (!current) {
        logger.error({ dependency: dep }, howToFix);
        const entry: { lastStep: number; giveUp?: NodeJS.Timeout } = { lastStep: step };
        state.set(dep, entry);
        if (options.giveUpAfterMs !== undefined) entry.giveUp = setTimeout(() => giveUp(dep), options.giveUpAfterMs).unref();
        return;
      }
      // Every connection retries on the same schedule; only the first to reach a step speaks.
      if (step <= current.lastStep) return;
      current.lastStep = step;
      logger.warn({ dependency: dep, retryInMs: delayMs, attempt: step }, `${dep === 'redis' ? 'Redis' : 'Postgres'} still not reachable; retrying`);
    },
    up(dep) {
      const current = state.get(dep);
      if (!current) return;
      clearTimeout(current.giveUp);
      state.delete(dep);
      logger.info({ dependency: dep }, `${dep === 'redis' ? 'Redis' : 'Postgres'} reachable again`);
    },
    isDown: (dep) => state.has(dep),
    close() {
      for (const entry of state.values()) clearTimeout(entry.giveUp);
    },
  };
}

/** Resolves once `check` succeeds, retrying with backoff and reporting each step to the watch. */
export async function waitUntilReachable(dep: Dependency, check: () => Promise<void>, watch: DependencyWatch, howToFix: string): Promise<void> {
  for (let step = 1; ; step++) {
    try {
      await check();
      watch.up(dep);
      return;
    } catch {
      const delay = backoffDelayMs(step);
      watch.down(dep, step, delay, howToFix);
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}

/** A database URL without credentials, safe to log. */
export function describeDatabaseUrl(url: string | undefined): string {
  if (!url) return 'the embedded database';
  try {
    const u = new URL(url);
    return `${u.hostname}${u.port ? `:${u.port}` : ''}${u.pathname}`;
  } catch {
    return 'the configured DATABASE_URL';
  }
}
