// Hands nudge rows to BullMQ as delayed send jobs. Idempotent: the job id names the
// (nudge, due time) pair, so adding what is already queued does nothing.
import { sendJobId } from './job-types.js';
import type { GrowQueue } from './queues.js';

export interface NudgeToEnqueue {
  id: string;
  teamId: string;
  dueAt: Date;
}

export type EnqueueNudges = (nudges: NudgeToEnqueue[]) => Promise<void>;

export async function enqueueNudges(queue: GrowQueue<'send-nudge'>, nudges: NudgeToEnqueue[], now: Date): Promise<void> {
  if (nudges.length === 0) return;
  await queue.addBulk(
    nudges.map((n) => ({
      name: 'send-nudge' as const,
      data: { nudgeId: n.id, teamId: n.teamId },
      opts: { jobId: sendJobId(n.id, n.dueAt), delay: Math.max(0, n.dueAt.getTime() - now.getTime()) },
    })),
  );
}
