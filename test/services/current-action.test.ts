// Changing an action outside any engagement from App Home: no engagement plan follows it,
// so the service moves its own follow-up rows and hands the new ones to the queue.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { actions, nudges, people } from '../../db/schema/index.js';
import { submitCheckIn } from '../../src/services/check-in.js';
import { changeCurrentActionDate, markCurrentActionDone, replaceCurrentAction } from '../../src/services/current-action.js';
import { LEADER, startHarness, TEAM, type Harness } from '../support/app-harness.js';
import { parisDate } from '../slack/engagement-support.js';

let h: Harness;
const handedOff: string[] = [];
beforeAll(async () => {
  h = await startHarness({ handOffNudges: async (planned) => void handedOff.push(...planned.map((n) => n.id)) });
  await h.db.db.insert(people).values({ teamId: TEAM, userId: LEADER, tz: 'Europe/Paris', workDays: [1, 2, 3, 4, 5, 6, 7], workStartMinute: 8 * 60, workEndMinute: 18 * 60 });
});
afterAll(async () => h?.close());

let actionId: string;
beforeEach(async () => {
  const saved = await submitCheckIn(h.deps, {
    teamId: TEAM,
    leaderId: LEADER,
    values: { goal: 'Listen more', reality: 'I interrupt', options: 'Count to three', will: 'Let each person finish', commitment: '9', visibility: 'summary', dueDate: parisDate(2), makeItTen: 'A quiet room', preconditionNudge: 'yes' },
    revisited: false,
  });
  if (saved.outcome !== 'saved') throw new Error(`check-in not saved: ${saved.outcome}`);
  actionId = saved.actionId;
});

const parisDay = (at: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(at);
const rowsFor = async (id: string) => (await h.db.db.select().from(nudges).where(eq(nudges.teamId, TEAM))).filter((n) => n.ref.actionId === id);
const ref = () => ({ teamId: TEAM, leaderId: LEADER, actionId });

describe('an action outside any engagement, changed from Home', () => {
  it('a new date cancels the old follow-up and precondition rows and plans new ones on the new date, handed to the queue', async () => {
    const before = await rowsFor(actionId);
    expect(before.map((n) => n.kind).sort()).toEqual(['follow_up', 'precondition']);
    const result = await changeCurrentActionDate(h.deps, { ...ref(), dueDate: parisDate(6) });
    expect(result).toMatchObject({ outcome: 'changed', actionId });
    const after = await rowsFor(actionId);
    for (const old of before) expect(after.find((n) => n.id === old.id)!.status).toBe('cancelled');
    const pending = after.filter((n) => n.status === 'pending');
    const followUp = pending.find((n) => n.kind === 'follow_up')!;
    expect(parisDay(followUp.dueAt) >= parisDate(6)).toBe(true);
    // The precondition the leader asked for is still asked, before the new follow-up.
    const precondition = pending.find((n) => n.kind === 'precondition')!;
    expect(precondition.dueAt.getTime()).toBeLessThan(followUp.dueAt.getTime());
    expect(handedOff).toEqual(expect.arrayContaining(pending.map((n) => n.id)));
  });

  it('done early cancels every pending nudge about it', async () => {
    expect(await markCurrentActionDone(h.deps, ref())).toMatchObject({ outcome: 'changed' });
    expect((await rowsFor(actionId)).filter((n) => n.status === 'pending')).toHaveLength(0);
    // A second click finds nothing open and changes nothing.
    expect(await markCurrentActionDone(h.deps, ref())).toEqual({ outcome: 'gone' });
  });

  it('a replacement is followed up on its own date; the old action is asked about no more', async () => {
    const result = await replaceCurrentAction(h.deps, { ...ref(), text: 'Summarise before I answer', dueDate: parisDate(4), visibility: 'shared' });
    if (result.outcome !== 'changed') throw new Error(result.outcome);
    expect((await rowsFor(actionId)).filter((n) => n.status === 'pending')).toHaveLength(0);
    const next = (await rowsFor(result.actionId)).filter((n) => n.status === 'pending');
    expect(next.map((n) => n.kind)).toEqual(['follow_up']);
    expect(parisDay(next[0]!.dueAt) >= parisDate(4)).toBe(true);
    const open = await h.db.db.select().from(actions).where(and(eq(actions.leaderId, LEADER), eq(actions.status, 'open')));
    expect(open.map((a) => a.id)).toEqual([result.actionId]);
  });

  it('keeps everything when the replacement is invalid, and says which field', async () => {
    const result = await replaceCurrentAction(h.deps, { ...ref(), text: 'x'.repeat(501), dueDate: 'not-a-date', visibility: 'everyone' });
    expect(result).toEqual({ outcome: 'invalid', errors: { will: expect.stringContaining('500'), visibility: 'Please choose who sees it.', dueDate: 'Please choose a date.' } });
    expect((await h.db.db.select().from(actions).where(eq(actions.id, actionId)))[0]!.status).toBe('open');
  });
});
