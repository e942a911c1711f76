// A coach starts an engagement: the modal, its inline validation, the rows it writes, and
// the invitation DM — the only thing planned until the leader accepts.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { engagements, nudges, sessions } from '../../db/schema/index.js';
import { FORM } from '../support/app-harness.js';
import {
  actionIdsIn, clickBody, COACH, createViaModal, deliverNudge, inviteLeader, LEADER, NEW_ENGAGEMENT, openedView, parisDate, startEngagementHarness, TEAM, waitFor,
  type EngagementHarness,
} from './engagement-support.js';

let h: EngagementHarness;
beforeAll(async () => {
  h = await startEngagementHarness();
  h.emu.addUser(TEAM, { id: 'U0BOTUSER1', name: 'robot', isBot: true });
});
afterAll(async () => h?.close());
beforeEach(async () => {
  await h.db.db.execute(sql`truncate engagements, nudges, people cascade`);
});

describe('new engagement', () => {
  it('opens the engagement_new modal from /grow coach and from App Home, with the stable block ids', async () => {
    const { view } = await createViaModal(h, {});
    expect(view.callback_id).toBe('engagement_new');
    const ids = view.blocks.map((b) => b.block_id);
    for (const id of ['leader', 'start_date', 'session_time', 'sessions', 'cadence', 'session_length']) expect(ids).toContain(id);
    const before = h.emu.callsTo('views.open').length;
    await h.post(clickBody(h, { userId: COACH, actionId: 'engagement_new_open' }), FORM);
    expect((await openedView(h, before)).callback_id).toBe('engagement_new');
  });

  it('creates the engagement invited, with 8 sessions at 10:00 on the leader’s clock, and plans only the invitation', async () => {
    const { body } = await createViaModal(h);
    expect(body).toBeUndefined();
    const [row] = await h.db.db.select().from(engagements);
    expect(row).toMatchObject({ teamId: TEAM, coachId: COACH, leaderId: LEADER, status: 'invited', sessionCount: 8, cadenceDays: 14, sessionMinutes: 60 });
    const rows = await h.db.db.select().from(sessions).orderBy(sessions.seq);
    expect(rows).toHaveLength(8);
    for (const s of rows) expect(DateTime.fromJSDate(s.scheduledAt, { zone: 'Europe/Paris' }).toFormat('HH:mm')).toBe('10:00');
    expect(DateTime.fromJSDate(rows[0]!.scheduledAt, { zone: 'Europe/Paris' }).toISODate()).toBe(NEW_ENGAGEMENT.start_date);
    const planned = await h.db.db.select().from(nudges);
    expect(planned.map((n) => n.kind)).toEqual(['invitation']);
    expect(planned[0]).toMatchObject({ recipientId: LEADER, status: 'pending', engagementId: row!.id });
    const coachDm = await waitFor(() => h.emu.callsTo('chat.postMessage').find((c) => c.args.channel === COACH && JSON.stringify(c.args).includes(LEADER)));
    expect(coachDm.ok).toBe(true);
    expect(JSON.stringify(coachDm.args.blocks)).toContain('Nothing is scheduled for them until they accept');
  });

  it('delivers the invitation DM with Accept and Decline, and nothing else is sent', async () => {
    const dmsBefore = h.emu.dmWith(TEAM, LEADER).length;
    const { message } = await inviteLeader(h);
    const dm = h.emu.dmWith(TEAM, LEADER).slice(dmsBefore);
    expect(dm).toHaveLength(1);
    expect(dm[0]!.ts).toBe(message.ts);
    expect(actionIdsIn(dm[0]!.blocks)).toEqual(['engagement_accept', 'engagement_decline']);
    expect(JSON.stringify(dm[0]!.blocks)).toContain(`<@${COACH}>`);
    expect(JSON.stringify(dm[0]!.blocks)).toContain('A sponsor');
    const again = await h.db.db.select().from(nudges).where(sql`status = 'pending'`);
    expect(again).toEqual([]);
  });

  it('refuses yourself, a bot, a past date and a second live engagement with the same leader, inline', async () => {
    const self = await createViaModal(h, { ...NEW_ENGAGEMENT, leader: COACH });
    expect(self.body).toMatchObject({ response_action: 'errors', errors: { leader: expect.stringContaining('yourself') } });
    const bot = await createViaModal(h, { ...NEW_ENGAGEMENT, leader: 'U0BOTUSER1' });
    expect(bot.body).toMatchObject({ response_action: 'errors', errors: { leader: expect.stringContaining('app') } });
    const past = await createViaModal(h, { ...NEW_ENGAGEMENT, start_date: parisDate(-2) });
    expect(past.body).toMatchObject({ response_action: 'errors', errors: { start_date: expect.any(String) } });
    const tooMany = await createViaModal(h, { ...NEW_ENGAGEMENT, sessions: '13' });
    expect(tooMany.body).toMatchObject({ response_action: 'errors', errors: { sessions: expect.any(String) } });
    expect(await h.db.db.select().from(engagements)).toHaveLength(0);
    expect((await createViaModal(h)).body).toBeUndefined();
    const twice = await createViaModal(h);
    expect(twice.body).toMatchObject({ response_action: 'errors', errors: { leader: expect.stringContaining('already') } });
    expect(await h.db.db.select().from(engagements)).toHaveLength(1);
  });

  it('does not send an invitation for an engagement withdrawn before it went out', async () => {
    await createViaModal(h);
    const dmsBefore = h.emu.dmWith(TEAM, LEADER).length;
    const [invitation] = await h.db.db.select().from(nudges);
    await h.db.db.execute(sql`update engagements set status = 'ended'`);
    expect(await deliverNudge(h, invitation!.id)).toBe('cancelled');
    expect(h.emu.dmWith(TEAM, LEADER)).toHaveLength(dmsBefore);
  });
});
