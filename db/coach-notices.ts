// A coach's pending notice items and the one `coach_notice` row per batch slot that tells them.
import { and, eq, inArray, isNull, lte, or } from 'drizzle-orm';
import type { Db } from './client.js';
import { hoursOf } from './coach-plan-sync.js';
import { coachNotices, engagements, nudges, people, sessions } from './schema/index.js';
import { isNoticeTopic, nextNoticeSlot, noticeDedupeKey, type NoticeEvent, type NoticeTopic, type PendingNotice } from '../src/domain/notices/index.js';
export type { PendingNotice };
import type { WorkingWindow } from '../src/domain/time/index.js';

export interface NoticeToRecord {
  teamId: string;
  engagementId: string;
  coachId: string;
  leaderId: string;
  event: NoticeEvent;
  sessionId?: string;
  now: Date;
  defaultWorkingHours?: WorkingWindow;
}

/** Appends the item and makes sure the coach's next batch slot has its row; returns that row when it was just planned. */
export async function recordCoachNotice(db: Db, n: NoticeToRecord): Promise<{ id: string; teamId: string; dueAt: Date } | null> {
  await db.insert(coachNotices).values({ teamId: n.teamId, coachId: n.coachId, leaderId: n.leaderId, engagementId: n.engagementId, event: n.event, sessionId: n.sessionId ?? null, createdAt: n.now });
  const [coach] = await db.select().from(people).where(and(eq(people.teamId, n.teamId), eq(people.userId, n.coachId)));
  const hours = hoursOf(coach ?? { tz: null, workDays: null, workStartMinute: null, workEndMinute: null }, n.defaultWorkingHours);
  const dueAt = nextNoticeSlot(n.now, hours);
  const [row] = await db
    .insert(nudges)
    .values({ teamId: n.teamId, recipientId: n.coachId, kind: 'coach_notice', dedupeKey: noticeDedupeKey(n.coachId, dueAt), dueAt })
    .onConflictDoNothing({ target: [nudges.teamId, nudges.dedupeKey] })
    .returning({ id: nudges.id, teamId: nudges.teamId, dueAt: nudges.dueAt });
  return row ?? null;
}

/** Items not yet told (or held by this very row, on a retry), up to `now`, of engagements the recipient still coaches. */
export async function pendingCoachNotices(db: Db, input: { teamId: string; coachId: string; nudgeId: string; now: Date }): Promise<{ items: PendingNotice[]; withdrawn: string[] }> {
  const rows = await db
    .select({ item: coachNotices, engagementCoach: engagements.coachId, sessionSeq: sessions.seq, sessionAt: sessions.scheduledAt })
    .from(coachNotices)
    .innerJoin(engagements, eq(engagements.id, coachNotices.engagementId))
    .leftJoin(sessions, eq(sessions.id, coachNotices.sessionId))
    .where(
      and(
        eq(coachNotices.teamId, input.teamId),
        eq(coachNotices.coachId, input.coachId),
        or(isNull(coachNotices.nudgeId), eq(coachNotices.nudgeId, input.nudgeId)),
        lte(coachNotices.createdAt, input.now),
      ),
    );
  const items: PendingNotice[] = [];
  const withdrawn: string[] = [];
  for (const r of rows) {
    // The engagement has another coach now: this one is no longer told about it.
    if (r.engagementCoach !== input.coachId) withdrawn.push(r.item.id);
    else items.push({ ...r.item, event: r.item.event as NoticeEvent, sessionSeq: r.sessionSeq, sessionAt: r.sessionAt });
  }
  return { items, withdrawn };
}

/** Marks items as handled by this row, told or withdrawn, so no later row tells them again. */
export async function markCoachNotices(db: Db, teamId: string, ids: string[], nudgeId: string): Promise<void> {
  if (ids.length === 0) return;
  await db.update(coachNotices).set({ nudgeId }).where(and(eq(coachNotices.teamId, teamId), inArray(coachNotices.id, ids)));
}

export const noticesOffOf = (p: { noticesOff: string[] } | undefined): NoticeTopic[] => (p?.noticesOff ?? []).filter(isNoticeTopic);

export async function saveNoticesOff(db: Db, teamId: string, userId: string, off: readonly NoticeTopic[]): Promise<void> {
  await db.update(people).set({ noticesOff: [...off] }).where(and(eq(people.teamId, teamId), eq(people.userId, userId)));
}
