// The reconciler: Postgres is the truth, so every run hands BullMQ whatever is due soon
// (whether or not it is already queued; adding a queued job id is a no-op) and repairs
// rows whose worker died mid-send. After Redis loses everything, one run restores it.
import type { Db } from '../db/client.js';
import type { PlanSettings } from '../db/plan-sync.js';
import { selectNudgesToEnqueue, type DueNudge } from '../db/nudges.js';
import type { Logger } from '../src/logger.js';
import { enqueueNudges } from './enqueue-nudges.js';
import { createProcessor } from './processor.js';
import { completeEngagements } from './complete-engagements.js';
import { replanOrphans } from './replan-orphans.js';
import type { GrowQueue } from './queues.js';

export interface ReconcileSettings {
  /** Rows due within this window are queued as delayed jobs (default 10 minutes). */
  horizonMs: number;
  /**
   * A row `sending` for longer than this lost its worker. Far beyond any real send (a
   * few Slack calls with a 10 s timeout each), so a slow send is never mistaken for a dead one.
   */
  staleSendingMs: number;
  /** Most rows handled per run; the earliest due go first. */
  batchSize: number;
}

export const defaultReconcileSettings: ReconcileSettings = { horizonMs: 10 * 60_000, staleSendingMs: 5 * 60_000, batchSize: 5000 };

/** The plan settings are the operator's (config), so a re-planned orphan follows the same rhythm and window as everything else. */
export interface ReconcileDeps extends PlanSettings {
  db: Db;
  sendQueue: GrowQueue<'send-nudge'>;
  logger: Logger;
  settings?: Partial<ReconcileSettings>;
}

export interface ReconcileResult {
  enqueued: number;
  repaired: number;
}

/** The Postgres half of a pass: completes what is over, repairs and re-plans, then reads what is due soon. */
export async function collectDue(deps: ReconcileDeps, now: Date): Promise<DueNudge[]> {
  const settings = { ...defaultReconcileSettings, ...deps.settings };
  // Completing first: a completed engagement has nothing left to re-plan.
  await completeEngagements(deps, now);
  await replanOrphans(deps, now);
  return selectNudgesToEnqueue(deps.db, {
    now,
    horizonMs: settings.horizonMs,
    staleSendingMs: settings.staleSendingMs,
    limit: settings.batchSize,
  });
}

/** The Redis half of a pass: hands BullMQ what `collectDue` found. */
export async function enqueueDue(deps: Pick<ReconcileDeps, 'sendQueue' | 'logger'>, due: DueNudge[], now: Date): Promise<ReconcileResult> {
  await enqueueNudges(deps.sendQueue, due, now);
  const repaired = due.filter((n) => n.repaired);
  if (repaired.length > 0) {
    deps.logger.warn({ nudgeIds: repaired.map((n) => n.id) }, 'repaired nudges left in sending by a lost worker');
  }
  return { enqueued: due.length, repaired: repaired.length };
}

export async function reconcileOnce(deps: ReconcileDeps, now: Date = new Date()): Promise<ReconcileResult> {
  return enqueueDue(deps, await collectDue(deps, now), now);
}

export function createReconcileProcessor(deps: ReconcileDeps, now: () => Date) {
  return createProcessor('reconcile', () => reconcileOnce(deps, now()));
}
