// Plans the messages coaches receive: one weekly digest per coach with a running
// engagement (dedupe key `digest:<coachId>:<ISO week>`) and one brief per upcoming
// session (`brief:<sessionId>`), as `nudges` rows the reconciler hands to the sender.
// Both are safe to run any number of times: the dedupe key's unique index decides.
import { and, asc, eq, gt, lte, sql } from 'drizzle-orm';
import { briefDedupeKey, briefDueAt, digestDedupeKey, digestSlots } from '../src/domain/digest/index.js';
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

/** This week's digest (unless more than a day overdue) and next week's, for every coach with an active engagement. */
export async function planCoachDigests(db: Db, input: CoachPlanInput): Promise<number> {
  const coaches = await db
    .selectDistinct({ teamId: engagements.teamId, coachId: engagements.coachId, ...personHours })
    .from(engagements)
    .leftJoin(people, and(eq(people.teamId, engagements.teamId), eq(people.userId, engagements.coachId)))
    .where(and(eq(engagements.status, 'active'), workspaceIsLive(engagements.teamId), input.teamId ? eq(engagements.teamId, input.teamId) : undefined));
  const rows = coaches.flatMap((c) =>
    digestSlots(input.now, hoursOf(c, input.defaultWorkingHours)).map((slot) => ({
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
 * A brief for each scheduled session of an active engagement in the next fortnight. A
 * session that moved moves its brief while the brief is still pending (the planned
 * session time is kept in `ref` to tell); a brief the sender deferred is left alone.
 */
export async function planSessionBriefs(db: Db, input: CoachPlanInput): Promise<number> {
  const upcoming = await db
    .select({
      teamId: sessions.teamId,
      sessionId: sessions.id,
      scheduledAt: sessions.scheduledAt,
      engagementId: engagements.id,
      coachId: engagements.coachId,
      ...personHours,
    })
    .from(sessions)
    .innerJoin(engagements, eq(engagements.id, sessions.engagementId))
    .leftJoin(people, and(eq(people.teamId, engagements.teamId), eq(people.userId, engagements.coachId)))
    .where(
      and(
        eq(sessions.status, 'scheduled'),
        eq(engagements.status, 'active'),
        workspaceIsLive(engagements.teamId),
        gt(sessions.scheduledAt, input.now),
        lte(sessions.scheduledAt, new Date(input.now.getTime() + BRIEF_PLAN_AHEAD_MS)),
        input.teamId ? eq(sessions.teamId, input.teamId) : undefined,
      ),
    )
    .orderBy(asc(sessions.scheduledAt));
  const rows = upcoming.flatMap((s) => {
    const dueAt = briefDueAt(s.scheduledAt, hoursOf(s, input.defaultWorkingHours), input.now);
    if (!dueAt) return [];
    return [{
      teamId: s.teamId,
      recipientId: s.coachId,
      engagementId: s.engagementId,
      sessionId: s.sessionId,
      kind: 'brief',
      dedupeKey: briefDedupeKey(s.sessionId),
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
