// A saved check-in can be edited for 24 hours: the same check-in and its action are
// rewritten and the follow-up moves with a new date; after that, nothing changes.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openCheckIn } from '../../db/check-ins.js';
import { rowSeal } from '../../db/sealed.js';
import { actions, checkIns, nudges, people } from '../../db/schema/index.js';
import { submitCheckIn } from '../../src/services/check-in.js';
import { editCheckIn, loadCheckInForEdit } from '../../src/services/check-in-edit.js';
import { replaceCurrentAction } from '../../src/services/current-action.js';
import { LEADER, startHarness, TEAM, type Harness } from '../support/app-harness.js';
import { parisDate } from '../slack/engagement-support.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ handOffNudges: async () => {} });
  await h.db.db.insert(people).values({ teamId: TEAM, userId: LEADER, tz: 'Europe/Paris', workDays: [1, 2, 3, 4, 5, 6, 7], workStartMinute: 8 * 60, workEndMinute: 18 * 60 });
});
afterAll(async () => h?.close());

const values = { goal: 'Listen more', reality: 'I interrupt', options: 'Count to three', will: 'Let each person finish', commitment: '9', visibility: 'summary', dueDate: parisDate(2) };
let checkInId: string;
let actionId: string;
beforeEach(async () => {
  const saved = await submitCheckIn(h.deps, { teamId: TEAM, leaderId: LEADER, values, revisited: false });
  if (saved.outcome !== 'saved') throw new Error(saved.outcome);
  ({ checkInId, actionId } = saved);
});

const parisDay = (at: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(at);
const checkIn = async () => (await h.db.db.select().from(checkIns).where(eq(checkIns.id, checkInId)))[0]!;
const action = async () => (await h.db.db.select().from(actions).where(eq(actions.id, actionId)))[0]!;

describe('editing a saved check-in', () => {
  it('rewrites the same check-in and its action within 24 hours, and the follow-up follows the new date', async () => {
    const edited = { ...values, will: 'Summarise before I answer', commitment: '8', visibility: 'private', dueDate: parisDate(6) };
    const result = await editCheckIn(h.deps, { teamId: TEAM, leaderId: LEADER, checkInId, values: edited });
    expect(result).toMatchObject({ outcome: 'saved', checkInId, commitment: 8 });
    const row = await checkIn();
    expect(row).toMatchObject({ commitment: 8, visibility: 'private' });
    expect(openCheckIn(h.cipher, row).will).toBe('Summarise before I answer');
    const a = await action();
    expect(a.status).toBe('open');
    expect(rowSeal(h.cipher, 'actions', a).open('text_enc', a.textEnc)).toBe('Summarise before I answer');
    expect(parisDay(a.dueAt)).toBe(parisDate(6));
    const pending = (await h.db.db.select().from(nudges)).filter((n) => n.ref.actionId === actionId && n.status === 'pending');
    expect(pending).toHaveLength(1);
    expect(parisDay(pending[0]!.dueAt) >= parisDate(6)).toBe(true);
  });

  it('refuses after 24 hours and changes nothing', async () => {
    const later = { ...h.deps, now: () => new Date(Date.now() + 24 * 3_600_000 + 60_000) };
    const result = await editCheckIn(later, { teamId: TEAM, leaderId: LEADER, checkInId, values: { ...values, will: 'Something else' } });
    expect(result).toEqual({ outcome: 'expired' });
    expect(openCheckIn(h.cipher, await checkIn()).will).toBe(values.will);
  });

  it('finds nothing for someone else, and keeps the check-in as it was on invalid input', async () => {
    expect(await editCheckIn(h.deps, { teamId: TEAM, leaderId: 'U0OTHER001', checkInId, values })).toEqual({ outcome: 'gone' });
    const invalid = await editCheckIn(h.deps, { teamId: TEAM, leaderId: LEADER, checkInId, values: { ...values, will: '', dueDate: parisDate(-3) } });
    expect(invalid.outcome).toBe('invalid');
    expect(openCheckIn(h.cipher, await checkIn()).will).toBe(values.will);
  });

  it('after a replacement from Home, reopens with the replacement and edits it', async () => {
    const replaced = await replaceCurrentAction(h.deps, { teamId: TEAM, leaderId: LEADER, actionId, text: 'Pause before replying', dueDate: parisDate(4), visibility: 'summary' });
    if (replaced.outcome !== 'changed') throw new Error(replaced.outcome);
    const form = await loadCheckInForEdit(h.deps, { teamId: TEAM, leaderId: LEADER, checkInId });
    expect(form).toMatchObject({ outcome: 'open', draft: { will: 'Pause before replying', dueDate: parisDate(4) } });
    await editCheckIn(h.deps, { teamId: TEAM, leaderId: LEADER, checkInId, values: { ...values, will: 'Pause twice before replying', dueDate: parisDate(5) } });
    const [open] = await h.db.db.select().from(actions).where(eq(actions.id, replaced.actionId));
    expect(rowSeal(h.cipher, 'actions', open!).open('text_enc', open!.textEnc)).toBe('Pause twice before replying');
    expect(parisDay(open!.dueAt)).toBe(parisDate(5));
  });
});
