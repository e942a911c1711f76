// Where a send's outcome is both written and counted: closing a nudge (failed, skipped,
// cancelled, with its reason), re-timing one (deferred, rate limited), marking one sent
// (with how late it went out). Keeping the write and the count together means the
// metrics cannot drift from what the rows say.
import type { Db } from '../db/client.js';
import { closeNudge, markNudgeSent, type NudgeRow } from '../db/nudges.js';
import { countSend, deliveryLatenessSeconds } from '../src/observability/metrics.js';

type ClosedStatus = Parameters<typeof closeNudge>[2];

export async function settleNudge(db: Db, id: string, status: ClosedStatus, reason: string, now: Date): Promise<void> {
  if (await closeNudge(db, id, status, reason, now)) countSend(status, reason);
}

/** A claimed nudge that goes out later (deferred, rate limited, retried after an error): counted; the write is the caller's. */
export function countRetimed(outcome: 'deferred' | 'rate_limited' | 'retried', reason: string): void {
  countSend(outcome, reason);
}

export async function recordSent(
  db: Db,
  row: Pick<NudgeRow, 'id' | 'teamId' | 'recipientId' | 'kind' | 'dueAt'>,
  mark: { channelId: string; messageTs: string; now: Date },
  reason: '' | 'found_in_history' = '',
): Promise<void> {
  if (!(await markNudgeSent(db, row, mark))) return;
  countSend('sent', reason);
  deliveryLatenessSeconds.observe({ kind: row.kind }, Math.max(0, (mark.now.getTime() - row.dueAt.getTime()) / 1000));
}
