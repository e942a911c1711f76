// Counts the Slack listener work still running in this process. A listener acks first and
// keeps working (writes, re-plans, Web API calls); a shutdown that closed the database under
// it would lose that work halfway. The web role's close() drains this before returning, so
// the database closes only after the last listener has finished (or the bound has passed).
import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';

export interface InFlight {
  /** Global Bolt middleware: the listener chain of each request is tracked until it settles. */
  middleware: Middleware<AnyMiddlewareArgs>;
  /** Listener chains running now. */
  size(): number;
  /** Resolves when nothing is running, or after `boundMs`; says how many were still running. */
  drain(boundMs: number): Promise<{ left: number }>;
}

export function createInFlight(): InFlight {
  const running = new Set<Promise<unknown>>();
  return {
    middleware: async ({ next }) => {
      const work = next();
      running.add(work);
      try {
        await work;
      } finally {
        running.delete(work);
      }
    },
    size: () => running.size,
    async drain(boundMs) {
      let timer: NodeJS.Timeout | undefined;
      const bound = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, boundMs);
      });
      // Work that starts while draining (a request already past the socket) is waited for too.
      while (running.size > 0) {
        const settled = Promise.allSettled([...running]).then(() => 'settled' as const);
        if ((await Promise.race([settled, bound.then(() => 'bound' as const)])) === 'bound') break;
      }
      clearTimeout(timer);
      return { left: running.size };
    },
  };
}
