// Modals driven end to end: a slash command's trigger opens a modal, submitView builds
// Slack's state.values from simple answers, and the app's response_action is applied.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeApp, type FakeApp, type ReceivedRequest } from './fake-app.js';
import { LEADER, TEAM, startFixture, type Fixture } from './fixtures.js';

const SECRET = 'test-signing-secret';
const plain = (text: string) => ({ type: 'plain_text' as const, text });
const opt = (value: string) => ({ text: plain(value.toUpperCase()), value });
const input = (block_id: string, element: Record<string, unknown>, optional = false) =>
  ({ type: 'input', block_id, label: plain(block_id), optional, element: { action_id: 'v', ...element } });

const checkIn = {
  type: 'modal', callback_id: 'grow_checkin', private_metadata: '{"engagement":"e-1"}', notify_on_close: true,
  title: plain('GROW check-in'), submit: plain('Save'), close: plain('Cancel'),
  blocks: [
    input('goal', { type: 'plain_text_input', max_length: 200 }),
    input('commitment', { type: 'static_select', options: ['6', '7', '8', '9', '10'].map(opt) }),
    input('visibility', { type: 'radio_buttons', options: ['private', 'summary', 'shared'].map(opt) }),
    input('levels', { type: 'checkboxes', options: ['self', 'comms'].map(opt) }, true),
    input('start_date', { type: 'datepicker' }, true),
    input('session_time', { type: 'timepicker' }, true),
    input('leader', { type: 'users_select' }, true),
    input('sessions', { type: 'number_input', is_decimal_allowed: false }, true),
  ],
};

let f: Fixture;
let app: FakeApp;
let viewId: string;

beforeEach(async () => {
  app = await startFakeApp(SECRET);
  f = await startFixture({ signingSecret: SECRET, appUrl: app.url });
  app.reply = async (req) => {
    if (req.parsed.command === '/grow') {
      const opened = await f.client.views.open({ trigger_id: req.parsed.trigger_id as string, view: checkIn as never });
      viewId = opened.view?.id as string;
    }
    return {};
  };
  await f.emu.slashCommand({ teamId: TEAM, userId: LEADER, command: '/grow' });
});
afterEach(async () => {
  await f.emu.close();
  await app.close();
});

const lastPayload = () => app.received[app.received.length - 1]?.parsed as Record<string, any>;
const answers = { goal: 'Speak up in staff meetings', commitment: '9', visibility: 'summary' };

describe('submitView', () => {
  it('opens the modal from the command trigger and submits real state.values', async () => {
    expect(f.emu.openViews(TEAM, LEADER)).toHaveLength(1);
    const res = await f.emu.submitView({
      teamId: TEAM, userId: LEADER, viewId,
      values: { ...answers, levels: ['self', 'comms'], start_date: '2024-04-01', session_time: '09:30', leader: LEADER, sessions: '8' },
    });
    expect(res.outcome).toBe('closed');
    expect(f.emu.openViews(TEAM, LEADER)).toEqual([]);
    const payload = lastPayload();
    expect(payload).toMatchObject({ type: 'view_submission', user: { id: LEADER }, team: { id: TEAM } });
    expect(payload.view).toMatchObject({ id: viewId, callback_id: 'grow_checkin', private_metadata: '{"engagement":"e-1"}', hash: expect.any(String) });
    expect(payload.view.state.values).toEqual({
      goal: { v: { type: 'plain_text_input', value: 'Speak up in staff meetings' } },
      commitment: { v: { type: 'static_select', selected_option: opt('9') } },
      visibility: { v: { type: 'radio_buttons', selected_option: opt('summary') } },
      levels: { v: { type: 'checkboxes', selected_options: [opt('self'), opt('comms')] } },
      start_date: { v: { type: 'datepicker', selected_date: '2024-04-01' } },
      session_time: { v: { type: 'timepicker', selected_time: '09:30' } },
      leader: { v: { type: 'users_select', selected_user: LEADER } },
      sessions: { v: { type: 'number_input', value: '8' } },
    });
  });

  it('sends empty optional inputs the way Slack does', async () => {
    await f.emu.submitView({ teamId: TEAM, userId: LEADER, viewId, values: answers });
    const values = lastPayload().view.state.values;
    expect(values.start_date).toEqual({ v: { type: 'datepicker', selected_date: null } });
    expect(values.levels).toEqual({ v: { type: 'checkboxes', selected_options: [] } });
    expect(values.leader).toEqual({ v: { type: 'users_select', selected_user: null } });
  });

  it('submits what the view pre-filled for inputs the person left untouched, and nothing for ones they cleared', async () => {
    const prefilled = {
      ...checkIn,
      blocks: [
        input('goal', { type: 'plain_text_input', initial_value: 'Delegate more' }),
        input('commitment', { type: 'static_select', options: ['8', '9'].map(opt), initial_option: opt('8') }),
        input('levels', { type: 'checkboxes', options: ['self', 'comms'].map(opt), initial_options: [opt('comms')] }, true),
        input('start_date', { type: 'datepicker', initial_date: '2024-05-06' }, true),
      ],
    };
    const updated = await f.client.views.update({ view_id: viewId, view: prefilled as never });
    expect(updated.ok).toBe(true);
    const cleared = await f.emu.submitView({ teamId: TEAM, userId: LEADER, viewId, values: { goal: '' } });
    expect(cleared).toMatchObject({ outcome: 'blocked', errors: { goal: expect.any(String) } });
    await f.emu.submitView({ teamId: TEAM, userId: LEADER, viewId, values: {} });
    expect(lastPayload().view.state.values).toEqual({
      goal: { v: { type: 'plain_text_input', value: 'Delegate more' } },
      commitment: { v: { type: 'static_select', selected_option: opt('8') } },
      levels: { v: { type: 'checkboxes', selected_options: [opt('comms')] } },
      start_date: { v: { type: 'datepicker', selected_date: '2024-05-06' } },
    });
  });

  it('does not send a submission missing a required input, or one over max_length', async () => {
    const sent = app.received.length;
    const missing = await f.emu.submitView({ teamId: TEAM, userId: LEADER, viewId, values: { goal: 'x' } });
    expect(missing).toMatchObject({ outcome: 'blocked', errors: { commitment: expect.any(String), visibility: expect.any(String) } });
    const tooLong = await f.emu.submitView({ teamId: TEAM, userId: LEADER, viewId, values: { ...answers, goal: 'x'.repeat(201) } });
    expect(tooLong).toMatchObject({ outcome: 'blocked', errors: { goal: expect.any(String) } });
    expect(app.received.length).toBe(sent);
  });

  it('shows response_action errors on input blocks and keeps the modal open', async () => {
    app.reply = () => ({ body: { response_action: 'errors', errors: { commitment: 'What would make it a 10?' } } });
    const res = await f.emu.submitView({ teamId: TEAM, userId: LEADER, viewId, values: answers });
    expect(res).toMatchObject({ outcome: 'errors', errors: { commitment: 'What would make it a 10?' } });
    expect(f.emu.openViews(TEAM, LEADER)).toHaveLength(1);
  });

  it('rejects errors naming a block that is not an input', async () => {
    app.reply = () => ({ body: { response_action: 'errors', errors: { will_typo: 'x' } } });
    const res = await f.emu.submitView({ teamId: TEAM, userId: LEADER, viewId, values: answers });
    expect(res.outcome).toBe('rejected');
    expect(res.reason).toContain('will_typo');
  });

  it('updates in place, pushes, and clears the stack', async () => {
    const next = { type: 'modal', title: plain('Revisit'), close: plain('Back'), blocks: [{ type: 'section', text: plain('What would make it a 10?') }] };
    app.reply = () => ({ body: { response_action: 'update', view: next } });
    const updated = await f.emu.submitView({ teamId: TEAM, userId: LEADER, viewId, values: answers });
    expect(updated).toMatchObject({ outcome: 'updated', view: { id: viewId, title: { text: 'Revisit' } } });

    const withInput = { ...checkIn, callback_id: 'again' };
    app.reply = () => ({ body: { response_action: 'update', view: withInput } });
    await f.emu.submitView({ teamId: TEAM, userId: LEADER, viewId });
    expect(f.emu.view(viewId)).toMatchObject({ callback_id: 'again' });
    app.reply = () => ({ body: { response_action: 'push', view: next } });
    const pushed = await f.emu.submitView({ teamId: TEAM, userId: LEADER, viewId, values: answers });
    expect(pushed).toMatchObject({ outcome: 'pushed', view: { previous_view_id: viewId, root_view_id: viewId } });
    expect(f.emu.openViews(TEAM, LEADER)).toHaveLength(2);

    app.reply = () => ({ body: { response_action: 'clear' } });
    const cleared = await f.emu.submitView({ teamId: TEAM, userId: LEADER, viewId: (pushed.view as { id: string }).id });
    expect(cleared.outcome).toBe('cleared');
    expect(f.emu.openViews(TEAM, LEADER)).toEqual([]);
  });

  it('refuses an invalid view in response_action update', async () => {
    app.reply = () => ({ body: { response_action: 'update', view: { ...checkIn, title: plain('x'.repeat(25)) } } });
    const res = await f.emu.submitView({ teamId: TEAM, userId: LEADER, viewId, values: answers });
    expect(res).toMatchObject({ outcome: 'rejected', reason: expect.stringContaining('/view/title/text') });
  });

  it('treats a slow app as a failed submission', async () => {
    await f.emu.close();
    f = await startFixture({ signingSecret: SECRET, appUrl: app.url, appTimeoutMs: 100 });
    app.reply = async (req: ReceivedRequest) => {
      if (req.parsed.command) {
        viewId = (await f.client.views.open({ trigger_id: req.parsed.trigger_id as string, view: checkIn as never })).view?.id as string;
        return {};
      }
      return { delayMs: 300 };
    };
    await f.emu.slashCommand({ teamId: TEAM, userId: LEADER, command: '/grow' });
    const res = await f.emu.submitView({ teamId: TEAM, userId: LEADER, viewId, values: answers });
    expect(res).toMatchObject({ outcome: 'rejected', reason: 'operation_timeout', failure: 'operation_timeout' });
    expect(f.emu.openViews(TEAM, LEADER)).toHaveLength(1);
  });
});

describe('closeView', () => {
  it('closes the modal and sends view_closed when notify_on_close is set', async () => {
    const res = await f.emu.closeView({ teamId: TEAM, userId: LEADER, viewId });
    expect(res).toMatchObject({ closed: [viewId], notified: true });
    expect(lastPayload()).toMatchObject({ type: 'view_closed', view: { id: viewId }, is_cleared: false });
    expect(f.emu.openViews(TEAM, LEADER)).toEqual([]);
  });
});
