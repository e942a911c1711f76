// Loads what Grow holds about a coach's leaders, decrypted, as the records the privacy
// rules read (src/domain/privacy). Nothing here decides what a coach may see: every
// caller hands these records to `coachViewOf` and builds from its answer only. One
// query per table for all the engagements at once.
import { and, eq, gte, inArray, isNull, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Cipher } from '../src/crypto.js';
import type { EngagementParties, LeaderRecord } from '../src/domain/privacy/index.js';
import type { Db } from './client.js';
import { openCheckIn } from './check-ins.js';
import { rowSeal } from './sealed.js';
import { openReflection } from './reflections.js';
import { actions, checkIns, engagements, reflections, sessions, targets } from './schema/index.js';

const bodySchema = z.record(z.string());

/** A reflection's answers; unreadable JSON reads as no answers rather than failing a digest. */
export function parseBody(text: string): Record<string, string> {
  try {
    const parsed = bodySchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

/** The coach's engagements that are running, oldest first. */
export async function findActiveEngagementsOfCoach(db: Db, teamId: string, coachId: string): Promise<EngagementParties[]> {
  return db
    .select({ id: engagements.id, coachId: engagements.coachId, leaderId: engagements.leaderId, status: engagements.status, closingVisibility: engagements.closingVisibility })
    .from(engagements)
    .where(and(eq(engagements.teamId, teamId), eq(engagements.coachId, coachId), eq(engagements.status, 'active')))
    .orderBy(engagements.createdAt);
}

/**
 * Leaders among these with exactly one active engagement: a moment saved without an
 * engagement is theirs to attribute. A leader with two coaches keeps such moments from
 * both, since Grow cannot tell which one they meant.
 */
async function leadersWithOneEngagement(db: Db, teamId: string, leaderIds: string[]): Promise<string[]> {
  if (leaderIds.length === 0) return [];
  const rows = await db
    .select({ leaderId: engagements.leaderId })
    .from(engagements)
    .where(and(eq(engagements.teamId, teamId), inArray(engagements.leaderId, leaderIds), eq(engagements.status, 'active')))
    .groupBy(engagements.leaderId)
    .having(sql`count(*) = 1`);
  return rows.map((r) => r.leaderId);
}

export interface LoadRecordsInput {
  teamId: string;
  engagements: EngagementParties[];
  /**
   * Check-ins, reflections and answered actions from this instant on (open actions
   * always); the whole engagement when omitted — engagements are months long, and
   * signals such as "quiet for N days" need to see back to the last check-in.
   */
  since?: Date;
}

export async function loadLeaderRecords(db: Db, cipher: Cipher, input: LoadRecordsInput): Promise<LeaderRecord[]> {
  const { teamId } = input;
  const since = input.since ?? new Date(0);
  const ids = input.engagements.map((e) => e.id);
  if (ids.length === 0) return [];
  const soleLeaders = await leadersWithOneEngagement(db, teamId, [...new Set(input.engagements.map((e) => e.leaderId))]);
  const [checkInRows, actionRows, reflectionRows, targetRows, sessionRows] = await Promise.all([
    db.select().from(checkIns).where(and(eq(checkIns.teamId, teamId), inArray(checkIns.engagementId, ids), gte(checkIns.createdAt, since))),
    db
      .select({ action: actions, visibility: checkIns.visibility })
      .from(actions)
      .innerJoin(checkIns, eq(checkIns.id, actions.checkInId))
      .where(
        and(
          eq(actions.teamId, teamId),
          inArray(actions.engagementId, ids),
          or(eq(actions.status, 'open'), gte(actions.createdAt, since), gte(actions.answeredAt, since)),
        ),
      ),
    db
      .select()
      .from(reflections)
      .where(
        and(
          eq(reflections.teamId, teamId),
          gte(reflections.createdAt, since),
          or(
            inArray(reflections.engagementId, ids),
            soleLeaders.length > 0
              ? and(isNull(reflections.engagementId), eq(reflections.kind, 'moment'), inArray(reflections.leaderId, soleLeaders))
              : sql`false`,
          ),
        ),
      ),
    db.select().from(targets).where(and(eq(targets.teamId, teamId), inArray(targets.engagementId, ids))),
    db.select().from(sessions).where(and(eq(sessions.teamId, teamId), inArray(sessions.engagementId, ids))),
  ]);
  return input.engagements.map((engagement) => {
    const own = <T extends { engagementId: string | null }>(row: T) => row.engagementId === engagement.id;
    const ownOrUnattributed = (row: { engagementId: string | null; leaderId: string }) =>
      own(row) || (row.engagementId === null && row.leaderId === engagement.leaderId);
    return {
      engagement,
      checkIns: checkInRows.filter(own).map((c) => ({
        id: c.id, leaderId: c.leaderId, engagementId: c.engagementId, createdAt: c.createdAt,
        ...openCheckIn(cipher, c),
        commitment: c.commitment, targetId: c.targetId, visibility: c.visibility,
      })),
      actions: actionRows.filter((r) => own(r.action)).map(({ action: a, visibility }) => ({
        id: a.id, leaderId: a.leaderId, engagementId: a.engagementId, checkInId: a.checkInId, visibility,
        text: rowSeal(cipher, 'actions', a).open('text_enc', a.textEnc), status: a.status, dueAt: a.dueAt, createdAt: a.createdAt, answeredAt: a.answeredAt,
      })),
      reflections: reflectionRows.filter(ownOrUnattributed).map((r) => {
        const opened = openReflection(cipher, r);
        return {
          id: r.id, leaderId: r.leaderId, engagementId: r.engagementId, kind: r.kind, body: parseBody(opened.body),
          rating: opened.rating, permalink: opened.permalink, visibility: r.visibility, createdAt: r.createdAt, actionId: r.actionId,
        };
      }),
      targets: targetRows.filter(own).map((t) => ({
        id: t.id, engagementId: t.engagementId, position: t.position, description: rowSeal(cipher, 'targets', t).open('description_enc', t.descriptionEnc),
        baseline: t.baseline, level: t.level, midpointRating: t.midpointRating, closingRating: t.closingRating,
      })),
      sessions: sessionRows.filter(own).map((s) => ({ id: s.id, engagementId: s.engagementId, seq: s.seq, scheduledAt: s.scheduledAt, status: s.status })),
    };
  });
}
