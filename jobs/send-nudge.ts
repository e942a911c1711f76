// The send-nudge processor: claim the row, check that the message is still wanted and
// that now is a good moment for the recipient, render it from current data, post it
// with the nudge id in its metadata, record it. Exactly once as the leader sees it: a
// row claimed before (attempts > 1) is first looked for in the DM history. A workspace
// whose post was answered 429 is held until its Retry-After, and its posts are then paced
// (post-pacing.ts), before anything is claimed.
import { DelayedError, UnrecoverableError } from 'bullmq';
import type { Db } from '../db/client.js';
import { workingHoursOf } from '../db/people.js';
import { recordPostedMessages } from '../db/posted-messages.js';
import { claimNudgeToSend, findNudge, releaseNudge, type ClaimedNudge, type NudgeRow } from '../db/nudges.js';
import type { Cipher } from '../src/crypto.js';
import { defaultRhythm, type RhythmSettings } from '../src/domain/planner/rhythm.js';
import { deferPastDnd, isWithinWorkingHours, nextWorkingInstant, type WorkingWindow } from '../src/domain/time/index.js';
import type { Logger } from '../src/logger.js';
import type { EnqueueNudges } from './enqueue-nudges.js';
import { findPostedNudge } from './find-posted-nudge.js';
import { sendJobId } from './job-types.js';
import { createProcessor, type GrowJob } from './processor.js';
import { handleSendFailure, SendTimeLimitError, type SendAttempt } from './send-failure.js';
import { countRetimed, recordSent, settleNudge } from './send-outcomes.js';
import { nudgeMetadata } from './nudge-metadata.js';
import { decideNudge, definitionOf } from './kinds/decide-nudge.js';
import { readDndEnd } from './dnd-windows.js';
import { createMemoryPacingStore, type PacingStore } from './pacing-store.js';
import { loadRecipient, openDmChannel, RecipientGoneError } from './recipient.js';
import { classifySlackError, type SlackClients } from './slack-client.js';
import { postThreadReplies } from './thread-replies.js';

export interface SendNudgeDeps {
  db: Db;
  cipher: Cipher;
  logger: Logger;
  slack: SlackClients;
  enqueue: EnqueueNudges;
  now: () => Date;
  /** The operator's rhythm (config); the planner's defaults when omitted. */
  rhythm?: RhythmSettings;
  /** The window a recipient Grow meets for the first time starts with (config). */
  defaultWorkingHours?: WorkingWindow;
  /** DND windows and 429 holds per workspace, shared by every worker; in-process when omitted. */
  pacing?: PacingStore;
  /** Runs after chat.postMessage succeeded and before the row is marked (crash tests). */
  afterPost?: (nudgeId: string) => Promise<void> | void;
  /** A send still running after this is given up and retried (config; 60 s when omitted). */
  timeLimitMs?: number;
}

export type SendOutcome = 'sent' | 'found_in_history' | 'deferred' | 'skipped' | 'cancelled' | 'failed' | 'rate_limited' | 'not_claimed' | 'moved';

export type SendNudgeJob = GrowJob<'send-nudge', SendOutcome>;

/** Puts a claimed row back to pending for a later moment, with a job for that moment. */
async function deferNudge(deps: SendNudgeDeps, row: NudgeRow, dueAt: Date, reason: string): Promise<SendOutcome> {
  await releaseNudge(deps.db, row.id, { dueAt, reason, refundAttempt: true, now: deps.now() });
  await deps.enqueue([{ id: row.id, teamId: row.teamId, dueAt }]);
  countRetimed('deferred', reason);
  return 'deferred';
}

async function deliver(deps: SendNudgeDeps & { pacing: PacingStore }, claimed: ClaimedNudge, now: Date, attempt: SendAttempt): Promise<SendOutcome> {
  const { row } = claimed;
  const client = await deps.slack.forTeam(row.teamId);
  const definition = definitionOf(row.kind);
  // A stakeholder or sponsor who has left is skipped: the round (the engagement) goes on without them.
  const gone = definition?.recipient === 'stakeholder' || definition?.recipient === 'sponsor' ? 'skipped' : 'failed';
  let person;
  try {
    person = claimed.person ?? (await loadRecipient(deps.db, client, row.teamId, row.recipientId, now, deps.defaultWorkingHours));
  } catch (error) {
    if (gone !== 'skipped' || !(error instanceof RecipientGoneError)) throw error;
    await settleNudge(deps.db, row.id, 'skipped', 'recipient_inactive', now);
    return 'skipped';
  }
  if (!person.isActive) {
    await settleNudge(deps.db, row.id, gone, 'recipient_inactive', now);
    return gone;
  }
  const rules = definition?.rules;
  // Paused: what falls due is dropped, not saved up for the leader's return.
  if (rules?.pause && person.pausedUntil && person.pausedUntil > now) {
    await settleNudge(deps.db, row.id, 'skipped', 'paused', now);
    return 'skipped';
  }
  const decision = await decideNudge({ db: deps.db, cipher: deps.cipher, row, person, engagement: claimed.engagement ?? null, now, rhythm: deps.rhythm ?? defaultRhythm });
  if (!decision.applies) {
    await settleNudge(deps.db, row.id, decision.status, decision.reason, now);
    return decision.status;
  }
  const hours = workingHoursOf(person);
  if (rules?.workingHours && !isWithinWorkingHours(now, hours)) return deferNudge(deps, row, nextWorkingInstant(now, hours), 'outside_working_hours');
  const dndEnd = rules?.dnd ? await readDndEnd({ db: deps.db, store: deps.pacing, client, teamId: row.teamId, userId: person.userId, now }) : null;
  if (dndEnd) return deferNudge(deps, row, deferPastDnd(now, dndEnd, hours), 'dnd');
  const channel = await openDmChannel(deps.db, client, person);
  if (row.attempts > 1) {
    const ts = await findPostedNudge(client, channel, row.id, row.createdAt);
    if (ts) {
      await recordSent(deps.db, row, { channelId: channel, messageTs: ts, now: deps.now() }, 'found_in_history');
      return 'found_in_history';
    }
  }
  if (attempt.abandoned) throw new SendTimeLimitError(deps.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS);
  attempt.posting = true;
  const posted = await client.chat.postMessage({
    channel,
    text: decision.message.text,
    blocks: decision.message.blocks,
    metadata: nudgeMetadata(row.id),
    unfurl_links: false,
    unfurl_media: false,
  });
  await deps.afterPost?.(row.id);
  const channelId = posted.channel ?? channel;
  const messageTs = posted.ts ?? '';
  await recordSent(deps.db, row, { channelId, messageTs, now: deps.now() });
  // A digest quotes several leaders: which ones, so erasing one can update or delete it.
  const coverage = (ts: string, leaderIds: string[]) =>
    leaderIds.map((aboutId) => ({ teamId: row.teamId, recipientId: row.recipientId, kind: 'digest' as const, channelId, messageTs: ts, aboutId }));
  await recordPostedMessages(deps.db, coverage(messageTs, decision.about ?? [])).catch((error: unknown) => deps.logger.warn({ nudgeId: row.id, err: error }, 'digest coverage not recorded'));
  await postThreadReplies({ db: deps.db, logger: deps.logger, client }, { channelId, threadTs: messageTs, nudgeId: row.id }, decision.replies ?? [], coverage);
  return 'sent';
}

/** Nothing to claim: already handled, or moved to a later time than this job's. */
async function handleUnclaimed(deps: SendNudgeDeps, job: SendNudgeJob, token: string | undefined, nudgeId: string, now: Date): Promise<SendOutcome> {
  const current = await findNudge(deps.db, nudgeId);
  if (current?.status !== 'pending' || current.dueAt <= now) return 'not_claimed';
  if (sendJobId(current.id, current.dueAt) === job.id) {
    // This very job fired early (clock skew between hosts): wait in place. BullMQ
    // counts on the process clock, so the wait is measured rather than copied.
    await job.moveToDelayed(Date.now() + (current.dueAt.getTime() - now.getTime()), token);
    throw new DelayedError();
  }
  await deps.enqueue([{ id: current.id, teamId: current.teamId, dueAt: current.dueAt }]);
  return 'moved';
}

/**
 * A workspace Slack told to wait: the job waits in place, unclaimed, for the end of the
 * hold and then for its slot among the workspace's paced posts, without asking Slack
 * again just to hear the same answer; other workspaces' jobs go on meanwhile.
 */
async function waitForPostSlot(pacing: PacingStore, job: SendNudgeJob, token: string | undefined, teamId: string, now: Date): Promise<void> {
  const wait = await pacing.reservePost(teamId, job.id ?? '', now.getTime());
  if (wait <= 0) return;
  await job.moveToDelayed(Date.now() + wait, token);
  throw new DelayedError();
}

const DEFAULT_TIME_LIMIT_MS = 60_000;

/**
 * Runs a delivery under the time limit. A hang (a query on a connection Postgres killed
 * that never settles, a call that never answers) must not hold the row `sending` and the
 * worker slot: past the limit the attempt is marked abandoned, so whatever still runs of
 * it stops before posting, and the caller releases the row and fails the job retryably.
 */
async function withinTimeLimit<T>(work: () => Promise<T>, attempt: SendAttempt, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      attempt.abandoned = true;
      reject(new SendTimeLimitError(ms));
    }, ms);
  });
  const running = work();
  running.catch(() => {}); // Its failure after the limit is no one's to handle.
  try {
    return await Promise.race([running, limit]);
  } finally {
    clearTimeout(timer);
  }
}

export function createSendNudgeProcessor(sendDeps: SendNudgeDeps) {
  const deps = { ...sendDeps, pacing: sendDeps.pacing ?? createMemoryPacingStore() };
  return createProcessor('send-nudge', async ({ nudgeId, teamId }, job: SendNudgeJob, token): Promise<SendOutcome> => {
    const now = deps.now();
    await waitForPostSlot(deps.pacing, job, token, teamId, now);
    const claimed = await claimNudgeToSend(deps.db, nudgeId, now);
    if (!claimed) return handleUnclaimed(deps, job, token, nudgeId, now);
    const { row } = claimed;
    if (row.teamId !== teamId) {
      await settleNudge(deps.db, row.id, 'failed', 'team_mismatch', now);
      throw new UnrecoverableError('send-nudge payload names another team');
    }
    const attempt: SendAttempt = { posting: false };
    try {
      return await withinTimeLimit(() => deliver(deps, claimed, now, attempt), attempt, deps.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS);
    } catch (error) {
      const failure = classifySlackError(error);
      // Only a refused post holds and paces the workspace's posting; a refused DND lookup holds lookups.
      if (failure?.kind === 'rate_limited' && attempt.posting) await deps.pacing.refusePost(row.teamId, failure.retryAfterMs, deps.now().getTime());
      return handleSendFailure(deps, job, row, attempt, error);
    }
  });
}
