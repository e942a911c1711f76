// A leader who accepts and leaves contracting for later is reminded once, two working
// days on, with the button that opens it; setting the targets first cancels the reminder.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { saveContracting } from '../../db/contracting.js';
import { upsertPersonTz } from '../../db/people.js';
import { engagements, nudges } from '../../db/schema/index.js';
import {
  actionIdsIn, click, COACH, deliverNudge, LEADER, messageBlocks, openedView, seedEngagement, startEngagementHarness, TEAM, waitFor, type EngagementHarness,
} from './engagement-support.js';

let h: EngagementHarness;
beforeAll(async () => {
  h = await startEngagementHarness();
});
afterAll(async () => h?.close());
beforeEach(async () => {
  await h.db.db.execute(sql`truncate engagements, nudges, people, targets cascade`);
  await upsertPersonTz(h.db.db, TEAM, LEADER, 'Europe/Paris', new Date());
  await upsertPersonTz(h.db.db, TEAM, COACH, 'Europe/London', new Date());
});

const remindersOf = (engagementId: string) =>
  h.db.db.select().from(nudges).where(and(eq(nudges.engagementId, engagementId), eq(nudges.kind, 'contracting_reminder')));

async function accepted() {
  const { engagement } = await seedEngagement(h, { status: 'invited', firstAt: new Date(Date.now() + 10 * 86_400_000) });
  await click(h, { userId: LEADER, actionId: 'engagement_accept', value: JSON.stringify({ engagementId: engagement.id }) });
  await waitFor(async () => (await remindersOf(engagement.id)).length === 1);
  return engagement;
}

describe('the contracting reminder', () => {
  it('is planned on acceptance for two working days later, and its button opens contracting', async () => {
    const engagement = await accepted();
    const [row] = await remindersOf(engagement.id);
    const [e] = await h.db.db.select().from(engagements).where(eq(engagements.id, engagement.id));
    // Two working days on: at least a day and a half later, whatever the weekday.
    expect(row!.dueAt.getTime() - e!.respondedAt!.getTime()).toBeGreaterThan(36 * 3_600_000);
    expect(row!.status).toBe('pending');
    expect(await deliverNudge(h, row!.id)).toBe('sent');
    const [sent] = await remindersOf(engagement.id);
    const message = { channel: sent!.channelId!, ts: sent!.messageTs! };
    const blocks = messageBlocks(h, message);
    expect(JSON.stringify(blocks)).toContain('only reminder');
    expect(actionIdsIn(blocks)).toEqual(['contracting_open']);
    const opens = h.emu.callsTo('views.open').length;
    await click(h, { userId: LEADER, actionId: 'contracting_open', value: JSON.stringify({ engagementId: engagement.id }), message });
    expect((await openedView(h, opens)).callback_id).toBe('engagement_contracting');
  });

  it('is cancelled when the targets are set, and skipped if they were set as it fell due', async () => {
    const engagement = await accepted();
    await saveContracting(h.db.db, h.cipher, {
      teamId: TEAM, engagementId: engagement.id, leaderId: LEADER, answers: [],
      targets: [{ position: 1, description: 'Raise difficult topics early', baseline: 4, level: null }],
    });
    // Set between the re-plan and the send: the sender looks again and skips it.
    const [row] = await remindersOf(engagement.id);
    expect(await deliverNudge(h, row!.id)).toBe('skipped');
    const other = await seedEngagement(h, { status: 'active', firstAt: new Date(Date.now() + 10 * 86_400_000), coachId: 'U0COACH007' });
    await h.db.db.update(engagements).set({ respondedAt: new Date() }).where(eq(engagements.id, other.engagement.id));
    await h.deps.replan!(TEAM, other.engagement.id);
    expect((await remindersOf(other.engagement.id)).map((r) => r.status)).toEqual(['pending']);
    await saveContracting(h.db.db, h.cipher, {
      teamId: TEAM, engagementId: other.engagement.id, leaderId: LEADER, answers: [],
      targets: [{ position: 1, description: 'Ask before I tell', baseline: 5, level: null }],
    });
    await h.deps.replan!(TEAM, other.engagement.id);
    expect((await remindersOf(other.engagement.id)).map((r) => r.status)).toEqual(['cancelled']);
  });
});
