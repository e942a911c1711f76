// Seeding and observing delivery tests: a leader with an engagement, nudge rows for
// them, and what arrived in Slack.
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { actions, checkIns, engagements, nudges, people, sessions } from '../../../db/schema/index.js';
import type { DeliveryFixture } from './delivery-fixture.js';

export const TEAM = 'T0DELIVER1';
export const BOT_TOKEN = 'xoxb-delivery-test-token';
export const BOT_USER = 'U0GROWBOT1';
export const COACH = 'U0COACH001';

export interface SeededLeader {
  teamId: string;
  leaderId: string;
  engagementId: string;
  sessionId: string;
  actionId: string;
}

/** A leader (in Slack and in `people`) with an active engagement, a future session and an open action. */
export async function seedLeader(
  f: DeliveryFixture,
  leaderId: string,
  person: Partial<typeof people.$inferInsert> = {},
  options: { inSlack?: boolean } = {},
): Promise<SeededLeader> {
  const tz = person.tz ?? 'UTC';
  // Another workspace when `person.teamId` says so (its team must exist in the emulator).
  const team = person.teamId ?? TEAM;
  if (options.inSlack !== false) f.emu.addUser(team, { id: leaderId, name: leaderId.toLowerCase(), tz });
  // Always at work unless a test says otherwise, so delivery tests do not depend on the hour.
  await f.db.db
    .insert(people)
    .values({ teamId: team, userId: leaderId, tz, workDays: [1, 2, 3, 4, 5, 6, 7], workStartMinute: 0, workEndMinute: 1440, ...person });
  const [engagement] = await f.db.db
    .insert(engagements)
    .values({ teamId: team, coachId: COACH, leaderId, status: 'active', startDate: '2026-01-05' })
    .returning();
  const [session] = await f.db.db
    .insert(sessions)
    .values({ teamId: team, engagementId: engagement!.id, seq: 1, scheduledAt: new Date(Date.now() + 30 * 86_400_000) })
    .returning();
  const [checkIn] = await f.db.db
    .insert(checkIns)
    .values({
      teamId: team, leaderId, engagementId: engagement!.id,
      goalEnc: f.cipher.encrypt('goal'), realityEnc: f.cipher.encrypt('reality'),
      optionsEnc: f.cipher.encrypt('options'), willEnc: f.cipher.encrypt('will'), commitment: 9,
      createdAt: new Date(Date.now() - 86_400_000),
    })
    .returning();
  const [action] = await f.db.db
    .insert(actions)
    .values({
      teamId: team, leaderId, engagementId: engagement!.id, checkInId: checkIn!.id,
      textEnc: f.cipher.encrypt('Ask <!channel> & the team for feedback'), dueAt: new Date(Date.now() + 7 * 86_400_000),
    })
    .returning();
  return { teamId: team, leaderId, engagementId: engagement!.id, sessionId: session!.id, actionId: action!.id };
}

/** Nudge rows for a seeded leader; session prep by default (no back-off applies to it). */
export async function insertNudges(
  f: DeliveryFixture,
  leader: SeededLeader,
  count: number,
  options: { kind?: 'session_prep' | 'follow_up' | 'precondition'; dueAt?: Date } = {},
): Promise<string[]> {
  const kind = options.kind ?? 'session_prep';
  const rows = await f.db.db
    .insert(nudges)
    .values(
      Array.from({ length: count }, (_, i) => ({
        teamId: leader.teamId,
        recipientId: leader.leaderId,
        engagementId: leader.engagementId,
        sessionId: leader.sessionId,
        kind,
        dedupeKey: `${leader.engagementId}:test:${kind}:${i}:${randomBytes(3).toString('hex')}`,
        dueAt: options.dueAt ?? new Date(Date.now() - 1000),
        ref: (kind === 'follow_up' || kind === 'precondition' ? { actionId: leader.actionId } : { sessionId: leader.sessionId }) as Record<string, string>,
      })),
    )
    .returning({ id: nudges.id });
  return rows.map((r) => r.id);
}

export async function nudgeRow(f: DeliveryFixture, id: string) {
  const [row] = await f.db.db.select().from(nudges).where(eq(nudges.id, id));
  if (!row) throw new Error(`no nudge ${id}`);
  return row;
}

export async function statusCounts(f: DeliveryFixture): Promise<Record<string, number>> {
  const rows = await f.db.db.select({ status: nudges.status }).from(nudges);
  return rows.reduce<Record<string, number>>((acc, r) => ({ ...acc, [r.status]: (acc[r.status] ?? 0) + 1 }), {});
}

/** Nudge ids carried by the bot's messages in a leader's DM, one per message. */
export function deliveredNudgeIds(f: DeliveryFixture, leaderId: string): string[] {
  return f.emu
    .dmWith(TEAM, leaderId)
    .map((m) => (m.metadata as { event_payload?: { nudge_id?: string } } | undefined)?.event_payload?.nudge_id)
    .filter((id): id is string => typeof id === 'string');
}

export async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 15_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
