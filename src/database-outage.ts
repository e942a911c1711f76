// Postgres lost after start, told once. Every request, send and reconcile that needs the
// database fails while it is gone, and each would log its own error; instead the logger
// hands each warning or error whose `err` says "database out of reach" here. The first one
// is held while a ping confirms the outage: confirmed, it is dropped and the dependency
// watch takes over (one line naming Postgres and how to fix it, one per backoff step, one
// when it is back); not confirmed (another dependency refused, a blip already over), the
// held lines are written as they were. Metrics and Slack's answers are not affected.
import { isDatabaseUnavailable } from '../db/client.js';
import { waitUntilReachable, type DependencyWatch } from './dependency-watch.js';

export interface DatabaseProbe {
  ping: () => Promise<void>;
  watch: DependencyWatch;
  howToFix: string;
}

export interface DatabaseOutage {
  /** True when this log line belongs to the outage: it is held, then dropped or written by `write`. */
  screen(err: unknown, write: () => void): boolean;
  /** From now on (Postgres was reached once), failures that say it is out of reach are summarised. */
  follow(probe: DatabaseProbe): void;
}

export function createDatabaseOutage(): DatabaseOutage {
  let probe: DatabaseProbe | undefined;
  let state: 'reachable' | 'checking' | 'lost' = 'reachable';
  let held: (() => void)[] = [];
  const confirm = async (p: DatabaseProbe) => {
    const lost = await p.ping().then(
      () => false,
      () => true,
    );
    const lines = held;
    held = [];
    if (!lost) {
      state = 'reachable';
      for (const write of lines) write();
      return;
    }
    state = 'lost';
    await waitUntilReachable('postgres', p.ping, p.watch, p.howToFix);
    state = 'reachable';
  };
  return {
    screen(err, write) {
      if (!probe || !isDatabaseUnavailable(err)) return false;
      if (state === 'lost') return true;
      held.push(write);
      if (state === 'reachable') {
        state = 'checking';
        void confirm(probe);
      }
      return true;
    },
    follow(p) {
      probe = p;
    },
  };
}
