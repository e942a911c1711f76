// GET /metrics: this process's registry in Prometheus' text format. At scrape time it
// reads queue depth from BullMQ and open and overdue nudges from one count over the
// partial index of open nudges (nudges_open_due_idx), so a scrape stays cheap however
// many nudges have ever been sent.
import type { Queue } from 'bullmq';
import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../../db/client.js';
import { nudgesOpen, nudgesOverdue, queueJobs, registry } from '../observability/metrics.js';

export const OVERDUE_AFTER = '5 minutes';
const QUEUE_STATES = ['waiting', 'delayed', 'active', 'failed'] as const;

export interface MetricsSources {
  /** Where open and overdue nudges are counted; both sources are optional so a test can scrape one. */
  db?: Db;
  /** The queues whose depth this process reports (the worker's, or the web role's view). */
  queues?: Queue[];
}

async function readOpenNudges(db: Db): Promise<void> {
  // Both counts are implied by the partial index's predicate, so Postgres answers them
  // from that index alone; settled rows (sent, skipped…) are never visited.
  const [row] = rowsOf<{ open: number | string; overdue: number | string }>(
    await db.execute(sql`select
      (select count(*) from nudges where status in ('pending', 'sending')) as open,
      (select count(*) from nudges where status in ('pending', 'sending') and due_at < now() - ${OVERDUE_AFTER}::interval) as overdue`),
  );
  nudgesOpen.set(Number(row?.open ?? 0));
  nudgesOverdue.set(Number(row?.overdue ?? 0));
}

async function readQueueDepth(queues: Queue[]): Promise<void> {
  await Promise.all(
    queues.map(async (q) => {
      const counts = await q.getJobCounts(...QUEUE_STATES, 'prioritized');
      // Send jobs carry a priority (fair order across workspaces), so BullMQ keeps the
      // ready ones apart from its plain waiting list; both are "waiting" to an operator.
      counts.waiting = (counts.waiting ?? 0) + (counts.prioritized ?? 0);
      for (const state of QUEUE_STATES) queueJobs.set({ queue: q.name, state }, counts[state] ?? 0);
    }),
  );
}

export function createMetrics(sources: MetricsSources): () => Promise<string> {
  return async () => {
    await Promise.all([sources.db ? readOpenNudges(sources.db) : undefined, sources.queues ? readQueueDepth(sources.queues) : undefined]);
    return registry.metrics();
  };
}

