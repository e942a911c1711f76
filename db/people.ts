// People Grow knows: their time zone, working hours and pause state, per workspace.
import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { DigestTime } from '../src/domain/digest/index.js';
import type { Db } from './client.js';
import { people } from './schema/index.js';
import { resolveWorkingHours, type WorkingHours, type WorkingWindow } from '../src/domain/time/index.js';

export type Person = typeof people.$inferSelect;

export async function findPerson(db: Db, teamId: string, userId: string): Promise<Person | undefined> {
  const [row] = await db.select().from(people).where(and(eq(people.teamId, teamId), eq(people.userId, userId)));
  return row;
}

/**
 * The columns a new row starts with: the operator's default window (`WORK_DAYS`,
 * `WORK_HOURS`). Only inserts use it; a person's own choice is never overwritten.
 */
function startingWindow(window: WorkingWindow | undefined) {
  return window ? { workDays: [...window.workDays], workStartMinute: window.startMinute, workEndMinute: window.endMinute } : {};
}

/** Records a person on first contact (with `newPerson` as their window), or refreshes their time zone. */
export async function upsertPersonTz(db: Db, teamId: string, userId: string, tz: string, now: Date, newPerson?: WorkingWindow): Promise<void> {
  await db
    .insert(people)
    .values({ teamId, userId, tz, tzRefreshedAt: now, ...startingWindow(newPerson) })
    .onConflictDoUpdate({ target: [people.teamId, people.userId], set: { tz, tzRefreshedAt: now, isActive: true } });
}

/** Makes sure a row exists (UTC until Slack tells us better) without touching an existing one. */
export async function ensurePerson(db: Db, teamId: string, userId: string, newPerson?: WorkingWindow): Promise<void> {
  await db.insert(people).values({ teamId, userId, ...startingWindow(newPerson) }).onConflictDoNothing();
}

export async function setPausedUntil(db: Db, teamId: string, userId: string, until: Date | null, newPerson?: WorkingWindow): Promise<void> {
  await db
    .insert(people)
    .values({ teamId, userId, pausedUntil: until, ...startingWindow(newPerson) })
    .onConflictDoUpdate({ target: [people.teamId, people.userId], set: { pausedUntil: until } });
}

/** The person's own working window, chosen in Settings; their zone stays Slack's. */
export async function saveWorkingHours(db: Db, teamId: string, userId: string, window: WorkingWindow): Promise<void> {
  const columns = startingWindow(window);
  await db
    .insert(people)
    .values({ teamId, userId, ...columns })
    .onConflictDoUpdate({ target: [people.teamId, people.userId], set: columns });
}

export async function resetUnansweredFollowUps(db: Db, teamId: string, userId: string): Promise<void> {
  await db
    .update(people)
    .set({ unansweredFollowUps: sql`0` })
    .where(and(eq(people.teamId, teamId), eq(people.userId, userId)));
}

/** Remembers the bot's DM with a person, so sends and history look-ups skip conversations.open. */
export async function saveDmChannel(db: Db, teamId: string, userId: string, channelId: string): Promise<void> {
  await db.update(people).set({ dmChannelId: channelId }).where(and(eq(people.teamId, teamId), eq(people.userId, userId)));
}

/** People whose zone was last read from Slack before `staleBefore` (or never), oldest first. */
export async function selectPeopleToRefresh(db: Db, options: { staleBefore: Date; limit: number; teamId?: string }): Promise<Pick<Person, 'teamId' | 'userId' | 'tz'>[]> {
  return db
    .select({ teamId: people.teamId, userId: people.userId, tz: people.tz })
    .from(people)
    .where(
      and(
        // Inactive people are asked again too, a day later: someone deactivated, or retired
        // on a wrong answer, who is back in Slack becomes active again.
        options.teamId ? eq(people.teamId, options.teamId) : undefined,
        or(isNull(people.tzRefreshedAt), lt(people.tzRefreshedAt, options.staleBefore)),
      ),
    )
    .orderBy(sql`${people.tzRefreshedAt} asc nulls first`)
    .limit(options.limit);
}

/** Marks a person Slack no longer knows (deleted or deactivated): Grow stops writing to them. */
export async function markPersonInactive(db: Db, teamId: string, userId: string, now: Date): Promise<void> {
  await db.update(people).set({ isActive: false, tzRefreshedAt: now }).where(and(eq(people.teamId, teamId), eq(people.userId, userId)));
}

/** The person's working window as the time rules read it (nonsense falls back to defaults). */
export function workingHoursOf(person: Pick<Person, 'tz' | 'workDays' | 'workStartMinute' | 'workEndMinute'>): WorkingHours {
  return resolveWorkingHours({ tz: person.tz, workDays: person.workDays, startMinute: person.workStartMinute, endMinute: person.workEndMinute });
}

/** The day and time a coach chose for their weekly digest. */
export const digestTimeOf = (p: Pick<Person, 'digestDay' | 'digestMinute'>): DigestTime => ({ day: p.digestDay, minute: p.digestMinute });

export async function saveDigestTime(db: Db, teamId: string, userId: string, time: DigestTime): Promise<void> {
  await db.update(people).set({ digestDay: time.day, digestMinute: time.minute }).where(and(eq(people.teamId, teamId), eq(people.userId, userId)));
}
