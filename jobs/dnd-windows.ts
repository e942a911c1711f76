// Do Not Disturb at send time without a Slack call per send. dnd.teamInfo (Tier 2) answers
// for up to 50 people at once, so a miss reads the windows of everyone in the team with
// something due soon, and the scheduled windows are kept until they end (or for a day):
// chat.postMessage stays the only limit that binds. A bot token never sees another
// person's snooze (Slack shows it to the user's own token only), so the schedule is all
// there is to read.
import { ErrorCode, type WebClient } from '@slack/web-api';
import { z } from 'zod';
import type { Db } from '../db/client.js';
import { selectRecipientsDueNext } from '../db/nudges.js';
import type { DndWindow, PacingStore } from './pacing-store.js';
import { classifySlackError, platformErrorCode } from './slack-client.js';

const BATCH = 50;
// Whose windows ride along with a miss: people with a nudge due within this horizon.
const AHEAD_MS = 15 * 60_000;
const MAX_AGE_S = 12 * 3600;
const LOCK_MS = 5_000;
const WAIT_STEP_MS = 50;
// Long enough for a fetch under load; a fetch for one person alone would spend the
// Tier 2 allowance fifty times faster.
const WAIT_STEPS = 120;

// Only the fields Grow reads; Slack adds others freely.
const teamInfoSchema = z.object({
  users: z.record(z.object({
    dnd_enabled: z.boolean().optional(),
    next_dnd_start_ts: z.number().optional(),
    next_dnd_end_ts: z.number().optional(),
  })).default({}),
});

export interface DndLookup {
  db: Db;
  store: PacingStore;
  client: WebClient;
  teamId: string;
  userId: string;
  now: Date;
}

/** A window still says what DND looks like at `nowS`: it has not ended and is not too old. */
function isFresh(w: DndWindow | undefined, nowS: number): w is DndWindow {
  if (!w || nowS - w.fetchedAt > MAX_AGE_S) return false;
  return !(w.enabled && nowS >= w.end);
}

function endAt(w: DndWindow, nowS: number): Date | null {
  return w.enabled && w.start <= nowS && nowS < w.end ? new Date(w.end * 1000) : null;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Reads as Slack's own 429, so the nudge waits like any rate-limited send. */
function lookupsHeld(untilMs: number, nowMs: number): Error {
  return Object.assign(new Error('DND lookups held'), { code: ErrorCode.RateLimitedError, retryAfter: Math.max(1, Math.ceil((untilMs - nowMs) / 1000)) });
}

async function fetchWindows(l: DndLookup, userIds: string[], nowS: number): Promise<Map<string, DndWindow>> {
  const nowMs = l.now.getTime();
  const heldUntil = await l.store.holdUntil(l.teamId, 'dnd');
  if (heldUntil > nowMs) throw lookupsHeld(heldUntil, nowMs);
  let raw: unknown;
  try {
    raw = await l.client.dnd.teamInfo({ users: userIds.join(',') });
  } catch (error) {
    const failure = classifySlackError(error);
    if (failure?.kind === 'rate_limited') await l.store.hold(l.teamId, 'dnd', nowMs + failure.retryAfterMs, nowMs);
    const code = platformErrorCode(error);
    // A workspace that did not grant dnd:read simply gets no DND deferral.
    if (code === 'missing_scope' || code === 'not_allowed_token_type' || code === 'no_permission') raw = { users: {} };
    else throw error;
  }
  const users = teamInfoSchema.safeParse(raw).data?.users ?? {};
  // Someone Slack did not answer for is read as "no schedule", and asked again tomorrow.
  const windows = new Map<string, DndWindow>(userIds.map((id) => {
    const u = users[id];
    return [id, { enabled: u?.dnd_enabled ?? false, start: u?.next_dnd_start_ts ?? 0, end: u?.next_dnd_end_ts ?? 0, fetchedAt: nowS }];
  }));
  await l.store.saveWindows(l.teamId, windows);
  return windows;
}

/**
 * The batch for a miss: this person, those waiting for theirs, then the next people in
 * the queue's order whose windows are not known yet, so the jobs that follow find theirs.
 */
async function batchFor(l: DndLookup, nowS: number): Promise<string[]> {
  // Up to twenty batches ahead may be known already (Tier 2's burst); look past them.
  const due = (await selectRecipientsDueNext(l.db, l.teamId, new Date(l.now.getTime() + AHEAD_MS), BATCH * 24)).filter((id) => id !== l.userId);
  const waiting = (await l.store.takeWanted(l.teamId, BATCH - 1)).filter((id) => id !== l.userId);
  const known = await l.store.readWindows(l.teamId, due);
  const rest = due.filter((id) => !waiting.includes(id) && !isFresh(known.get(id), nowS));
  return [l.userId, ...waiting, ...rest].slice(0, BATCH);
}

/** When Do Not Disturb is on for the recipient at `now`, the instant it lifts; null otherwise. */
export async function readDndEnd(l: DndLookup): Promise<Date | null> {
  const nowS = l.now.getTime() / 1000;
  for (let i = 0; i < WAIT_STEPS; i++) {
    const cached = (await l.store.readWindows(l.teamId, [l.userId])).get(l.userId);
    if (isFresh(cached, nowS)) return endAt(cached, nowS);
    if (await l.store.lockFetch(l.teamId, LOCK_MS)) {
      try {
        return endAt((await fetchWindows(l, await batchFor(l, nowS), nowS)).get(l.userId)!, nowS);
      } finally {
        await l.store.unlockFetch(l.teamId);
      }
    }
    // Another job is reading this team's windows; the next read includes this person.
    if (i === 0) await l.store.want(l.teamId, l.userId);
    await sleep(WAIT_STEP_MS);
  }
  return endAt((await fetchWindows(l, await batchFor(l, nowS), nowS)).get(l.userId)!, nowS);
}
