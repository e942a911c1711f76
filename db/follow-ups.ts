// What a follow-up click needs, in one read, and the writes an answer makes: the
// action's status, the nudge's answered_at and the leader's unanswered streak, together.
import { and, eq, gt, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { Cipher } from '../src/crypto.js';
import { newestOfLeader, type SinceLastSession } from './leader-rows.js';
import { rowSeal } from './sealed.js';
import type { Db, Tx } from './client.js';
import { actions, engagements, nudges, people } from './schema/index.js';

export type NudgeRow = typeof nudges.$inferSelect;
export type ActionRow = typeof actions.$inferSelect;

export interface FollowUpClickRows {
  nudge: NudgeRow | null;
  action: ActionRow | null;
  engagementStatus: (typeof engagements.$inferSelect)['status'] | null;
  askedAgainSince: boolean;
}

export async function loadFollowUpClick(db: Db, teamId: string, nudgeId: string, actionId: string): Promise<FollowUpClickRows> {
  const [[nudge], [found]] = await Promise.all([
    db.select().from(nudges).where(and(eq(nudges.teamId, teamId), eq(nudges.id, nudgeId))),
    db
      .select({ action: actions, status: engagements.status })
      .from(actions)
      .leftJoin(engagements, eq(engagements.id, actions.engagementId))
      .where(and(eq(actions.teamId, teamId), eq(actions.id, actionId))),
  ]);
  let askedAgainSince = false;
  if (nudge?.sentAt) {
    const [later] = await db
      .select({ id: nudges.id })
      .from(nudges)
      .where(
        and(
          eq(nudges.teamId, teamId),
          eq(nudges.kind, 'follow_up'),
          eq(nudges.status, 'sent'),
          ne(nudges.id, nudge.id),
          gt(nudges.sentAt, nudge.sentAt),
          sql`${nudges.ref}->>'actionId' = ${actionId}`,
        ),
      )
      .limit(1);
    askedAgainSince = !!later;
  }
  return { nudge: nudge ?? null, action: found?.action ?? null, engagementStatus: found?.status ?? null, askedAgainSince };
}

async function noteEngagement(tx: Tx, teamId: string, leaderId: string, nudgeId: string, now: Date): Promise<void> {
  await tx.update(nudges).set({ answeredAt: now, updatedAt: now }).where(and(eq(nudges.teamId, teamId), eq(nudges.id, nudgeId), isNull(nudges.answeredAt)));
  await tx.update(people).set({ unansweredFollowUps: 0 }).where(and(eq(people.teamId, teamId), eq(people.userId, leaderId)));
}

/** Records the answer if the action is still open; false when it was answered meanwhile. */
export async function answerAction(
  db: Db,
  input: { teamId: string; leaderId: string; actionId: string; nudgeId: string; status: 'done' | 'partly' | 'not_yet'; now: Date },
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(actions)
      .set({ status: input.status, answeredAt: input.now })
      .where(and(eq(actions.teamId, input.teamId), eq(actions.id, input.actionId), eq(actions.leaderId, input.leaderId), eq(actions.status, 'open')))
      .returning({ id: actions.id });
    if (rows.length === 0) return false;
    await noteEngagement(tx, input.teamId, input.leaderId, input.nudgeId, input.now);
    return true;
  });
}

/**
 * Moves the follow-up: the action remembers until when. An action outside any
 * engagement has no plan to follow, so its new follow-up row is written here.
 */
export async function snoozeAction(
  db: Db,
  input: { teamId: string; leaderId: string; actionId: string; nudgeId: string; until: Date; followUpAt: Date; now: Date },
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [action] = await tx
      .update(actions)
      .set({ snoozedUntil: input.until })
      .where(and(eq(actions.teamId, input.teamId), eq(actions.id, input.actionId), eq(actions.leaderId, input.leaderId), eq(actions.status, 'open')))
      .returning({ id: actions.id, engagementId: actions.engagementId });
    if (!action) return false;
    await noteEngagement(tx, input.teamId, input.leaderId, input.nudgeId, input.now);
    if (!action.engagementId) {
      await tx
        .insert(nudges)
        .values({
          teamId: input.teamId,
          recipientId: input.leaderId,
          kind: 'follow_up',
          dedupeKey: `action:${action.id}:snoozed:${input.until.getTime()}`,
          dueAt: input.followUpAt,
          ref: { actionId: action.id },
        })
        .onConflictDoNothing();
    }
    return true;
  });
}

/** A reflection or prep answer counts as engaging: the nudge is answered, the streak reset. */
export async function markNudgeAnswered(db: Db, input: { teamId: string; leaderId: string; nudgeId: string; now: Date }): Promise<void> {
  await db.transaction((tx) => noteEngagement(tx, input.teamId, input.leaderId, input.nudgeId, input.now));
}

/** An action the leader answered (Done, Partly, Not yet), opened for the leader themselves. */
export interface AnsweredAction {
  text: string;
  status: 'done' | 'partly' | 'not_yet';
  answeredAt: Date;
}

/** The leader's actions in this engagement answered after `since`, newest first. */
export async function listActionsAnsweredSince(db: Db, cipher: Cipher, input: SinceLastSession): Promise<AnsweredAction[]> {
  const rows = await newestOfLeader(db, actions, actions.answeredAt, input, eq(actions.engagementId, input.engagementId), inArray(actions.status, ['done', 'partly', 'not_yet']));
  return rows.map((a) => ({ text: rowSeal(cipher, 'actions', a).open('text_enc', a.textEnc), status: a.status as AnsweredAction['status'], answeredAt: a.answeredAt! }));
}
