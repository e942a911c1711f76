// The tenant is the team Bolt authorised; a body naming another workspace for its user
// is refused with a plain message and nothing is written.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkIns, people } from '../../db/schema/index.js';
import { claimedTeamIds, FOREIGN_TEAM_MESSAGE } from '../../src/slack/tenant-guard.js';
import { NUDGE_ACTIONS } from '../../src/slack/ids.js';
import { FORM, interactionBody, LEADER, slashCommandBody, startHarness, TEAM, waitFor, type Harness } from '../support/app-harness.js';
import { checkInSubmission } from '../support/checkin-payloads.js';

const OTHER = 'T0OTHERTEAM';
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

describe('tenant', () => {
  it('names every team a body claims', () => {
    expect(claimedTeamIds({ team: { id: 'T1' }, user: { id: 'U', team_id: 'T2' }, view: { app_installed_team_id: 'T3' } }).sort()).toEqual(['T1', 'T2', 'T3']);
    expect(claimedTeamIds({ team_id: 'T1', event: { user: { id: 'U', team_id: 'T4' } } }).sort()).toEqual(['T1', 'T4']);
    expect(claimedTeamIds({ team_id: 'T1', event: { user: 'U' } })).toEqual(['T1']);
  });

  it('a check-in submitted by a user of another workspace is refused with a message and saves nothing', async () => {
    const before = h.emu.callsTo('views.open').length;
    await h.post(slashCommandBody({ triggerId: h.emu.issueTrigger(TEAM, LEADER) }), FORM);
    const call = await waitFor(() => h.emu.callsTo('views.open')[before]);
    const view = (call.response as { view: Parameters<typeof checkInSubmission>[0] }).view;
    const payload = checkInSubmission(view, { goal: 'g', reality: 'r', options: 'o', will: 'w', commitment: 9 });
    const forged = { ...payload, user: { ...payload.user, team_id: OTHER } };
    const res = await h.post(interactionBody(forged), FORM);
    expect(res.status).toBe(200);
    const answer = (await res.json()) as { response_action: string; view: { blocks: { text: { text: string } }[] } };
    expect(answer.response_action).toBe('update');
    expect(answer.view.blocks[0]!.text.text).toBe(FOREIGN_TEAM_MESSAGE);
    expect(await h.db.db.select().from(checkIns)).toHaveLength(0);
    // The workspace's own user, submitting the same modal, is saved.
    const own = checkInSubmission(view, { goal: 'g2', reality: 'r', options: 'o', will: 'w', commitment: 9 });
    expect((await h.post(interactionBody(own), FORM)).status).toBe(200);
    expect(await h.db.db.select().from(checkIns)).toHaveLength(1);
  });

  it('a click by a user of another workspace opens nothing', async () => {
    const before = h.emu.callsTo('views.open').length;
    const click = {
      type: 'block_actions', team: { id: TEAM, domain: 'acme' }, user: { id: LEADER, username: 'leo', team_id: OTHER }, api_app_id: 'A0GROW0001',
      trigger_id: h.emu.issueTrigger(TEAM, LEADER), container: { type: 'message', message_ts: '1.1', channel_id: 'D0LEADERDM' }, channel: { id: 'D0LEADERDM' },
      actions: [{ type: 'button', action_id: NUDGE_ACTIONS.checkInOpen, block_id: 'b', value: 'x', action_ts: '1' }],
    };
    expect((await h.post(interactionBody(click), FORM)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 200));
    expect(h.emu.callsTo('views.open').length).toBe(before);
  });

  it('a user_change naming another workspace’s user changes nobody here', async () => {
    await h.db.db.insert(people).values({ teamId: TEAM, userId: 'U0SAMEID01', tz: 'Europe/Paris' }).onConflictDoNothing();
    const event = (teamId: string) => JSON.stringify({
      token: 'x', team_id: TEAM, api_app_id: 'A0GROW0001', type: 'event_callback', event_id: `Ev${Math.random()}`, event_time: 1,
      event: { type: 'user_change', user: { id: 'U0SAMEID01', team_id: teamId, tz: teamId === TEAM ? 'Asia/Tokyo' : 'America/Chicago' } },
    });
    const tz = async () => (await h.db.db.select().from(people).where(eq(people.userId, 'U0SAMEID01')))[0]?.tz;
    expect((await h.post(event(OTHER), 'application/json')).status).toBe(200);
    await new Promise((r) => setTimeout(r, 300));
    expect(await tz()).toBe('Europe/Paris');
    await h.post(event(TEAM), 'application/json');
    await waitFor(async () => (await h.db.db.select().from(people).where(eq(people.userId, 'U0SAMEID01')))[0]?.tz === 'Asia/Tokyo');
  });
});
