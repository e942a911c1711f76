// Settings from App Home, through the real app over signed HTTP: the button on Home, the
// modal (valid Block Kit, the zone shown but not editable), inline errors that change
// nothing, and a saved window that moves the leader's pending nudges into it.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { findPerson, upsertPersonTz } from '../../db/people.js';
import { syncEngagementPlan } from '../../db/plan-sync.js';
import { planCoachDigests } from '../../db/coach-plan-sync.js';
import { DateTime } from 'luxon';
import { nudges } from '../../db/schema/index.js';
import { atLocalTime, isWithinWorkingHours } from '../../src/domain/time/index.js';
import { validateView } from '../emulator/block-kit/validate-surface.js';
import { FORM, interactionBody, viewSubmission } from '../support/app-harness.js';
import {
  actionIdsIn, click, COACH, LEADER, openedView, parisDate, pendingNudges, seedEngagement, startEngagementHarness, stateFor, TEAM, waitFor,
  type EngagementHarness,
  openHomeView,
} from './engagement-support.js';

type Json = Record<string, unknown>;
type View = Awaited<ReturnType<typeof openedView>>;

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

const openHome = (userId: string): Promise<Json> => openHomeView(h, userId);

async function openSettings(userId = LEADER): Promise<View> {
  const before = h.emu.callsTo('views.open').length;
  await click(h, { userId, actionId: 'settings_open', blockId: 'settings_actions' });
  return openedView(h, before);
}

/** Submits the settings modal with checked days (ISO weekdays) and the two times. */
async function submitSettings(view: View, days: number[], start?: string, end?: string, extra: { userId?: string; digestDay?: string; digestTime?: string; notices?: string[] } = {}): Promise<Json | undefined> {
  const values = stateFor(view, { work_start: start, work_end: end, digest_day: extra.digestDay, digest_time: extra.digestTime });
  values.work_days = { work_days: { type: 'checkboxes', selected_options: days.map((d) => ({ text: { type: 'plain_text', text: String(d) }, value: String(d) })) } };
  if (extra.notices) values.coach_notices = { coach_notices: { type: 'checkboxes', selected_options: extra.notices.map((t) => ({ text: { type: 'plain_text', text: t }, value: t })) } };
  const res = await h.post(
    interactionBody(viewSubmission(view, values, extra.userId)),
    FORM,
  );
  expect(res.status).toBe(200);
  const text = await res.text();
  return text ? (JSON.parse(text) as Json) : undefined;
}

/** An active engagement for the leader, sessions weekly at 10:00 Paris time, planned. */
async function plannedEngagement() {
  const { engagement } = await seedEngagement(h, { status: 'active', firstAt: atLocalTime(parisDate(10), '10:00', 'Europe/Paris') });
  await syncEngagementPlan(h.db.db, { teamId: TEAM, engagementId: engagement.id, now: new Date(), rhythm: h.config.rhythm });
  return engagement.id;
}

describe('Settings on App Home', () => {
  it('shows the working window on the person’s clock, with a Settings button, to leaders and coaches', async () => {
    for (const [userId, tz] of [[LEADER, 'Europe/Paris'], [COACH, 'Europe/London']] as const) {
      const home = await openHome(userId);
      expect(actionIdsIn(home.blocks)).toContain('settings_open');
      expect(JSON.stringify(home)).toContain(`Mon–Fri, 09:00–17:30 (${tz})`);
    }
  });

  it('opens a valid modal with the days and hours filled in and the zone shown, not editable', async () => {
    await openHome(LEADER);
    const view = await openSettings();
    expect(validateView(view as unknown as Json)).toEqual([]);
    expect(view.callback_id).toBe('settings');
    const inputs = view.blocks.filter((b) => b.type === 'input');
    expect(inputs.map((b) => [b.block_id, (b.element as Json).type])).toEqual([
      ['work_days', 'checkboxes'], ['work_start', 'timepicker'], ['work_end', 'timepicker'],
    ]);
    const [days, start, end] = inputs.map((b) => b.element as Json);
    expect((days!.initial_options as { value: string }[]).map((o) => o.value)).toEqual(['1', '2', '3', '4', '5']);
    expect([start!.initial_time, end!.initial_time]).toEqual(['09:00', '17:30']);
    expect(JSON.stringify(view.blocks.filter((b) => b.type !== 'input'))).toContain('Europe/Paris');
  });
});

describe('saving working hours', () => {
  it('shows inline errors for no day or an end before the start, and changes nothing', async () => {
    const engagementId = await plannedEngagement();
    const before = await pendingNudges(h, engagementId);
    const person = await findPerson(h.db.db, TEAM, LEADER);
    const view = await openSettings();
    expect(await submitSettings(view, [], '09:00', '17:00')).toEqual({ response_action: 'errors', errors: { work_days: 'Pick at least one day.' } });
    expect(await submitSettings(view, [1, 2], '17:00', '09:00')).toEqual({ response_action: 'errors', errors: { work_end: 'The end must come after the start.' } });
    expect(await findPerson(h.db.db, TEAM, LEADER)).toEqual(person);
    const after = await pendingNudges(h, engagementId);
    expect(after.map((r) => [r.id, r.dueAt.getTime()]).sort()).toEqual(before.map((r) => [r.id, r.dueAt.getTime()]).sort());
  });

  it('saves the window, moves the leader’s pending nudges into it, and redraws Home', async () => {
    const engagementId = await plannedEngagement();
    const before = new Map((await pendingNudges(h, engagementId)).map((r) => [r.id, r.dueAt.getTime()]));
    const prep = (await pendingNudges(h, engagementId)).find((r) => r.kind === 'session_prep')!;
    const view = await openSettings();
    const publishes = h.emu.callsTo('views.publish').length;
    expect(await submitSettings(view, [4, 2, 3], '13:00', '15:00')).toBeUndefined();

    expect(await findPerson(h.db.db, TEAM, LEADER)).toMatchObject({ tz: 'Europe/Paris', workDays: [2, 3, 4], workStartMinute: 780, workEndMinute: 900 });
    const window = { tz: 'Europe/Paris', workDays: [2, 3, 4], startMinute: 780, endMinute: 900 };
    const after = await pendingNudges(h, engagementId);
    expect([...after.map((r) => r.id)].sort()).toEqual([...before.keys()].sort());
    for (const row of after) expect(isWithinWorkingHours(row.dueAt, window), `${row.kind} at ${row.dueAt.toISOString()}`).toBe(true);
    const [moved] = await h.db.db.select().from(nudges).where(eq(nudges.id, prep.id));
    expect(moved!.dueAt.getTime()).not.toBe(prep.dueAt.getTime());

    const home = await waitFor(() => h.emu.callsTo('views.publish').slice(publishes).find((c) => c.args.user_id === LEADER));
    expect(JSON.stringify(home.args.view)).toContain('Tue–Thu, 13:00–15:00 (Europe/Paris)');
  });
});

describe("a coach's digest day and time", () => {
  const digestRows = () => h.db.db.select().from(nudges).where(sql`${nudges.recipientId} = ${COACH} and ${nudges.kind} = 'digest' and ${nudges.status} = 'pending'`);

  it('is offered to a coach only, and saving it moves their pending digests there, on their clock', async () => {
    await plannedEngagement();
    expect(await planCoachDigests(h.db.db, { teamId: TEAM, now: new Date() })).toBeGreaterThan(0);
    const leaderModal = await openSettings(LEADER);
    expect(JSON.stringify(leaderModal.blocks)).not.toContain('digest_day');
    const modal = await openSettings(COACH);
    expect(validateView(modal as never)).toEqual([]);
    expect(JSON.stringify(modal.blocks)).toContain('digest_day');
    expect(await submitSettings(modal, [1, 2, 3, 4, 5], '08:00', '18:00', { userId: COACH, digestDay: '5', digestTime: '16:30' })).toBeUndefined();
    const rows = await waitFor(async () => {
      const r = await digestRows();
      return r.length > 0 && r.every((n) => DateTime.fromJSDate(n.dueAt, { zone: 'Europe/London' }).toFormat('ccc HH:mm') === 'Fri 16:30') ? r : undefined;
    });
    expect(rows.length).toBeGreaterThan(0);
    const coach = await findPerson(h.db.db, TEAM, COACH);
    expect([coach!.digestDay, coach!.digestMinute]).toEqual([5, 16 * 60 + 30]);
    expect(JSON.stringify(await openHome(COACH))).toContain('Your weekly digest comes on Friday at 16:30.');
  });

  it('offers a coach a switch for each kind of notice, all on at first, and saves what they untick as off', async () => {
    await plannedEngagement();
    expect(JSON.stringify((await openSettings(LEADER)).blocks)).not.toContain('coach_notices');
    const modal = await openSettings(COACH);
    expect(validateView(modal as never)).toEqual([]);
    const switches = (v: View) => (v.blocks.find((b) => b.block_id === 'coach_notices') as unknown as { element: { initial_options?: { value: string }[] } }).element.initial_options?.map((o) => o.value) ?? [];
    expect(switches(modal)).toEqual(['contracting', 'sessions', 'pause', 'review']);
    expect(await submitSettings(modal, [1, 2, 3, 4, 5], '09:00', '17:00', { userId: COACH, digestDay: '1', digestTime: '09:00', notices: ['sessions', 'review'] })).toBeUndefined();
    expect((await findPerson(h.db.db, TEAM, COACH))!.noticesOff).toEqual(['contracting', 'pause']);
    expect(switches(await openSettings(COACH))).toEqual(['sessions', 'review']);
    expect(JSON.stringify(await openHome(COACH))).toContain('Quiet updates about your engagements: moved or cancelled a session; finished their closing review.');
  });

  it('a time outside the day is refused on its field and changes nothing', async () => {
    await plannedEngagement();
    const modal = await openSettings(COACH);
    const answer = await submitSettings(modal, [1, 2, 3, 4, 5], '08:00', '18:00', { userId: COACH, digestDay: '9', digestTime: '16:30' });
    expect(answer).toMatchObject({ response_action: 'errors', errors: { digest_day: 'On which day would you like your weekly digest?' } });
    expect((await findPerson(h.db.db, TEAM, COACH))!.digestDay).toBe(1);
  });
});
