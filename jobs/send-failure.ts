// What a failed send means. A rate limit waits out Retry-After in a delayed job (never in
// the worker); Slack or network trouble goes back to pending for BullMQ's backoff and
// fails only after the last try; an error no retry can fix fails the nudge at once.
import { UnrecoverableError, type Job } from 'bullmq';
import { releaseNudge, type NudgeRow } from '../db/nudges.js';
import { isDomainError } from '../src/domain/errors.js';
import { RecipientGoneError } from './recipient.js';
import type { SendNudgeDeps, SendOutcome } from './send-nudge.js';
import { countRetimed, settleNudge } from './send-outcomes.js';
import { classifySlackError, type SlackFailure } from './slack-client.js';

export interface SendAttempt {
  /** Set just before chat.postMessage: from then on the message may exist in Slack. */
  posting: boolean;
  /** Set when the send ran past its time limit: whatever still runs of it must not post. */
  abandoned?: boolean;
}

/** A send that ran past its time limit (a hung connection, a stuck call); retried like any blip. */
export class SendTimeLimitError extends Error {
  readonly reason = 'time_limit';
  constructor(ms: number) {
    super(`send took longer than ${ms} ms`);
    this.name = 'SendTimeLimitError';
  }
}

/** Slack's verdict, or ours: a recipient Slack no longer has, a workspace with no install. */
function classifyFailure(error: unknown): SlackFailure | null {
  if (error instanceof RecipientGoneError) return { kind: 'permanent', reason: error.reason };
  if (isDomainError(error) && error.code === 'not_found') return { kind: 'permanent', reason: 'not_installed' };
  return classifySlackError(error);
}

export function isLastAttempt(job: Pick<Job, 'attemptsMade' | 'opts'>): boolean {
  return job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
}

export async function handleSendFailure(
  deps: SendNudgeDeps,
  job: Job,
  row: NudgeRow,
  attempt: SendAttempt,
  error: unknown,
): Promise<SendOutcome> {
  const now = deps.now();
  const failure = classifyFailure(error);
  if (failure?.kind === 'rate_limited') {
    // Rejected before doing anything, so this claim does not count as a possible post.
    const dueAt = new Date(now.getTime() + failure.retryAfterMs);
    await releaseNudge(deps.db, row.id, { dueAt, reason: 'rate_limited', refundAttempt: true, now });
    await deps.enqueue([{ id: row.id, teamId: row.teamId, dueAt }]);
    deps.logger.debug({ teamId: row.teamId, nudgeId: row.id, jobId: job.id, retryAfterMs: failure.retryAfterMs }, 'rate limited; nudge re-delayed');
    countRetimed('rate_limited', 'rate_limited');
    return 'rate_limited';
  }
  if (failure?.kind === 'permanent') {
    await settleNudge(deps.db, row.id, 'failed', failure.reason, now);
    throw new UnrecoverableError(`nudge failed: ${failure.reason}`);
  }
  const reason = failure?.reason ?? (error instanceof SendTimeLimitError ? error.reason : 'worker_error');
  if (isLastAttempt(job)) {
    await settleNudge(deps.db, row.id, 'failed', reason, now);
    throw new UnrecoverableError(`nudge failed after ${job.attemptsMade + 1} tries: ${reason}`);
  }
  countRetimed('retried', reason);
  // A post that timed out may still have landed: keep the attempt so the next claim
  // searches the DM history before posting again.
  await releaseAfterDatabaseBlip(() => releaseNudge(deps.db, row.id, { reason, refundAttempt: !attempt.posting, now }));
  throw error;
}

/**
 * The failure may be a dropped database connection, and the release then meets it too.
 * The pool reconnects at once, so a few quick tries put the row back for BullMQ's retry
 * instead of leaving it `sending` until the reconciler's stale-send repair.
 */
async function releaseAfterDatabaseBlip(release: () => Promise<void>, tries = 4): Promise<void> {
  for (let i = 1; ; i++) {
    try {
      return await release();
    } catch (error) {
      if (i >= tries) throw error;
      await new Promise((r) => setTimeout(r, 250 * i));
    }
  }
}
