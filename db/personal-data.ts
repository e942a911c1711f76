// Everything Grow keeps about one person in one workspace: gathered (decrypted) for
// `/grow export`, and erased for `/grow delete`.
import { and, eq, inArray, isNotNull, or } from 'drizzle-orm';
import type { Cipher } from '../src/crypto.js';
import type { Db } from './client.js';
import { erasePulsePerson, pulseRecordOf } from './pulse.js';
import { eraseProgrammePerson, programmeRecordOf } from './programme.js';
import { openCheckIn } from './check-ins.js';
import { rowSeal } from './sealed.js';
import { openReflection } from './reflections.js';
import { coachNotesWrittenBy } from './coach-notes.js';
import { recapsReceivedBy } from './recaps.js';
import { actions, checkIns, coachNotes, coachNotices, engagements, nudges, people, postedMessages, reflections, sessionRecaps, sessions, targets, askedQuestions } from './schema/index.js';
import type { PostedRow } from './posted-messages.js';

const iso = (d: Date | null) => d?.toISOString() ?? null;
const withTen = ({ makeItTen, ...rest }: ReturnType<typeof openCheckIn>) => ({ ...rest, whatWouldMakeItATen: makeItTen });

export async function collectPersonalData(db: Db, cipher: Cipher, teamId: string, userId: string) {
  const [person] = await db.select().from(people).where(and(eq(people.teamId, teamId), eq(people.userId, userId)));
  const engagementRows = await db
    .select()
    .from(engagements)
    .where(and(eq(engagements.teamId, teamId), or(eq(engagements.leaderId, userId), eq(engagements.coachId, userId))));
  const ledIds = engagementRows.filter((e) => e.leaderId === userId).map((e) => e.id);
  const [checkInRows, actionRows, reflectionRows, targetRows, sessionRows, deliveryRows] = await Promise.all([
    db.select().from(checkIns).where(and(eq(checkIns.teamId, teamId), eq(checkIns.leaderId, userId))),
    db.select().from(actions).where(and(eq(actions.teamId, teamId), eq(actions.leaderId, userId))),
    db.select().from(reflections).where(and(eq(reflections.teamId, teamId), eq(reflections.leaderId, userId))),
    ledIds.length ? db.select().from(targets).where(and(eq(targets.teamId, teamId), inArray(targets.engagementId, ledIds))) : [],
    engagementRows.length ? db.select().from(sessions).where(and(eq(sessions.teamId, teamId), inArray(sessions.engagementId, engagementRows.map((e) => e.id)))) : [],
    db.select().from(nudges).where(and(eq(nudges.teamId, teamId), eq(nudges.recipientId, userId))).orderBy(nudges.dueAt),
  ]);
  const stakeholderPulse = await pulseRecordOf(db, teamId, userId);
  const programme = await programmeRecordOf(db, cipher, teamId, userId);
  const notes = await coachNotesWrittenBy(db, cipher, teamId, userId);
  const recaps = await recapsReceivedBy(db, cipher, teamId, userId);
  return {
    exportedFor: { teamId, userId },
    person: person
      ? {
          tz: person.tz, tzRefreshedAt: iso(person.tzRefreshedAt), dmChannelId: person.dmChannelId, workDays: person.workDays, workStartMinute: person.workStartMinute,
          workEndMinute: person.workEndMinute, pausedUntil: iso(person.pausedUntil), unansweredFollowUps: person.unansweredFollowUps, isActive: person.isActive,
          lastEngagementId: person.lastEngagementId, firstSeenAt: iso(person.createdAt),
        }
      : null,
    engagements: engagementRows.map((e) => ({
      id: e.id, role: e.leaderId === userId ? 'leader' : 'coach', coachId: e.coachId, leaderId: e.leaderId, status: e.status, startDate: e.startDate,
      sessions: sessionRows.filter((s) => s.engagementId === e.id).map((s) => ({ seq: s.seq, at: iso(s.scheduledAt), status: s.status })),
    })),
    targets: targetRows.map((t) => ({ engagementId: t.engagementId, position: t.position, description: rowSeal(cipher, 'targets', t).open('description_enc', t.descriptionEnc), baseline: t.baseline, level: t.level, midpoint: t.midpointRating, closing: t.closingRating })),
    checkIns: checkInRows.map((c) => ({
      id: c.id, at: iso(c.createdAt), engagementId: c.engagementId, targetId: c.targetId, ...withTen(openCheckIn(cipher, c)), commitment: c.commitment, revisited: c.revisited, visibility: c.visibility,
    })),
    actions: actionRows.map((a) => ({
      id: a.id, checkInId: a.checkInId, engagementId: a.engagementId, text: rowSeal(cipher, 'actions', a).open('text_enc', a.textEnc), dueAt: iso(a.dueAt), status: a.status, snoozedUntil: iso(a.snoozedUntil),
      answeredAt: iso(a.answeredAt), at: iso(a.createdAt),
    })),
    // What Grow sent to this person or plans to, and whether they answered: part of their record too.
    deliveries: deliveryRows.map((n) => ({
      kind: n.kind, engagementId: n.engagementId, status: n.status, plannedFor: iso(n.dueAt), sentAt: iso(n.sentAt), answeredAt: iso(n.answeredAt),
      answered: n.answeredAt !== null, reason: n.reason,
    })),
    reflections: reflectionRows.map((r) => {
      const opened = openReflection(cipher, r);
      return { kind: r.kind, at: iso(r.createdAt), answers: JSON.parse(opened.body || '{}') as unknown, rating: opened.rating, permalink: opened.permalink, visibility: r.visibility };
    }),
    // Named as someone's stakeholder: where, and whether they answered; never what.
    stakeholderPulse,
    programme,
    // The private notes this person wrote as a coach: theirs alone, in no one else's export.
    coachNotes: notes.map((n) => ({ engagementId: n.engagementId, sessionId: n.sessionId, at: iso(n.createdAt), text: n.text })),
    // The session recaps their coach sent them, kept for "Make this my action".
    recaps: recaps.map((r) => ({ engagementId: r.engagementId, coachId: r.coachId, at: iso(r.at), text: r.text })),
  };
}

export type PersonalData = Awaited<ReturnType<typeof collectPersonalData>>;

/**
 * Erases the person's own record in one transaction: as a leader, their engagements
 * (with sessions and targets), check-ins, actions, reflections and every nudge to them.
 * Engagements they coach belong to the leader too, so those are ended, not deleted.
 * Returns what was erased, and the Slack messages Grow recorded that carried this
 * person's words: theirs, and the coach's briefs about their engagements.
 */
export interface ErasedData {
  counts: { checkIns: number; actions: number; reflections: number; engagements: number; nudges: number };
  /** Nudge messages to the person and the coach's briefs about them. */
  slackMessages: { channel: string; ts: string; kind: 'nudge' | 'brief' }[];
  /** Other posts recorded as sent to them, and digests that covered them (rows now dropped). */
  posted: PostedRow[];
}

export async function erasePersonalData(db: Db, teamId: string, userId: string, now: Date): Promise<ErasedData> {
  return db.transaction(async (tx) => {
    const led = tx.select({ id: engagements.id }).from(engagements).where(and(eq(engagements.teamId, teamId), eq(engagements.leaderId, userId)));
    const posted = await tx
      .select({ channel: nudges.channelId, ts: nudges.messageTs, recipientId: nudges.recipientId })
      .from(nudges)
      .where(
        and(
          eq(nudges.teamId, teamId),
          isNotNull(nudges.messageTs),
          isNotNull(nudges.channelId),
          or(eq(nudges.recipientId, userId), and(eq(nudges.kind, 'brief'), inArray(nudges.engagementId, led))),
        ),
      );
    const coached = await tx
      .update(engagements)
      .set({ status: 'ended', endedAt: now })
      .where(and(eq(engagements.teamId, teamId), eq(engagements.coachId, userId), inArray(engagements.status, ['invited', 'active'])))
      .returning({ id: engagements.id });
    // A reason they gave for ending an engagement is theirs, whoever's engagement it was.
    await tx.update(engagements).set({ endReasonEnc: null }).where(and(eq(engagements.teamId, teamId), eq(engagements.endedBy, userId)));
    if (coached.length > 0) {
      await tx
        .update(nudges)
        .set({ status: 'cancelled', reason: 'coach_erased', updatedAt: now })
        .where(and(eq(nudges.teamId, teamId), eq(nudges.status, 'pending'), inArray(nudges.engagementId, coached.map((c) => c.id))));
    }
    const id = { id: nudges.id };
    // Their private notes as a coach are theirs: they go, whoever the engagement belongs to.
    await tx.delete(coachNotes).where(and(eq(coachNotes.teamId, teamId), eq(coachNotes.coachId, userId)));
    // Recaps sent to them are theirs (their engagements' go with those too).
    await tx.delete(sessionRecaps).where(and(eq(sessionRecaps.teamId, teamId), eq(sessionRecaps.leaderId, userId)));
    const gone = await tx.delete(nudges).where(and(eq(nudges.teamId, teamId), eq(nudges.recipientId, userId))).returning(id);
    const refl = await tx.delete(reflections).where(and(eq(reflections.teamId, teamId), eq(reflections.leaderId, userId))).returning({ id: reflections.id });
    const acts = await tx.delete(actions).where(and(eq(actions.teamId, teamId), eq(actions.leaderId, userId))).returning({ id: actions.id });
    const checks = await tx.delete(checkIns).where(and(eq(checkIns.teamId, teamId), eq(checkIns.leaderId, userId))).returning({ id: checkIns.id });
    const engs = await tx.delete(engagements).where(and(eq(engagements.teamId, teamId), eq(engagements.leaderId, userId))).returning({ id: engagements.id });
    await erasePulsePerson(tx, teamId, userId);
    await eraseProgrammePerson(tx, teamId, userId);
    await tx.delete(people).where(and(eq(people.teamId, teamId), eq(people.userId, userId)));
    await tx.delete(askedQuestions).where(and(eq(askedQuestions.teamId, teamId), eq(askedQuestions.leaderId, userId)));
    // Notices waiting for them as a coach, or about them as a leader (an engagement they led is gone already).
    await tx.delete(coachNotices).where(and(eq(coachNotices.teamId, teamId), or(eq(coachNotices.coachId, userId), eq(coachNotices.leaderId, userId))));
    const postedRows = await tx
      .delete(postedMessages)
      .where(and(eq(postedMessages.teamId, teamId), or(eq(postedMessages.recipientId, userId), eq(postedMessages.aboutId, userId))))
      .returning();
    return {
      counts: { checkIns: checks.length, actions: acts.length, reflections: refl.length, engagements: engs.length, nudges: gone.length },
      slackMessages: posted.map((m) => ({ channel: m.channel!, ts: m.ts!, kind: m.recipientId === userId ? ('nudge' as const) : ('brief' as const) })),
      posted: postedRows,
    };
  });
}
