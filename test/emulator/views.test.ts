// The views lifecycle through the real WebClient: trigger exchange (once, within 3 s),
// modal stacks, updates with hashes and external ids, and the Home tab.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LEADER, TEAM, startFixture, type Fixture } from './fixtures.js';

let f: Fixture;
beforeEach(async () => {
  f = await startFixture();
});
afterEach(async () => {
  await f.emu.close();
});

const modal = (title: string, extra: Record<string, unknown> = {}) => ({
  type: 'modal' as const,
  title: { type: 'plain_text' as const, text: title },
  close: { type: 'plain_text' as const, text: 'Cancel' },
  blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'Hello' } }],
  ...extra,
});

describe('trigger ids', () => {
  it('opens a modal once per trigger; reuse is exchanged_trigger_id', async () => {
    const trigger = f.emu.issueTrigger(TEAM, LEADER);
    const opened = await f.client.views.open({ trigger_id: trigger, view: modal('Check-in') });
    expect(opened.view).toMatchObject({ type: 'modal', team_id: TEAM, state: { values: {} } });
    expect(opened.view?.id).toMatch(/^V/);
    expect(opened.view?.hash).toBeTruthy();
    expect(f.emu.openViews(TEAM, LEADER)).toHaveLength(1);
    await expect(f.client.views.open({ trigger_id: trigger, view: modal('Again') }))
      .rejects.toMatchObject({ data: { error: 'exchanged_trigger_id' } });
  });

  it('expires a trigger after 3 seconds', async () => {
    const fresh = f.emu.issueTrigger(TEAM, LEADER);
    f.clock.advance(3000);
    await expect(f.client.views.open({ trigger_id: fresh, view: modal('Just in time') })).resolves.toMatchObject({ ok: true });
    const stale = f.emu.issueTrigger(TEAM, LEADER);
    f.clock.advance(3001);
    await expect(f.client.views.open({ trigger_id: stale, view: modal('Too late') }))
      .rejects.toMatchObject({ data: { error: 'expired_trigger_id' } });
  });

  it('refuses a trigger the emulator never issued', async () => {
    await expect(f.client.views.open({ trigger_id: '123.456.abc', view: modal('x') }))
      .rejects.toMatchObject({ data: { error: 'invalid_trigger_id' } });
  });
});

describe('modal stack and updates', () => {
  it('pushes up to three views and updates by id or external id with hash checks', async () => {
    const root = await f.client.views.open({ trigger_id: f.emu.issueTrigger(TEAM, LEADER), view: modal('Root', { external_id: 'ext-1' }) });
    const pushed = await f.client.views.push({ trigger_id: f.emu.issueTrigger(TEAM, LEADER), view: modal('Second') });
    expect(pushed.view).toMatchObject({ previous_view_id: root.view?.id, root_view_id: root.view?.id });
    await f.client.views.push({ trigger_id: f.emu.issueTrigger(TEAM, LEADER), view: modal('Third') });
    await expect(f.client.views.push({ trigger_id: f.emu.issueTrigger(TEAM, LEADER), view: modal('Fourth') }))
      .rejects.toMatchObject({ data: { error: 'push_limit_reached' } });

    const byExternal = await f.client.views.update({ external_id: 'ext-1', view: modal('Root v2', { external_id: 'ext-1' }) });
    expect(byExternal.view).toMatchObject({ id: root.view?.id, title: { text: 'Root v2' } });
    await expect(f.client.views.update({ view_id: root.view?.id as string, hash: root.view?.hash as string, view: modal('Stale') }))
      .rejects.toMatchObject({ data: { error: 'hash_conflict' } });
    await expect(f.client.views.update({ view_id: root.view?.id as string, hash: byExternal.view?.hash as string, view: modal('Fresh') }))
      .resolves.toMatchObject({ ok: true });
    await expect(f.client.views.update({ view_id: 'V0NOPE0001', view: modal('x') })).rejects.toMatchObject({ data: { error: 'not_found' } });
  });

  it('refuses a second view with the same external_id', async () => {
    await f.client.views.open({ trigger_id: f.emu.issueTrigger(TEAM, LEADER), view: modal('One', { external_id: 'same' }) });
    await expect(f.client.views.push({ trigger_id: f.emu.issueTrigger(TEAM, LEADER), view: modal('Two', { external_id: 'same' }) }))
      .rejects.toMatchObject({ data: { error: 'duplicate_external_id' } });
  });
});

describe('home tab', () => {
  it('publishes and republishes one Home view per user, with a hash check', async () => {
    const home = { type: 'home' as const, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'Progress' } }] };
    const first = await f.client.views.publish({ user_id: LEADER, view: home });
    const second = await f.client.views.publish({ user_id: LEADER, view: home, hash: first.view?.hash as string });
    expect(second.view?.id).toBe(first.view?.id);
    expect(f.emu.homeView(TEAM, LEADER)).toMatchObject({ type: 'home', hash: second.view?.hash });
    await expect(f.client.views.publish({ user_id: LEADER, view: home, hash: first.view?.hash as string }))
      .rejects.toMatchObject({ data: { error: 'hash_conflict' } });
    await expect(f.client.views.publish({ user_id: LEADER, view: modal('x') as never }))
      .rejects.toMatchObject({ data: { error: 'invalid_arguments' } });
  });
});
