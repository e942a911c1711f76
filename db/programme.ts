// The programme's data: the admins added beside Slack's own, the coach list, the cohort
// name on engagements, and the process facts the sponsor view reads (one query per
// table, for every engagement asked about at once).
import { and, eq, inArray, isNotNull, min, ne } from 'drizzle-orm';
import type { SponsorRecord } from '../src/domain/privacy/index.js';
import type { Db, Tx } from './client.js';
import { updateRowIf } from './update-row.js';
import type { Cipher } from '../src/crypto.js';
import { rowSeal } from './sealed.js';
import { engagements, nudges, programmeAdmins, programmeCoaches, pulseRounds, sessions, sponsorAnswers, targets } from './schema/index.js';

export async function listProgrammeRoles(db: Db, teamId: string): Promise<{ admins: string[]; coaches: string[] }> {
  const [admins, coaches] = await Promise.all([
    db.select({ userId: programmeAdmins.userId }).from(programmeAdmins).where(eq(programmeAdmins.teamId, teamId)).orderBy(programmeAdmins.createdAt),
    db.select({ userId: programmeCoaches.userId }).from(programmeCoaches).where(eq(programmeCoaches.teamId, teamId)).orderBy(programmeCoaches.createdAt),
  ]);
  return { admins: admins.map((r) => r.userId), coaches: coaches.map((r) => r.userId) };
}

export async function isAddedAdmin(db: Db, teamId: string, userId: string): Promise<boolean> {
  const [row] = await db.select({ userId: programmeAdmins.userId }).from(programmeAdmins).where(and(eq(programmeAdmins.teamId, teamId), eq(programmeAdmins.userId, userId)));
  return row !== undefined;
}

/** Whether `userId` may start an engagement: anyone while the coach list is empty. */
export async function mayStartEngagement(db: Db, teamId: string, userId: string): Promise<boolean> {
  const rows = await db.select({ userId: programmeCoaches.userId }).from(programmeCoaches).where(eq(programmeCoaches.teamId, teamId));
  return rows.length === 0 || rows.some((r) => r.userId === userId);
}

/** Replaces both lists in one transaction. */
export async function replaceProgrammeRoles(db: Db, input: { teamId: string; byUserId: string; admins: string[]; coaches: string[] }): Promise<void> {
  await db.transaction(async (tx: Tx) => {
    await tx.delete(programmeAdmins).where(eq(programmeAdmins.teamId, input.teamId));
    await tx.delete(programmeCoaches).where(eq(programmeCoaches.teamId, input.teamId));
    const row = (userId: string) => ({ teamId: input.teamId, userId, addedBy: input.byUserId });
    if (input.admins.length > 0) await tx.insert(programmeAdmins).values(input.admins.map(row));
    if (input.coaches.length > 0) await tx.insert(programmeCoaches).values(input.coaches.map(row));
  });
}

/** Sets (or clears, with null) the engagement's programme; false when it is not this workspace's. */
export async function setEngagementProgramme(db: Db, input: { teamId: string; engagementId: string; programme: string | null }): Promise<boolean> {
  return updateRowIf(db, engagements, { teamId: input.teamId, id: input.engagementId }, { programme: input.programme });
}

export type EngagementFilter = { all: true } | { sponsorId: string };

/** The sponsor view's input for a workspace's engagements (all, or one sponsor's), declined ones left out. */
export async function loadSponsorRecords(db: Db, teamId: string, filter: EngagementFilter): Promise<SponsorRecord[]> {
  const rows = await db
    .select()
    .from(engagements)
    .where(and(eq(engagements.teamId, teamId), ne(engagements.status, 'declined'), 'sponsorId' in filter ? eq(engagements.sponsorId, filter.sponsorId) : undefined))
    .orderBy(engagements.createdAt);
  const ids = rows.map((r) => r.id);
  if (ids.length === 0) return [];
  const [sessionRows, contracted, reviews, rounds] = await Promise.all([
    db.select({ engagementId: sessions.engagementId, status: sessions.status }).from(sessions).where(and(eq(sessions.teamId, teamId), inArray(sessions.engagementId, ids))),
    db.select({ engagementId: targets.engagementId, at: min(targets.createdAt) }).from(targets).where(and(eq(targets.teamId, teamId), inArray(targets.engagementId, ids))).groupBy(targets.engagementId),
    db
      .select({ engagementId: nudges.engagementId, kind: nudges.kind, answeredAt: nudges.answeredAt })
      .from(nudges)
      .where(and(eq(nudges.teamId, teamId), inArray(nudges.engagementId, ids), inArray(nudges.kind, ['midpoint_review', 'closing_review']), isNotNull(nudges.answeredAt))),
    db.select({ engagementId: pulseRounds.engagementId, closesAt: pulseRounds.closesAt }).from(pulseRounds).where(and(eq(pulseRounds.teamId, teamId), inArray(pulseRounds.engagementId, ids))),
  ]);
  return rows.map((e) => ({
    engagement: { id: e.id, teamId: e.teamId, coachId: e.coachId, leaderId: e.leaderId, sponsorId: e.sponsorId, programme: e.programme, status: e.status, sessionCount: e.sessionCount },
    sessions: sessionRows.filter((s) => s.engagementId === e.id).map((s) => ({ status: s.status })),
    contractedAt: contracted.find((c) => c.engagementId === e.id)?.at ?? null,
    reviews: reviews
      .filter((r) => r.engagementId === e.id)
      .map((r) => ({ stage: r.kind === 'midpoint_review' ? ('midpoint' as const) : ('closing' as const), answeredAt: r.answeredAt })),
    pulseRounds: rounds.filter((r) => r.engagementId === e.id).map((r) => ({ closesAt: r.closesAt })),
  }));
}

/** What the programme holds about a person, for their `/grow export`: the answers they gave as sponsor and the roles they hold. */
export async function programmeRecordOf(db: Db, cipher: Cipher, teamId: string, userId: string) {
  const [answers, sponsored, admin, coach] = await Promise.all([
    db.select().from(sponsorAnswers).where(and(eq(sponsorAnswers.teamId, teamId), eq(sponsorAnswers.sponsorId, userId))),
    db.select({ id: engagements.id, status: engagements.status }).from(engagements).where(and(eq(engagements.teamId, teamId), eq(engagements.sponsorId, userId))),
    isAddedAdmin(db, teamId, userId),
    db.select({ userId: programmeCoaches.userId }).from(programmeCoaches).where(and(eq(programmeCoaches.teamId, teamId), eq(programmeCoaches.userId, userId))),
  ]);
  return {
    programmeAdmin: admin,
    onCoachList: coach.length > 0,
    sponsorOf: sponsored.map((e) => ({ engagementId: e.id, status: e.status })),
    sponsorAnswers: answers.map((a) => ({ engagementId: a.engagementId, question: a.kind, answer: rowSeal(cipher, 'sponsor_answers', a).open('answer_enc', a.answerEnc), at: a.answeredAt.toISOString() })),
  };
}

/** Erases a person's place in the programme: their answers as sponsor, their sponsorships and their roles. */
export async function eraseProgrammePerson(tx: Tx | Db, teamId: string, userId: string): Promise<void> {
  await tx.delete(sponsorAnswers).where(and(eq(sponsorAnswers.teamId, teamId), eq(sponsorAnswers.sponsorId, userId)));
  await tx.update(engagements).set({ sponsorId: null }).where(and(eq(engagements.teamId, teamId), eq(engagements.sponsorId, userId)));
  await tx.delete(programmeAdmins).where(and(eq(programmeAdmins.teamId, teamId), eq(programmeAdmins.userId, userId)));
  await tx.delete(programmeCoaches).where(and(eq(programmeCoaches.teamId, teamId), eq(programmeCoaches.userId, userId)));
}
