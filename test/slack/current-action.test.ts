// The "current action" buttons on the leader's Home, through the real Bolt app against the
// emulator: done early, a new date and a replacement, each re-planning the follow-up.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { actions, checkIns, nudges, people } from '../../db/schema/index.js';
import { submitCheckIn } from '../../src/services/check-in.js';
import { GONE_TEXT } from '../../src/services/current-action.js';
import { CURRENT_ACTION_ACTIONS } from '../../src/slack/ids.js';
import { rowSeal } from '../../db/sealed.js';
import { actionIdsIn, click, COACH, LEADER, openedView, openHomeView, parisDate, seedEngagement, startEngagementHarness, submit, TEAM, waitFor, type EngagementHarness } from './engagement-support.js';

const day = 86_400_000;
let h: EngagementHarness;
let engagementId: string;

beforeAll(async () => {
  h = await startEngagementHarness();
  await h.db.db.insert(people).values({ teamId: TEAM, userId: LEADER, tz: 'Europe/Paris', workDays: [1, 2, 3, 4, 5, 6, 7], workStartMinute: 8 * 60, workEndMinute: 18 * 60 });
  engagementId = (await seedEngagement(h, { status: 'active', firstAt: new Date(Date.now() + 20 * day) })).engagement.id;
});
afterAll(async () => h?.close());

let actionId: string;
beforeEach(async () => {
  const saved = await submitCheckIn(h.deps, {
    teamId: TEAM,
    leaderId: LEADER,
    values: { goal: 'Delegate more', reality: 'I do it all', options: 'Hand over the report', will: 'Hand the weekly report to Sam', commitment: '9', visibility: 'summary', dueDate: parisDate(3) },
    revisited: false,
  });
  if (saved.outcome !== 'saved') throw new Error(`check-in not saved: ${saved.outcome}`);
  actionId = saved.actionId;
});

const actionRow = async (id: string) => (await h.db.db.select().from(actions).where(eq(actions.id, id)))[0]!;
const pendingFor = async (id: string) =>
  (await h.db.db.select().from(nudges).where(and(eq(nudges.teamId, TEAM), eq(nudges.status, 'pending'), eq(nudges.kind, 'follow_up')))).filter((n) => n.ref.actionId === id);
const parisDay = (at: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(at);
const lastHomeText = () => JSON.stringify(h.emu.callsTo('views.publish').at(-1)?.args.view);

async function openModal(button: string) {
  const before = h.emu.callsTo('views.open').length;
  await click(h, { userId: LEADER, actionId: button, value: actionId });
  return openedView(h, before);
}

describe('the current action on the leader’s Home', () => {
  it('carries Mark done (with a confirmation), Change date and Replace for the open action', async () => {
    const home = await openHomeView(h, LEADER);
    const ids = actionIdsIn(home.blocks);
    for (const id of Object.values(CURRENT_ACTION_ACTIONS)) expect(ids).toContain(id);
    const block = (home.blocks as { block_id?: string; elements?: { action_id: string; value?: string; confirm?: unknown }[] }[]).find((b) => b.block_id === 'current_action')!;
    expect(block.elements!.every((e) => e.value === actionId)).toBe(true);
    expect(block.elements!.find((e) => e.action_id === CURRENT_ACTION_ACTIONS.done)!.confirm).toBeDefined();
  });

  it('changes the date: the modal is prefilled, the action moves and its follow-up follows the new date', async () => {
    const view = await openModal(CURRENT_ACTION_ACTIONS.dateOpen);
    expect(JSON.stringify(view.blocks)).toContain(`"initial_date":"${parisDate(3)}"`);
    const before = await pendingFor(actionId);
    expect(before).toHaveLength(1);
    const replansBefore = h.replans.length;
    const { status, body } = await submit(h, LEADER, view, { dueDate: parisDate(9) });
    expect(status).toBe(200);
    expect(body).toBeUndefined();
    const row = await actionRow(actionId);
    expect(parisDay(row.dueAt)).toBe(parisDate(9));
    expect(h.replans.slice(replansBefore)).toContain(engagementId);
    const after = await pendingFor(actionId);
    expect(after).toHaveLength(1);
    // Never before the action could have happened: not before the new due date's day.
    expect(parisDay(after[0]!.dueAt) >= parisDate(9)).toBe(true);
    await waitFor(() => lastHomeText().includes(actionId) && lastHomeText());
  });

  it('refuses a date in the past on the field and changes nothing', async () => {
    const view = await openModal(CURRENT_ACTION_ACTIONS.dateOpen);
    const dueBefore = (await actionRow(actionId)).dueAt;
    const { body } = await submit(h, LEADER, view, { dueDate: parisDate(-2) });
    expect(body).toEqual({ response_action: 'errors', errors: { dueDate: 'Please choose a date from today on.' } });
    expect((await actionRow(actionId)).dueAt).toEqual(dueBefore);
  });

  it('replaces the action: the old one is dropped with its follow-up, the new one is followed up on its date', async () => {
    const view = await openModal(CURRENT_ACTION_ACTIONS.replaceOpen);
    expect(view.blocks.map((b) => b.block_id)).toEqual(expect.arrayContaining(['will', 'dueDate', 'visibility']));
    const empty = await submit(h, LEADER, view, { will: undefined, dueDate: parisDate(5), visibility: 'private' });
    expect(empty.body).toMatchObject({ response_action: 'errors', errors: { will: expect.any(String) } });
    expect((await actionRow(actionId)).status).toBe('open');

    const { body } = await submit(h, LEADER, view, { will: 'Ask Sam to run Monday’s stand-up', dueDate: parisDate(5), visibility: 'private' });
    expect(body).toBeUndefined();
    const old = await actionRow(actionId);
    expect(old.status).toBe('dropped');
    expect(await pendingFor(actionId)).toHaveLength(0);
    const [open] = await h.db.db.select().from(actions).where(and(eq(actions.leaderId, LEADER), eq(actions.status, 'open')));
    expect(open!.checkInId).toBe(old.checkInId);
    expect(rowSeal(h.cipher, 'actions', open!).open('text_enc', open!.textEnc)).toBe('Ask Sam to run Monday’s stand-up');
    expect(parisDay(open!.dueAt)).toBe(parisDate(5));
    const [checkIn] = await h.db.db.select().from(checkIns).where(eq(checkIns.id, old.checkInId));
    expect(checkIn!.visibility).toBe('private');
    const followUp = await pendingFor(open!.id);
    expect(followUp).toHaveLength(1);
    expect(parisDay(followUp[0]!.dueAt) >= parisDate(5)).toBe(true);
    await waitFor(() => lastHomeText().includes('Ask Sam to run Monday') && lastHomeText());
  });

  it('marks the action done early: no follow-up is left, and Home says nothing is open', async () => {
    await click(h, { userId: LEADER, actionId: CURRENT_ACTION_ACTIONS.done, value: actionId });
    // Home is redrawn once the status and the re-plan are both written.
    await waitFor(() => lastHomeText().includes('Nothing open') && lastHomeText());
    const row = await actionRow(actionId);
    expect(row.status).toBe('done');
    expect(row.answeredAt).not.toBeNull();
    expect(await pendingFor(actionId)).toHaveLength(0);
  });

  it('refuses a click carrying someone else’s action, in words, and changes nothing', async () => {
    const before = h.emu.callsTo('views.open').length;
    await click(h, { userId: COACH, actionId: CURRENT_ACTION_ACTIONS.done, value: actionId });
    const told = await waitFor(() => h.emu.callsTo('views.open')[before]);
    expect(JSON.stringify(told.args.view)).toContain(GONE_TEXT.slice(0, 40));
    expect((await actionRow(actionId)).status).toBe('open');
    const view = await openModal(CURRENT_ACTION_ACTIONS.dateOpen);
    const forged = await submit(h, COACH, view, { dueDate: parisDate(8) });
    expect(forged.body).toMatchObject({ response_action: 'update' });
    expect(parisDay((await actionRow(actionId)).dueAt)).toBe(parisDate(3));
  });
});
