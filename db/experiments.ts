// The experiment style's record for the closing review: each check-in that made a
// prediction, the action it committed to and how it went, and what the leader wrote
// happened. Only the leader's own review reads it.
import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Cipher } from '../src/crypto.js';
import type { Experiment } from '../src/domain/engagement/experiments.js';
import type { Db } from './client.js';
import { parseBody } from './coach-view.js';
import { openReflection } from './reflections.js';
import { actions, checkIns, reflections } from './schema/index.js';
import { rowSeal } from './sealed.js';

export async function listExperiments(db: Db, cipher: Cipher, teamId: string, engagementId: string): Promise<Experiment[]> {
  const rows = await db
    .select({ checkIn: { id: checkIns.id, teamId: checkIns.teamId, expectationEnc: checkIns.expectationEnc, createdAt: checkIns.createdAt }, action: actions })
    .from(checkIns)
    .innerJoin(actions, eq(actions.checkInId, checkIns.id))
    .where(and(eq(checkIns.teamId, teamId), eq(checkIns.engagementId, engagementId), isNotNull(checkIns.expectationEnc)))
    .orderBy(asc(checkIns.createdAt));
  if (rows.length === 0) return [];
  const notes = await db
    .select()
    .from(reflections)
    .where(and(eq(reflections.teamId, teamId), eq(reflections.kind, 'follow_up'), inArray(reflections.actionId, rows.map((r) => r.action.id))))
    .orderBy(asc(reflections.createdAt));
  return rows.map(({ checkIn, action }) => ({
    at: checkIn.createdAt,
    expected: rowSeal(cipher, 'check_ins', checkIn).openNullable('expectation_enc', checkIn.expectationEnc) ?? '',
    action: rowSeal(cipher, 'actions', action).open('text_enc', action.textEnc),
    status: action.status,
    happened: notes.filter((n) => n.actionId === action.id).map((n) => parseBody(openReflection(cipher, n).body).happened).findLast((h) => !!h) ?? null,
  }));
}
