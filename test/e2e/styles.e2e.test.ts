// Resistance changes what Grow does, end to end on `npm start` against the Slack emulator:
// leaders who named different forms of resistance at contracting get a different rhythm,
// check-in, follow-up and session prep; one changes hers on App Home.
import { and, eq } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engagements, nudges } from '../../db/schema/index.js';
import { QUESTION_BANK } from '../../src/domain/questions/bank.js';
import { startE2eApp, TEAM, type E2eApp } from './e2e-app.js';
import { acceptAndContract, inviteLeader, reflectOnFollowUp } from './walk/engagement.js';
import type { Person } from './walk/person.js';
import { deliverNudge, pendingNudge, poll } from './walk/stage.js';

type Json = Record<string, unknown>;

let app: E2eApp;
let cora: Person;
let lina: Person; // "I have no time"
let eli: Person; // "I'm not sure coaching works"
let chris: Person; // "It didn't help me before"
let gia: Person; // "I don't need it"
const engagementOf: Record<string, string> = {};
/** The expectation question Eli's first check-in asked. */
let eliExpectation: string[] = [];
const text = (blocks: unknown) => JSON.stringify(blocks);
const inputIds = (view: Json) => (view.blocks as Json[]).filter((b) => b.type === 'input').map((b) => b.block_id);
/** The bank's questions for a moment that appear in these blocks. */
const bankAsked = (use: string, blocks: unknown) => QUESTION_BANK.filter((q) => q.use === use && text(blocks).includes(JSON.stringify(q.text).slice(1, -1))).map((q) => q.text);
const date = (days: number) => DateTime.now().setZone('Europe/Berlin').plus({ days }).toISODate()!;

async function contract(leader: Person, resistance: 'no_time' | 'not_sure' | 'dont_need' | 'did_not_work', messages?: string[]) {
  const invitation = await inviteLeader(cora, leader, { startDate: date(7), sessionTime: '10:00', sessions: 6, cadenceDays: 14 });
  engagementOf[leader.name] = invitation.engagementId;
  await acceptAndContract(leader, invitation.where, {
    targets: [{ description: 'Say no to meetings that do not need me', baseline: 4 }],
    worked: 'Short written plans',
    worthwhile: 'An hour a week back',
    openness: 5,
    resistance,
    ...(messages ? { messages } : {}),
  });
}

async function pendingKinds(leader: Person): Promise<string[]> {
  const rows = await app.db.db.select({ kind: nudges.kind }).from(nudges).where(and(eq(nudges.engagementId, engagementOf[leader.name]!), eq(nudges.status, 'pending')));
  return [...new Set(rows.map((r) => r.kind))].sort();
}

/** `/grow`, then the modal once Grow has shaped it for the engagement's style. */
async function openCheckIn(leader: Person, shaped: (view: Json) => boolean): Promise<Json> {
  const opened = await leader.opensModal('grow_checkin', () => leader.grow());
  return poll(`${leader.name}'s check-in modal in their style`, () => {
    const view = leader.openModals().find((v) => v.id === opened.id);
    return view && shaped(view) ? view : undefined;
  });
}

beforeAll(async () => {
  app = await startE2eApp();
  cora = await app.person('U0CORA0001', 'Cora Coach', 'Europe/London');
  lina = await app.person('U0LINA0001', 'Lina Light', 'Europe/Berlin');
  eli = await app.person('U0ELI00001', 'Eli Experiment', 'Europe/Berlin');
  chris = await app.person('U0CHRIS001', 'Chris Chooser', 'Europe/Berlin');
  gia = await app.person('U0GIA00001', 'Gia Goal', 'Europe/Berlin');
  await contract(lina, 'no_time');
  await contract(eli, 'not_sure');
  await contract(chris, 'did_not_work', ['follow_up', 'session_prep', 'closing_review']);
  await contract(gia, 'dont_need');
}, 120_000);

afterAll(async () => {
  if (!app) return;
  expect(await app.close(), 'Grow exits 0 on SIGTERM').toBe(0);
}, 30_000);

describe('the contracting answer sets the style and the rhythm', () => {
  it('stores each leader’s style on their engagement', async () => {
    const rows = await app.db.db.select({ id: engagements.id, style: engagements.style, muted: engagements.mutedKinds }).from(engagements).where(eq(engagements.teamId, TEAM));
    const of = (name: string) => rows.find((r) => r.id === engagementOf[name]);
    expect(of(lina.name)).toMatchObject({ style: 'light', muted: [] });
    expect(of(eli.name)).toMatchObject({ style: 'experiment', muted: [] });
    expect(of(chris.name)).toMatchObject({ style: 'chooser', muted: ['checkin_prompt', 'midpoint_review'] });
  });

  it('plans only session prep for “no time” (the follow-up comes with a check-in), the full rhythm for “not sure”, and only what the chooser kept', async () => {
    expect(await pendingKinds(lina)).toEqual(['session_prep']);
    expect(await pendingKinds(eli)).toEqual(['checkin_prompt', 'closing_review', 'midpoint_review', 'session_prep']);
    expect(await pendingKinds(chris)).toEqual(['closing_review', 'session_prep']);
  });
});

describe('two leaders, two experiences', () => {
  it('“no time”: a three-field check-in, then a follow-up and prep that say how long they take, and no check-in prompt', async () => {
    const modal = await openCheckIn(lina, (v) => !inputIds(v).includes('reality'));
    expect(inputIds(modal)).toEqual(['goal_target', 'goal', 'will', 'commitment', 'visibility']);
    expect(text(modal.blocks)).toContain('About a minute.');
    await lina.submit(modal, { goal: 'Fewer meetings', will: 'Decline the Thursday sync', commitment: '9', visibility: 'summary' });
    const followUp = await deliverNudge(app.stage, await pendingNudge(app.stage, lina.userId, 'follow_up'));
    expect(text(followUp.message.blocks)).toContain('Takes 30 seconds.');
    const prep = await deliverNudge(app.stage, await pendingNudge(app.stage, lina.userId, 'session_prep'));
    expect(text(prep.message.blocks)).toContain('Takes 2 minutes.');
    expect(await pendingKinds(lina)).not.toContain('checkin_prompt');
  });

  it('“not sure”: the check-in asks what they expect; the follow-up quotes it and asks what did happen', async () => {
    const modal = await openCheckIn(eli, (v) => inputIds(v).includes('expectation'));
    expect(inputIds(modal)).toEqual(['goal_target', 'goal', 'reality', 'options', 'will', 'expectation', 'will_due', 'commitment', 'visibility']);
    eliExpectation = bankAsked('expectation', modal.blocks);
    expect(eliExpectation).toHaveLength(1);
    await eli.submit(modal, {
      goal: 'Fewer meetings',
      reality: 'Eleven a week',
      options: 'Decline, delegate, shorten',
      will: 'Decline the Thursday sync',
      expectation: 'Nobody will notice I am gone',
      commitment: '8',
      visibility: 'summary',
    });
    const followUp = await deliverNudge(app.stage, await pendingNudge(app.stage, eli.userId, 'follow_up'));
    const t = text(followUp.message.blocks);
    expect(t).toContain('How did your experiment go?');
    expect(t).toContain('Nobody will notice I am gone');
    expect(bankAsked('outcome', followUp.message.blocks)).toHaveLength(1);
    expect(t).not.toContain('Takes 30 seconds.');
    const linaFollowUp = lina.dms().find((m) => text(m.blocks).includes('Decline the Thursday sync'));
    expect(bankAsked('outcome', linaFollowUp?.blocks)).toEqual([]);
    await reflectOnFollowUp(eli, followUp.where, { happened: 'Two people asked where I was', learned: 'It was noticed', tryNext: 'Send notes instead', visibility: 'private' });
  });

  it('“not sure”: the closing review sets each prediction beside what happened, as the evidence', async () => {
    const review = await deliverNudge(app.stage, await pendingNudge(app.stage, eli.userId, 'closing_review'));
    const t = text(review.message.blocks);
    expect(t).toContain('Your experiments: what you expected, and what happened');
    expect(t.indexOf('Nobody will notice I am gone')).toBeLessThan(t.indexOf('Two people asked where I was'));
    expect(t).toContain('Decline the Thursday sync');
  });

  it('“it didn’t help before”: the first prep asks what would make this time different, and has somewhere to answer it', async () => {
    const prep = await deliverNudge(app.stage, await pendingNudge(app.stage, chris.userId, 'session_prep'));
    const [different] = bankAsked('prep_different', prep.message.blocks);
    expect(different).toBeDefined();
    const modal = await chris.opensModal('session_prep', () => chris.click(prep.where, 'prep_answer'));
    expect(inputIds(modal)).toEqual(['different', 'example', 'want', 'visibility']);
    // The modal asks what the DM asked.
    expect(bankAsked('prep_different', modal.blocks)).toEqual([different]);
  });

  it('“I don’t need it”: the check-in starts from what the leader wants for themselves and offers the stakeholders’ view as data', async () => {
    const modal = await openCheckIn(gia, (v) => inputIds(v).includes('goal_target'));
    expect(inputIds(modal).slice(0, 2)).toEqual(['goal', 'goal_target']);
    const t = text(modal.blocks);
    expect(bankAsked('goal_own', modal.blocks)).toHaveLength(1);
    expect(t).toContain('rather than your coach’s opinion? Name 3–8 colleagues');
    // Eli's second check-in: not a word of goal first, and never the expectation question asked the first time.
    const again = await openCheckIn(eli, (v) => inputIds(v).includes('expectation'));
    expect(text(again.blocks)).not.toContain('coach’s opinion');
    expect(bankAsked('expectation', again.blocks)).toHaveLength(1);
    expect(bankAsked('expectation', again.blocks)).not.toEqual(eliExpectation);
  });
});

describe('changing the style on App Home', () => {
  it('moves “no time” to the full rhythm, and the plan follows', async () => {
    const home = await lina.openHome();
    expect(text(home.blocks)).toContain('Light — I have little time');
    const before = lina.openModals().length;
    const result = await app.emu.clickHomeButton({ teamId: TEAM, userId: lina.userId, actionId: 'engagement_style_open', blockId: `style_${engagementOf[lina.name]}` });
    expect([result.status, result.failure]).toEqual([200, undefined]);
    const modal = await poll('the style modal', () => lina.openModals().length > before && lina.openModals().at(-1));
    await lina.submit(modal, { style: 'standard', messages: ['follow_up', 'session_prep', 'checkin_prompt', 'midpoint_review', 'closing_review'] });
    await poll('the full rhythm planned', async () => (await pendingKinds(lina)).includes('midpoint_review'));
    expect(await pendingKinds(lina)).toEqual(expect.arrayContaining(['checkin_prompt', 'closing_review', 'midpoint_review']));
    const refreshed = await poll('Home showing the new style', () => {
      const view = app.emu.homeView(TEAM, lina.userId);
      return view && text(view.blocks).includes('The full rhythm') ? view : undefined;
    });
    expect(text(refreshed.blocks)).not.toContain('Light — I have little time');
  });
});
