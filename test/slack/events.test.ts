// Events and the message shortcut, delivered as Slack delivers them.
import { openReflection } from '../../db/reflections.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { installations, nudges, people, reflections } from '../../db/schema/index.js';
import { coachSeesSentence } from '../../src/domain/privacy/promises.js';
import { FORM, interactionBody, LEADER, startHarness, TEAM, waitFor, type Harness } from '../support/app-harness.js';
import { openHomeView } from './engagement-support.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

const eventBody = (event: Record<string, unknown>) =>
  JSON.stringify({ token: 'x', team_id: TEAM, api_app_id: 'A0GROW0001', type: 'event_callback', event_id: `Ev${Math.random()}`, event_time: 1, event });

describe('user_change', () => {
  it('records a known person’s new time zone, and ignores people Grow does not know', async () => {
    await h.db.db.insert(people).values({ teamId: TEAM, userId: LEADER, tz: 'Europe/Paris' });
    expect((await h.post(eventBody({ type: 'user_change', user: { id: LEADER, tz: 'Asia/Tokyo' } }), 'application/json')).status).toBe(200);
    expect((await h.post(eventBody({ type: 'user_change', user: { id: 'U0STRANGER', tz: 'Asia/Tokyo' } }), 'application/json')).status).toBe(200);
    await waitFor(async () => (await h.db.db.select().from(people).where(eq(people.userId, LEADER)))[0]?.tz === 'Asia/Tokyo');
    expect(await h.db.db.select().from(people).where(eq(people.userId, 'U0STRANGER'))).toHaveLength(0);
  });
});

describe('user_change, validated', () => {
  const person = async (userId: string) => (await h.db.db.select().from(people).where(eq(people.userId, userId)))[0];

  it('a deactivated person who comes back is active again', async () => {
    await h.db.db.insert(people).values({ teamId: TEAM, userId: 'U0RETURN01', tz: 'Europe/Paris' });
    await h.post(eventBody({ type: 'user_change', user: { id: 'U0RETURN01', deleted: true, tz: 'Europe/Paris' } }), 'application/json');
    await waitFor(async () => (await person('U0RETURN01'))?.isActive === false);
    await h.post(eventBody({ type: 'user_change', user: { id: 'U0RETURN01', deleted: false, tz: 'Europe/Paris' } }), 'application/json');
    await waitFor(async () => (await person('U0RETURN01'))?.isActive === true);
  });

  it.each([
    ['a zone that is not a zone', { id: 'U0ZONECHK1', tz: 'Mars/Olympus' }, 200],
    ['a zone that is not text', { id: 'U0ZONECHK1', tz: 12345 }, 400],
    ['a user that is only an id string', 'U0ZONECHK1', 400],
  ])('ignores %s and keeps the person as they were', async (_label, user, status) => {
    await h.db.db.insert(people).values({ teamId: TEAM, userId: 'U0ZONECHK1', tz: 'Europe/Paris' }).onConflictDoNothing();
    // A zone Slack would never send is ignored by the listener; a payload of the wrong shape
    // is refused before any listener runs (400). Either way nothing changes.
    expect((await h.post(eventBody({ type: 'user_change', user }), 'application/json')).status).toBe(status);
    await new Promise((r) => setTimeout(r, 250));
    expect(await person('U0ZONECHK1')).toMatchObject({ tz: 'Europe/Paris', isActive: true });
  });
});

describe('app_uninstalled', () => {
  it('cancels every pending nudge of the workspace, leaves sent ones alone, and deletes the stored token', async () => {
    await h.db.db.insert(installations).values({ teamId: TEAM, botTokenEnc: h.cipher.encrypt('xoxb-stored-token') });
    const due = new Date(Date.now() + 3_600_000);
    await h.db.db.insert(nudges).values([
      { teamId: TEAM, recipientId: LEADER, kind: 'follow_up', dedupeKey: 'u1', dueAt: due },
      { teamId: TEAM, recipientId: LEADER, kind: 'follow_up', dedupeKey: 'u2', dueAt: due, status: 'sent' },
      { teamId: 'T0OTHER001', recipientId: LEADER, kind: 'follow_up', dedupeKey: 'u3', dueAt: due },
    ]);
    await h.post(eventBody({ type: 'app_uninstalled' }), 'application/json');
    const status = async (key: string) => (await h.db.db.select().from(nudges).where(eq(nudges.dedupeKey, key)))[0]?.status;
    await waitFor(async () => (await status('u1')) === 'cancelled');
    expect(await status('u2')).toBe('sent');
    expect(await status('u3')).toBe('pending');
    const [row] = await h.db.db.select().from(installations).where(eq(installations.teamId, TEAM));
    expect(row).toMatchObject({ botTokenEnc: null });
    expect(row!.uninstalledAt).not.toBeNull();
  });
});

describe('Save as coaching moment', () => {
  it('opens a modal, then stores the permalink and an encrypted note with its visibility', async () => {
    h.emu.addChannel(TEAM, { id: 'C0GENERAL1', name: 'general', members: [LEADER], botIsMember: true });
    const ts = h.emu.postUserMessage(TEAM, { channelId: 'C0GENERAL1', userId: LEADER, text: 'We shipped it <!here>' });
    const shortcut = {
      type: 'message_action', callback_id: 'save_moment', trigger_id: h.emu.issueTrigger(TEAM, LEADER), action_ts: '1',
      team: { id: TEAM, domain: 'acme' }, user: { id: LEADER, username: 'leo', team_id: TEAM }, channel: { id: 'C0GENERAL1', name: 'general' },
      message: { type: 'message', user: LEADER, ts, text: 'We shipped it <!here>' }, response_url: 'https://hooks.slack.invalid/x',
    };
    expect((await h.post(interactionBody(shortcut), FORM)).status).toBe(200);
    const opened = await waitFor(() => h.emu.callsTo('views.open').find((c) => c.ok && JSON.stringify(c.args).includes('save_moment_submit')));
    const view = (opened.response as { view: { id: string; callback_id: string; private_metadata: string; blocks: unknown[] } }).view;
    expect(JSON.stringify(view.blocks)).toContain('&lt;!here&gt;');
    const submission = {
      type: 'view_submission', team: { id: TEAM }, user: { id: LEADER, team_id: TEAM }, api_app_id: 'A0GROW0001',
      view: { ...view, state: { values: { note: { note: { type: 'plain_text_input', value: 'How I handled pushback' } }, visibility: { visibility: { type: 'radio_buttons', selected_option: { value: 'shared' } } } } } },
    };
    const res = await h.post(interactionBody(submission), FORM);
    expect(await res.text()).toBe('');
    const [row] = await h.db.db.select().from(reflections).where(eq(reflections.kind, 'moment'));
    expect(row).toMatchObject({ leaderId: LEADER, visibility: 'shared' });
    const stored = openReflection(h.cipher, row!);
    expect(stored.permalink).toMatch(/^https?:\/\//);
    expect(row!.permalinkEnc).not.toContain('slack.com');
    expect(row!.bodyEnc).not.toContain('pushback');
    expect(JSON.parse(stored.body)).toEqual({ note: 'How I handled pushback', channel: 'C0GENERAL1', ts });
    const confirmation = await waitFor(() => h.emu.callsTo('chat.postMessage').find((c) => c.ok && c.args.channel === LEADER && JSON.stringify(c.args.blocks).includes('Coaching moment saved')));
    expect(JSON.stringify(confirmation.args.blocks)).toContain(coachSeesSentence('moment', 'shared'));
    expect(JSON.stringify(confirmation.args)).not.toContain('pushback');
  });

  it('shows the saved moment on the leader’s App Home, in their words, and on nobody else’s', async () => {
    const home = JSON.stringify(await openHomeView(h, LEADER));
    expect(home).toContain('Moments you saved');
    expect(home).toContain('How I handled pushback');
    expect(home).toContain('Only you see this list.');
    h.emu.addUser(TEAM, { id: 'U0OTHER001', name: 'otto', tz: 'Europe/Berlin' });
    const other = JSON.stringify(await openHomeView(h, 'U0OTHER001'));
    expect(other).not.toContain('Moments you saved');
    expect(other).not.toContain('pushback');
  });
});
