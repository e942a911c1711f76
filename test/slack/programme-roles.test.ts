// App Home → Programme through the running app: a Slack workspace admin opens "Admins and
// coaches", adds a programme admin and limits who may coach; the added admin then manages
// the lists too but cannot leave themselves off; anyone else is refused and changes nothing;
// and the coach list decides who may start an engagement.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { upsertPersonTz } from '../../db/people.js';
import { engagements, programmeAdmins, programmeCoaches } from '../../db/schema/index.js';
import { NOT_A_COACH } from '../../src/services/engagement.js';
import { FORM, interactionBody, viewSubmission } from '../support/app-harness.js';
import { actionIdsIn, click, COACH, createViaModal, LEADER, openedView, openHomeView, seedEngagement, startEngagementHarness, submit, TEAM, waitFor, type EngagementHarness } from './engagement-support.js';
import { encodeEngagementRef } from '../../src/slack/sponsor-button-value.js';

const ADMIN = 'U0WSADMIN1';
const ADDED = 'U0ADDEDAD1';
const OTHER_COACH = 'U0OTHERCO1';

let h: EngagementHarness;
beforeAll(async () => {
  h = await startEngagementHarness();
  h.emu.addUser(TEAM, { id: ADMIN, name: 'ada', tz: 'Europe/London', isAdmin: true });
  h.emu.addUser(TEAM, { id: ADDED, name: 'abe', tz: 'Europe/London' });
  h.emu.addUser(TEAM, { id: OTHER_COACH, name: 'otto', tz: 'Europe/London' });
});
afterAll(async () => h?.close());
beforeEach(async () => {
  await h.db.db.execute(sql`truncate engagements, nudges, people, programme_admins, programme_coaches cascade`);
  for (const id of [LEADER, COACH, ADMIN, ADDED, OTHER_COACH]) await upsertPersonTz(h.db.db, TEAM, id, 'Europe/Paris', new Date());
});

type View = Awaited<ReturnType<typeof openedView>>;

/** "Admins and coaches" clicked on App Home; the modal opened, or undefined with the notice shown instead. */
async function openRoles(userId: string): Promise<View | undefined> {
  const opens = h.emu.callsTo('views.open').length;
  await click(h, { userId, actionId: 'programme_roles_open' });
  const view = await openedView(h, opens);
  return view.callback_id === 'programme_roles' ? view : undefined;
}

/** The roles modal submitted with these people picked, as Slack sends multi_users_select. */
async function submitRoles(userId: string, view: View, picked: { admins: string[]; coaches: string[] }) {
  const values = {
    programme_admins: { programme_admins: { type: 'multi_users_select', selected_users: picked.admins } },
    programme_coaches: { programme_coaches: { type: 'multi_users_select', selected_users: picked.coaches } },
  };
  const res = await h.post(interactionBody(viewSubmission(view, values, userId)), FORM);
  expect(res.status).toBe(200);
  const text = await res.text();
  return text ? (JSON.parse(text) as { response_action?: string; errors?: Record<string, string> }) : undefined;
}

const roles = async () => ({
  admins: (await h.db.db.select().from(programmeAdmins)).map((r) => r.userId).sort(),
  coaches: (await h.db.db.select().from(programmeCoaches)).map((r) => r.userId).sort(),
});

const initialUsers = (view: View, blockId: string) =>
  ((view.blocks.find((b) => (b as { block_id?: string }).block_id === blockId) as { element: { initial_users?: string[] } }).element.initial_users ?? []);

describe('programme admins and coaches', () => {
  it('a workspace admin adds an admin and limits who may coach; Home and the modal show it', async () => {
    expect(actionIdsIn((await openHomeView(h, ADMIN)).blocks)).toContain('programme_roles_open');
    const view = await openRoles(ADMIN);
    expect(view).toBeDefined();
    const publishes = h.emu.callsTo('views.publish').length;
    expect(await submitRoles(ADMIN, view!, { admins: [ADDED], coaches: [COACH, COACH] })).toBeUndefined();
    expect(await roles()).toEqual({ admins: [ADDED], coaches: [COACH] });
    const home = await waitFor(() => h.emu.callsTo('views.publish').slice(publishes).find((c) => c.args.user_id === ADMIN));
    expect(JSON.stringify(home.args.view)).toContain(`Coaches: <@${COACH}>`);
    expect(JSON.stringify(home.args.view)).toContain(`and <@${ADDED}>`);
    const again = await openRoles(ADMIN);
    expect(initialUsers(again!, 'programme_admins')).toEqual([ADDED]);
    expect(initialUsers(again!, 'programme_coaches')).toEqual([COACH]);
  });

  it('an added admin manages the lists too, but cannot leave themselves off', async () => {
    await submitRoles(ADMIN, (await openRoles(ADMIN))!, { admins: [ADDED], coaches: [] });
    expect(actionIdsIn((await openHomeView(h, ADDED)).blocks)).toContain('programme_roles_open');
    const view = await openRoles(ADDED);
    expect(view).toBeDefined();
    const refused = await submitRoles(ADDED, view!, { admins: [], coaches: [COACH] });
    expect(refused).toMatchObject({ response_action: 'errors', errors: { programme_admins: expect.stringContaining('Keep yourself on this list') } });
    expect(await roles()).toEqual({ admins: [ADDED], coaches: [] });
    expect(await submitRoles(ADDED, view!, { admins: [ADDED], coaches: [COACH] })).toBeUndefined();
    expect(await roles()).toEqual({ admins: [ADDED], coaches: [COACH] });
  });

  it('is refused to anyone else, whose forged submission changes nothing', async () => {
    const view = await openRoles(ADMIN);
    await submitRoles(ADMIN, view!, { admins: [ADDED], coaches: [COACH] });
    expect(JSON.stringify(await openHomeView(h, LEADER))).not.toContain('programme_roles_open');
    expect(await openRoles(LEADER)).toBeUndefined();
    const refused = await submitRoles(LEADER, view!, { admins: [LEADER], coaches: [LEADER] });
    expect(refused).toMatchObject({ response_action: 'errors' });
    expect(await roles()).toEqual({ admins: [ADDED], coaches: [COACH] });
  });

  it('refuses a list past its limit inline', async () => {
    const many = Array.from({ length: 101 }, (_, i) => `U0MANY${String(i).padStart(4, '0')}`);
    const answer = await submitRoles(ADMIN, (await openRoles(ADMIN))!, { admins: [], coaches: many });
    expect(answer).toMatchObject({ response_action: 'errors' });
    expect(await roles()).toEqual({ admins: [], coaches: [] });
  });

  it('the coach list decides who may start an engagement; an empty one lets anyone', async () => {
    const view = await openRoles(ADMIN);
    await submitRoles(ADMIN, view!, { admins: [], coaches: [OTHER_COACH] });
    const refused = await createViaModal(h);
    expect(refused.body).toMatchObject({ response_action: 'errors', errors: { leader: NOT_A_COACH } });
    expect(await h.db.db.select().from(engagements)).toEqual([]);
    await submitRoles(ADMIN, (await openRoles(ADMIN))!, { admins: [], coaches: [] });
    const made = await createViaModal(h);
    expect(made.body).toBeUndefined();
    expect(await h.db.db.select().from(engagements)).toHaveLength(1);
  });

  it('an admin puts an engagement in a programme; anyone else is refused and changes nothing', async () => {
    const { engagement } = await seedEngagement(h, { status: 'active', firstAt: new Date(Date.now() + 86_400_000) });
    const value = encodeEngagementRef(engagement.id);
    expect(JSON.stringify(await openHomeView(h, ADMIN))).toContain(value.replace(/"/g, '\\"'));
    const programmeOf = async () => (await h.db.db.select().from(engagements).where(eq(engagements.id, engagement.id)))[0]!.programme;
    let opens = h.emu.callsTo('views.open').length;
    await click(h, { userId: ADMIN, actionId: 'programme_cohort_open', value });
    const view = await openedView(h, opens);
    expect(view.callback_id).toBe('programme_cohort');
    expect((await submit(h, ADMIN, view, { programme_name: '  Spring   leaders ' })).body).toBeUndefined();
    expect(await programmeOf()).toBe('Spring leaders');
    opens = h.emu.callsTo('views.open').length;
    await click(h, { userId: LEADER, actionId: 'programme_cohort_open', value });
    expect((await openedView(h, opens)).callback_id).not.toBe('programme_cohort');
    expect((await submit(h, LEADER, view, { programme_name: 'Mine now' })).body).toMatchObject({ response_action: 'errors' });
    expect(await programmeOf()).toBe('Spring leaders');
  });
});
