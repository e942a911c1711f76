// The coach's roster through the running app: "Brief me now" and `/grow brief @leader`
// DM the brief for the next session, only for a leader the person coaches; the roster's
// pages reach every leader.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { insertCheckIn } from '../../db/check-ins.js';
import { upsertPersonTz } from '../../db/people.js';
import { FORM, slashCommandBody } from '../support/app-harness.js';
import { actionIdsIn, click, COACH, LEADER, openHomeView, seedEngagement, startEngagementHarness, TEAM, waitFor, type EngagementHarness } from './engagement-support.js';

let h: EngagementHarness;
beforeAll(async () => {
  h = await startEngagementHarness();
});
afterAll(async () => h?.close());
beforeEach(async () => {
  await h.db.db.execute(sql`truncate engagements, check_ins, nudges, people cascade`);
  await upsertPersonTz(h.db.db, TEAM, LEADER, 'Europe/Paris', new Date());
  await upsertPersonTz(h.db.db, TEAM, COACH, 'Europe/London', new Date());
});

const DAY = 86_400_000;

/** The command's acknowledgement, as the person sees it (its blocks when it has them). */
async function command(text: string, userId = COACH): Promise<string> {
  const res = await h.post(slashCommandBody({ text, userId, triggerId: h.emu.issueTrigger(TEAM, userId) }), FORM);
  expect(res.status).toBe(200);
  const body = (await res.json()) as { text: string; blocks?: unknown[] };
  return body.blocks ? JSON.stringify(body.blocks) : body.text;
}

/** The private answer that follows an acknowledgement. */
const laterAnswer = (userId: string, from: number) => waitFor(() => h.emu.callsTo('chat.postEphemeral').slice(from).find((c) => c.args.user === userId));

describe('a brief on demand', () => {
  it('"Brief me now" on App Home DMs the coach the brief with what the leader summarised', async () => {
    const { engagement } = await seedEngagement(h, { status: 'active', firstAt: new Date(Date.now() + 2 * DAY) });
    await insertCheckIn(h.db.db, h.cipher, {
      teamId: TEAM, leaderId: LEADER, engagementId: engagement.id, goal: 'SUMMARISEDGOAL', reality: 'HIDDENREALITY', options: 'o', will: 'w',
      commitment: 6, visibility: 'summary', revisited: false, actionDueAt: new Date(Date.now() + DAY),
    });
    const home = await openHomeView(h, COACH);
    expect(actionIdsIn(home.blocks)).toContain('coach_brief_now');
    const before = h.emu.callsTo('chat.postMessage').length;
    await click(h, { userId: COACH, actionId: 'coach_brief_now', value: JSON.stringify({ engagementId: engagement.id }) });
    const posted = await waitFor(() => h.emu.callsTo('chat.postMessage').slice(before).find((c) => JSON.stringify(c.args.blocks).includes('Your session with')));
    const text = JSON.stringify(posted.args.blocks);
    expect(text).toContain('SUMMARISEDGOAL');
    expect(text).not.toContain('HIDDENREALITY');
    expect(text).toContain(`<@${LEADER}>`);
  });

  it('`/grow brief @leader` acknowledges at once, naming the leader, then DMs the brief', async () => {
    await seedEngagement(h, { status: 'active', firstAt: new Date(Date.now() + 2 * DAY) });
    const before = h.emu.callsTo('chat.postMessage').length;
    const ack = await command(`brief <@${LEADER}|leo>`);
    expect(ack).toContain(`Building your brief for <@${LEADER}>`);
    expect(ack).toContain('it will arrive in your messages from Grow');
    await waitFor(() => h.emu.callsTo('chat.postMessage').slice(before).find((c) => JSON.stringify(c.args.blocks).includes('Your session with')));
  });

  it('refuses a leader the person does not coach in a private answer after the acknowledgement, without sending anything', async () => {
    await seedEngagement(h, { status: 'active', firstAt: new Date(Date.now() + 2 * DAY) });
    const before = h.emu.callsTo('chat.postMessage').length;
    const ephemerals = h.emu.callsTo('chat.postEphemeral').length;
    expect(await command(`brief <@${COACH}|coach>`, LEADER)).toContain('Building your brief');
    const refusal = await laterAnswer(LEADER, ephemerals);
    expect(refusal.args.text).toContain("You don't coach anyone by that name right now");
    expect(JSON.stringify(refusal.args)).not.toMatch(/Error|at .*\.ts/);
    expect(await command('brief leo')).toContain('Who is the brief for?');
    expect(h.emu.callsTo('chat.postMessage').length).toBe(before);
  });

  it('says so in Slack, without detail, when building the brief fails', async () => {
    const { engagement } = await seedEngagement(h, { status: 'active', firstAt: new Date(Date.now() + 2 * DAY) });
    const { checkInId } = await insertCheckIn(h.db.db, h.cipher, {
      teamId: TEAM, leaderId: LEADER, engagementId: engagement.id, goal: 'g', reality: 'r', options: 'o', will: 'w',
      commitment: 8, visibility: 'shared', revisited: false, actionDueAt: new Date(Date.now() + DAY),
    });
    // A value that no key opens: reading the record fails deep inside the brief.
    await h.db.db.execute(sql`update check_ins set goal_enc = 'v3.nokey.AAAA.BBBB.CCCC' where id = ${checkInId}::uuid`);
    const before = h.emu.callsTo('chat.postMessage').length;
    const ephemerals = h.emu.callsTo('chat.postEphemeral').length;
    expect(await command(`brief <@${LEADER}|leo>`)).toContain('Building your brief');
    const answer = await laterAnswer(COACH, ephemerals);
    expect(answer.args.text).toContain('something went wrong on my side');
    expect(answer.args.text).not.toMatch(/nokey|decrypt|key|\.ts/i);
    expect(h.emu.callsTo('chat.postMessage').length).toBe(before);
  });
});

describe('roster pages', () => {
  it('a coach of 12 leaders reaches the last ones with "Next"', async () => {
    const leaders = Array.from({ length: 12 }, (_, i) => `U0PAGELD${String(i).padStart(2, '0')}`);
    for (const leaderId of leaders) {
      h.emu.addUser(TEAM, { id: leaderId, name: leaderId.toLowerCase(), tz: 'UTC' });
      await seedEngagement(h, { status: 'active', firstAt: new Date(Date.now() + 2 * DAY), leaderId });
    }
    const first = JSON.stringify(await openHomeView(h, COACH));
    const onFirst = leaders.filter((l) => first.includes(`<@${l}>`));
    expect(onFirst).toHaveLength(8);
    const publishes = h.emu.callsTo('views.publish').length;
    await click(h, { userId: COACH, actionId: 'coach_roster_next', value: JSON.stringify({ page: 1 }) });
    const next = await waitFor(() => h.emu.callsTo('views.publish').slice(publishes).find((c) => c.args.user_id === COACH));
    const second = JSON.stringify(next.args.view);
    const onSecond = leaders.filter((l) => second.includes(`<@${l}>`));
    expect(onSecond).toHaveLength(4);
    expect(new Set([...onFirst, ...onSecond]).size).toBe(12);
    expect(actionIdsIn((next.args.view as { blocks: unknown }).blocks)).toContain('coach_roster_previous');
  });
});
