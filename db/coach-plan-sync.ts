// Plans the messages coaches receive: one weekly digest per coach with a running
// engagement (dedupe key `digest:<coachId>:<ISO week>`) and one brief per upcoming
// session (`brief:<sessionId>`), as `nudges` rows the reconciler hands to the sender.
// Both are safe to run any number of times: the dedupe key's unique index decides.
import { and, asc, eq, gt, lte, sql, type SQL } from 'drizzle-orm';
import { briefDedupeKey, briefDueAt, DEFAULT_DIGEST_TIME, digestDedupeKey, digestDueAt, digestSlots, isoWeekOfDedupeKey, type DigestTime } from '../src/domain/digest/index.js';
import { defaultWorkingHours, type WorkingHours, type WorkingWindow } from '../src/domain/time/index.js';
import type { Db } from './client.js';
import { workingHoursOf } from './people.js';
import { engagements, nudges, people, sessions } from './schema/index.js';
import { workspaceIsLive } from './workspaces.js';

/** Briefs are planned for sessions this far ahead; later ones are planned on a later run. */
export const BRIEF_PLAN_AHEAD_MS = 15 * 86_400_000;

export interface CoachPlanInput {
  /** One workspace, or every workspace when omitted (the scheduled run). */
  teamId?: string;
  now: Date;
  /** The operator's window for a coach Grow has no row for yet; the built-in one when omitted. */
  defaultWorkingHours?: WorkingWindow;
}

type PersonHours = { tz: string | null; workDays: number[] | null; workStartMinute: number | null; workEndMinute: number | null };

// Until Slack has told us about the coach, UTC and the operator's default window stand.
export function hoursOf(p: PersonHours, fallback: WorkingWindow = defaultWorkingHours): WorkingHours {
  if (p.tz === null || p.workDays === null || p.workStartMinute === null || p.workEndMinute === null) {
    return { ...fallback, tz: 'UTC', workDays: [...fallback.workDays] };
  }
  return workingHoursOf({ tz: p.tz, workDays: p.workDays, workStartMinute: p.workStartMinute, workEndMinute: p.workEndMinute });
}

// A statement carries at most 65,535 parameters: a deployment with thousands of coaches
// writes its rows a thousand at a time (each row binds at most eight).
const ROWS_PER_STATEMENT = 1000;

function chunksOf<T>(rows: T[]): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) chunks.push(rows.slice(i, i + ROWS_PER_STATEMENT));
  return chunks;
}

export const personHours = { tz: people.tz, workDays: people.workDays, workStartMinute: people.workStartMinute, workEndMinute: people.workEndMinute };

/** The coach's chosen digest time; the default until Grow has a row for them. */
const digestTimeOfRow = (c: { digestDay: number | null; digestMinute: number | null }): DigestTime =>
  c.digestDay === null || c.digestMinute === null ? DEFAULT_DIGEST_TIME : { day: c.digestDay, minute: c.digestMinute };

/** This week's digest (unless more than a day overdue) and next week's, for every coach with an active engagement. */
export async function planCoachDigests(db: Db, input: CoachPlanInput): Promise<number> {
  const coaches = await db
    .selectDistinct({ teamId: engagements.teamId, coachId: engagements.coachId, ...personHours, digestDay: people.digestDay, digestMinute: people.digestMinute })
    .from(engagements)
    .leftJoin(people, and(eq(people.teamId, engagements.teamId), eq(people.userId, engagements.coachId)))
    .where(and(eq(engagements.status, 'active'), workspaceIsLive(engagements.teamId), input.teamId ? eq(engagements.teamId, input.teamId) : undefined));
  const rows = coaches.flatMap((c) =>
    digestSlots(input.now, hoursOf(c, input.defaultWorkingHours), digestTimeOfRow(c)).map((slot) => ({
      teamId: c.teamId,
      recipientId: c.coachId,
      kind: 'digest',
      dedupeKey: digestDedupeKey(c.coachId, slot.isoWeek),
      dueAt: slot.dueAt,
    })),
  );
  let inserted = 0;
  for (const chunk of chunksOf(rows)) {
    inserted += (await db.insert(nudges).values(chunk).onConflictDoNothing({ target: [nudges.teamId, nudges.dedupeKey] }).returning({ id: nudges.id })).length;
  }
  return inserted;
}

/**
 * The still-scheduled sessions of active engagements in live workspaces, from `from` up to
 * the brief horizon, earliest first, each with its coach's working hours.
 */
export function scheduledCoachSessions(db: Db, input: CoachPlanInput, from: SQL) {
  return db
    .select({ teamId: sessions.teamId, sessionId: sessions.id, scheduledAt: sessions.scheduledAt, engagementId: engagements.id, coachId: engagements.coachId, ...personHours })
    .from(sessions)
    .innerJoin(engagements, eq(engagements.id, sessions.engagementId))
    .leftJoin(people, and(eq(people.teamId, engagements.teamId), eq(people.userId, engagements.coachId)))
    .where(
      and(
        eq(sessions.status, 'scheduled'),
        eq(engagements.status, 'active'),
        workspaceIsLive(engagements.teamId),
        from,
        lte(sessions.scheduledAt, new Date(input.now.getTime() + BRIEF_PLAN_AHEAD_MS)),
        input.teamId ? eq(sessions.teamId, input.teamId) : undefined,
      ),
    )
    .orderBy(asc(sessions.scheduledAt));
}

/**
 * A brief for each scheduled session of an active engagement in the next fortnight; a
 * session that moved moves its brief while the brief is still pending.
 */
export async function planSessionBriefs(db: Db, input: CoachPlanInput): Promise<number> {
  const upcoming = await scheduledCoachSessions(db, input, gt(sessions.scheduledAt, input.now));
  return writeSessionNudges(db, input, upcoming, { kind: 'brief', dedupeKey: briefDedupeKey, dueAt: (s, hours) => briefDueAt(s.scheduledAt, hours, input.now) });
}

export type CoachSession = Awaited<ReturnType<typeof scheduledCoachSessions>>[number];

/** A coach's nudge about one session: its kind, its dedupe key, and when it is due (null: not at all). */
export interface SessionNudgeSpec {
  kind: 'brief' | 'session_held';
  dedupeKey: (sessionId: string) => string;
  dueAt: (session: CoachSession, coachHours: WorkingHours) => Date | null;
}

/**
 * Writes the spec's nudge for each session, to its coach, keyed by dedupe key. A nudge
 * whose session moved (the planned session time is kept in `ref` to tell) takes the new
 * time while it is still pending; one the sender deferred is left alone. Returns the rows written.
 */
export async function writeSessionNudges(db: Db, input: CoachPlanInput, found: CoachSession[], spec: SessionNudgeSpec): Promise<number> {
  const rows = found.flatMap((s) => {
    const dueAt = spec.dueAt(s, hoursOf(s, input.defaultWorkingHours));
    if (!dueAt) return [];
    return [{
      teamId: s.teamId,
      recipientId: s.coachId,
      engagementId: s.engagementId,
      sessionId: s.sessionId,
      kind: spec.kind,
      dedupeKey: spec.dedupeKey(s.sessionId),
      dueAt,
      ref: { sessionId: s.sessionId, sessionAt: s.scheduledAt.getTime() },
    }];
  });
  let written = 0;
  for (const chunk of chunksOf(rows)) {
    written += (await db
      .insert(nudges)
      .values(chunk)
      .onConflictDoUpdate({
        target: [nudges.teamId, nudges.dedupeKey],
        set: { dueAt: sql`excluded.due_at`, ref: sql`excluded.ref`, updatedAt: input.now },
        setWhere: sql`${nudges.status} = 'pending' and ${nudges.ref}->>'sessionAt' is distinct from excluded.ref->>'sessionAt'`,
      })
      .returning({ id: nudges.id })).length;
  }
  return written;
}

/**
 * Moves a coach's pending digests to the day and time they just chose; one already being
 * sent, or sent, stays as it is. Returns the rows moved, for the queue hand-off.
 */
export async function retimeCoachDigests(db: Db, input: { teamId: string; coachId: string; hours: WorkingHours; time: DigestTime }) {
  const pending = await db
    .select({ id: nudges.id, dedupeKey: nudges.dedupeKey })
    .from(nudges)
    .where(and(eq(nudges.teamId, input.teamId), eq(nudges.recipientId, input.coachId), eq(nudges.kind, 'digest'), eq(nudges.status, 'pending')));
  const moved: { id: string; teamId: string; dueAt: Date }[] = [];
  for (const row of pending) {
    const week = row.dedupeKey ? isoWeekOfDedupeKey(row.dedupeKey) : undefined;
    if (!week) continue;
    const dueAt = digestDueAt(week, input.hours, input.time);
    const [updated] = await db.update(nudges).set({ dueAt }).where(and(eq(nudges.id, row.id), eq(nudges.status, 'pending'))).returning({ id: nudges.id });
    if (updated) moved.push({ id: updated.id, teamId: input.teamId, dueAt });
  }
  return moved;
}
