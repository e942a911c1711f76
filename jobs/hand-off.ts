// Hands what a verb just planned to the queue, right after its transaction committed, so
// a message planned for now is sent now rather than at the next reconcile. Used by every
// role (the web role plans most things). Best effort by design: the request that planned
// the rows has already succeeded, and the reconciler queues anything this misses, so a
// Redis that is down or slow is skipped (bounded wait) and only logged, never thrown.
import type { Redis } from 'ioredis';
import type { Db } from '../db/client.js';
import { selectEngagementNudgesDueBefore, type DueNudge } from '../db/nudges.js';
import type { Logger } from '../src/logger.js';
import { enqueueNudges } from './enqueue-nudges.js';
import type { GrowQueue } from './queues.js';

export interface HandOffDeps {
  db: Db;
  queue: GrowQueue<'send-nudge'>;
  connection: Redis;
  logger: Logger;
  now: () => Date;
  /** Rows due within this window are queued (the reconciler's horizon). */
  horizonMs: number;
  /** Longest a request waits for Redis before leaving the rows to the reconciler. */
  timeoutMs?: number;
}

export type HandOffEngagement = (teamId: string, engagementId: string) => Promise<void>;

/** Rows just planned outside any engagement (a check-in's follow-up for a leader without one). */
export type HandOffNudges = (planned: DueNudge[]) => Promise<void>;

type Ids = { teamId: string; engagementId?: string; nudgeIds?: string[] };

/** Queues what `select` finds, bounded by the timeout; a failure is logged, never thrown. */
async function handToQueue(deps: HandOffDeps, ids: Ids, select: (horizon: Date) => Promise<DueNudge[]> | DueNudge[]): Promise<void> {
  if (deps.connection.status !== 'ready') {
    deps.logger.warn(ids, 'Redis is not ready; the reconciler will queue what was planned');
    return;
  }
  const timeoutMs = deps.timeoutMs ?? 500;
  let timer: NodeJS.Timeout | undefined;
  try {
    const now = deps.now();
    const due = await select(new Date(now.getTime() + deps.horizonMs));
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('queue hand-off timed out')), timeoutMs);
    });
    await Promise.race([enqueueNudges(deps.queue, due, now), timeout]);
    if (due.length > 0) deps.logger.debug({ ...ids, nudgeIds: due.map((n) => n.id) }, 'handed to the queue');
  } catch (error) {
    const err = error as { code?: string; message?: string };
    deps.logger.warn({ ...ids, err: { code: err.code, message: err.message } }, 'queue hand-off failed; the reconciler will queue it');
  } finally {
    clearTimeout(timer);
  }
}

export function createHandOff(deps: HandOffDeps): HandOffEngagement {
  return (teamId, engagementId) =>
    handToQueue(deps, { teamId, engagementId }, (horizon) => selectEngagementNudgesDueBefore(deps.db, teamId, engagementId, horizon));
}

export function createNudgeHandOff(deps: HandOffDeps): HandOffNudges {
  return async (planned) => {
    const [first] = planned;
    if (!first) return;
    await handToQueue(deps, { teamId: first.teamId, nudgeIds: planned.map((n) => n.id) }, (horizon) => planned.filter((n) => n.dueAt < horizon));
  };
}
