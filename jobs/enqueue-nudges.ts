// Hands nudge rows to BullMQ as delayed send jobs. Idempotent: the job id names the
// (nudge, due time) pair, so adding what is already queued does nothing. Fair across
// workspaces: each job's priority is its position among its own workspace's rows in the
// batch, so when many fall due together the queue takes the first of every workspace,
// then the second of every workspace, and so on. A workspace of twenty leaders is done
// in its first twenty rounds instead of waiting behind five thousand of another's.
import { sendJobId } from './job-types.js';
import type { GrowQueue } from './queues.js';

export interface NudgeToEnqueue {
  id: string;
  teamId: string;
  dueAt: Date;
}

export type EnqueueNudges = (nudges: NudgeToEnqueue[]) => Promise<void>;

// BullMQ's highest allowed priority number; a workspace with more rows in one batch
// shares the last rank (still fair across workspaces, FIFO among those rows).
const MAX_PRIORITY = 2_097_152;

/**
 * Priority (1 = first) of each row: its rank within its workspace, in the order given
 * (the reconciler's due time, then id). Every send job carries one, so none skips ahead
 * through BullMQ's unprioritised list.
 */
export function fairPriorities(nudges: readonly NudgeToEnqueue[]): number[] {
  const seen = new Map<string, number>();
  return nudges.map((n) => {
    const rank = (seen.get(n.teamId) ?? 0) + 1;
    seen.set(n.teamId, rank);
    return Math.min(rank, MAX_PRIORITY);
  });
}

export async function enqueueNudges(queue: GrowQueue<'send-nudge'>, nudges: NudgeToEnqueue[], now: Date): Promise<void> {
  if (nudges.length === 0) return;
  const priorities = fairPriorities(nudges);
  await queue.addBulk(
    nudges.map((n, i) => ({
      name: 'send-nudge' as const,
      data: { nudgeId: n.id, teamId: n.teamId },
      opts: { jobId: sendJobId(n.id, n.dueAt), delay: Math.max(0, n.dueAt.getTime() - now.getTime()), priority: priorities[i] },
    })),
  );
}
