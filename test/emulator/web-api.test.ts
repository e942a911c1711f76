// The Web API emulator through the real @slack/web-api client: messages, history with
// metadata, users, DND, DMs and the views lifecycle, plus Slack's refusals.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BOT_TOKEN, BOT_USER, LEADER, COACH, TEAM, clientFor, startFixture, type Fixture } from './fixtures.js';

let f: Fixture;
beforeEach(async () => {
  f = await startFixture();
});
afterEach(async () => {
  await f.emu.close();
});

describe('auth and tokens', () => {
  it('auth.test names the team and the bot', async () => {
    const res = await f.client.auth.test();
    expect(res).toMatchObject({ ok: true, team_id: TEAM, user_id: BOT_USER, url: 'https://acme.slack.com/' });
    expect(res.bot_id).toMatch(/^B/);
  });

  it('refuses a missing, unknown and revoked token in Slack words', async () => {
    await expect(clientFor(f.emu).auth.test()).rejects.toMatchObject({ data: { error: 'not_authed' } });
    await expect(clientFor(f.emu, 'xoxb-nope').auth.test()).rejects.toMatchObject({ data: { error: 'invalid_auth' } });
    f.emu.revokeToken(BOT_TOKEN);
    await expect(f.client.auth.test()).rejects.toMatchObject({ data: { error: 'token_revoked' } });
    expect(f.emu.rejectedCalls().map((c) => c.error)).toEqual(['not_authed', 'invalid_auth', 'token_revoked']);
  });

  it('accepts the token as a form field and answers unknown methods with unknown_method', async () => {
    const form = await fetch(`${f.emu.url}auth.test`, {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `token=${BOT_TOKEN}`,
    });
    expect(await form.json()).toMatchObject({ ok: true, team_id: TEAM });
    await expect(f.client.apiCall('chat.teleport')).rejects.toMatchObject({ data: { error: 'unknown_method' } });
  });

  it('ignores a token inside a JSON body, as Slack does', async () => {
    const res = await fetch(`${f.emu.url}auth.test`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token: BOT_TOKEN }),
    });
    expect(await res.json()).toEqual({ ok: false, error: 'not_authed' });
  });
});

describe('messages', () => {
  it('posts to a user id into a stable DM and reads it back with metadata only on request', async () => {
    const opened = await f.client.conversations.open({ users: LEADER });
    const posted = await f.client.chat.postMessage({
      channel: LEADER, text: 'How did it go?',
      metadata: { event_type: 'grow_nudge', event_payload: { nudge_id: 'n-1' } },
    });
    expect(posted.channel).toBe(opened.channel?.id);
    expect(posted.ts).toMatch(/^\d{10}\.\d{6}$/);
    expect(posted.message).toMatchObject({ text: 'How did it go?', bot_id: expect.stringMatching(/^B/) });

    const plain = await f.client.conversations.history({ channel: posted.channel as string });
    expect(plain.messages?.[0]).not.toHaveProperty('metadata');
    const withMeta = await f.client.conversations.history({ channel: posted.channel as string, include_all_metadata: true });
    expect(withMeta.messages?.[0]?.metadata).toEqual({ event_type: 'grow_nudge', event_payload: { nudge_id: 'n-1' } });
    expect(f.emu.dmWith(TEAM, LEADER)).toHaveLength(1);
    const [call] = f.emu.callsTo('chat.postMessage');
    expect(call).toMatchObject({ teamId: TEAM, ok: true, args: { channel: LEADER, metadata: { event_payload: { nudge_id: 'n-1' } } } });
    expect(call?.args).not.toHaveProperty('token');
  });

  it('answers GET with query arguments too', async () => {
    const res = await fetch(`${f.emu.url}users.info?user=${LEADER}`, { headers: { authorization: `Bearer ${BOT_TOKEN}` } });
    expect(await res.json()).toMatchObject({ ok: true, user: { id: LEADER } });
  });

  it('gives strictly increasing ts even at the same instant', async () => {
    const a = await f.client.chat.postMessage({ channel: LEADER, text: 'a' });
    const b = await f.client.chat.postMessage({ channel: LEADER, text: 'b' });
    expect(Number(b.ts)).toBeGreaterThan(Number(a.ts));
  });

  it('paginates history newest first with cursors, oldest and latest', async () => {
    const ts: string[] = [];
    for (let i = 0; i < 5; i++) {
      f.clock.advance(1000);
      ts.push((await f.client.chat.postMessage({ channel: LEADER, text: `m${i}` })).ts as string);
    }
    const channel = f.emu.dmChannelId(TEAM, LEADER) as string;
    const first = await f.client.conversations.history({ channel, limit: 2 });
    expect(first.messages?.map((m) => m.text)).toEqual(['m4', 'm3']);
    expect(first.has_more).toBe(true);
    const second = await f.client.conversations.history({ channel, limit: 2, cursor: first.response_metadata?.next_cursor as string });
    expect(second.messages?.map((m) => m.text)).toEqual(['m2', 'm1']);
    const windowed = await f.client.conversations.history({ channel, oldest: ts[1], latest: ts[4] });
    expect(windowed.messages?.map((m) => m.text)).toEqual(['m3', 'm2']);
    const pages: string[] = [];
    for await (const page of f.client.paginate('conversations.history', { channel, limit: 2 })) {
      pages.push(...(((page as unknown as { messages: Array<{ text: string }> }).messages).map((m) => m.text)));
    }
    expect(pages).toEqual(['m4', 'm3', 'm2', 'm1', 'm0']);
  });

  it('updates only existing messages of this app', async () => {
    const posted = await f.client.chat.postMessage({ channel: LEADER, text: 'draft' });
    const updated = await f.client.chat.update({ channel: posted.channel as string, ts: posted.ts as string, text: 'final' });
    expect(updated.message?.text).toBe('final');
    expect(f.emu.dmWith(TEAM, LEADER)[0]).toMatchObject({ text: 'final' });
    await expect(f.client.chat.update({ channel: posted.channel as string, ts: '1.000001', text: 'x' }))
      .rejects.toMatchObject({ data: { error: 'message_not_found' } });
    f.emu.addChannel(TEAM, { id: 'C0GENERAL1', name: 'general', members: [LEADER] });
    const userTs = f.emu.postUserMessage(TEAM, { channelId: 'C0GENERAL1', userId: LEADER, text: 'hi' });
    await expect(f.client.chat.update({ channel: 'C0GENERAL1', ts: userTs, text: 'x' }))
      .rejects.toMatchObject({ data: { error: 'cant_update_message' } });
  });

  it('stores ephemerals apart from the conversation, and gives permalinks', async () => {
    const dm = await f.client.conversations.open({ users: LEADER });
    const eph = await f.client.chat.postEphemeral({ channel: dm.channel?.id as string, user: LEADER, text: 'only you' });
    expect(eph.message_ts).toBeTruthy();
    expect(f.emu.ephemerals(TEAM, LEADER)).toMatchObject([{ text: 'only you', via: 'chat.postEphemeral' }]);
    expect(f.emu.dmWith(TEAM, LEADER)).toHaveLength(0);
    const posted = await f.client.chat.postMessage({ channel: LEADER, text: 'x' });
    const link = await f.client.chat.getPermalink({ channel: posted.channel as string, message_ts: posted.ts as string });
    expect(link.permalink).toBe(`https://acme.slack.com/archives/${posted.channel}/p${(posted.ts as string).replace('.', '')}`);
  });

  it('refuses unknown channels, empty messages and channels the bot is not in', async () => {
    await expect(f.client.chat.postMessage({ channel: 'C0NOPE0001', text: 'x' })).rejects.toMatchObject({ data: { error: 'channel_not_found' } });
    await expect(f.client.chat.postMessage({ channel: LEADER, text: '' })).rejects.toMatchObject({ data: { error: 'no_text' } });
    f.emu.addChannel(TEAM, { id: 'C0PRIVATE1', name: 'secret', botIsMember: false });
    await expect(f.client.chat.postMessage({ channel: 'C0PRIVATE1', text: 'x' })).rejects.toMatchObject({ data: { error: 'not_in_channel' } });
    await expect(f.client.chat.postMessage({ channel: LEADER, text: 'x', metadata: { event_type: '', event_payload: {} } }))
      .rejects.toMatchObject({ data: { error: 'invalid_metadata_format' } });
  });
});

describe('people', () => {
  it('users.info carries time zone data; unknown users are user_not_found', async () => {
    const res = await f.client.users.info({ user: LEADER });
    // 2024-03-12 is after the US switch to daylight time.
    expect(res.user).toMatchObject({ id: LEADER, real_name: 'Leo Leader', tz: 'America/New_York', tz_offset: -14400, is_bot: false, deleted: false });
    expect(res.user?.tz_label).toBe('Eastern Daylight Time');
    await expect(f.client.users.info({ user: 'U0GHOST001' })).rejects.toMatchObject({ data: { error: 'user_not_found' } });
  });

  it('conversations.open refuses deactivated users, bots and unknown users', async () => {
    f.emu.deactivateUser(TEAM, COACH);
    await expect(f.client.conversations.open({ users: COACH })).rejects.toMatchObject({ data: { error: 'user_disabled' } });
    await expect(f.client.conversations.open({ users: BOT_USER })).rejects.toMatchObject({ data: { error: 'cannot_dm_bot' } });
    await expect(f.client.conversations.open({ users: 'U0GHOST001' })).rejects.toMatchObject({ data: { error: 'user_not_found' } });
    expect((await f.client.users.info({ user: COACH })).user?.deleted).toBe(true);
  });

  it('dnd.info reports the scheduled window around now in the user time zone', async () => {
    // Clock: 2024-03-12 16:00Z = 12:00 in New York (EDT, UTC-4).
    f.emu.setUserDnd(TEAM, LEADER, { start: '22:00', end: '08:00' });
    const before = await f.client.dnd.info({ user: LEADER });
    expect(before).toMatchObject({
      dnd_enabled: true,
      next_dnd_start_ts: Date.UTC(2024, 2, 13, 2, 0) / 1000, next_dnd_end_ts: Date.UTC(2024, 2, 13, 12, 0) / 1000,
    });
    f.clock.set(Date.UTC(2024, 2, 13, 5, 0)); // 01:00 local: inside the window
    const during = await f.client.dnd.info({ user: LEADER });
    expect(during.next_dnd_start_ts).toBeLessThan(f.clock.now() / 1000);
    expect(during.next_dnd_end_ts).toBe(Date.UTC(2024, 2, 13, 12, 0) / 1000);
  });

  it('dnd.info shows a snooze only to the snoozing user, until it ends', async () => {
    f.emu.setUserDnd(TEAM, COACH, { snoozeUntil: new Date(f.clock.now() + 30 * 60_000) });
    expect(await f.client.dnd.info({ user: COACH })).not.toHaveProperty('snooze_enabled');
    f.emu.addUserToken(TEAM, COACH, 'xoxp-coach');
    const asCoach = clientFor(f.emu, 'xoxp-coach');
    expect(await asCoach.dnd.info()).toMatchObject({ snooze_enabled: true, snooze_remaining: 1800, dnd_enabled: false });
    f.clock.advance(31 * 60_000);
    expect(await asCoach.dnd.info()).toMatchObject({ snooze_enabled: false });
  });

  it('team.info describes the workspace to a bot granted team:read, which Grow does not ask for', async () => {
    await expect(f.client.team.info()).rejects.toMatchObject({ data: { error: 'missing_scope', needed: 'team:read' } });
    f.emu.botScopes = [...f.emu.botScopes, 'team:read'];
    expect((await f.client.team.info()).team).toMatchObject({ id: TEAM, name: 'Acme', domain: 'acme' });
  });
});
