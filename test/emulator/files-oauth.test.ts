// The external file upload pair and the OAuth code exchange, through the real WebClient.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LEADER, TEAM, BOT_USER, clientFor, startFixture, type Fixture } from './fixtures.js';

let f: Fixture;
beforeEach(async () => {
  f = await startFixture({ oauth: { clientId: '111.222', clientSecret: 'shh' } });
});
afterEach(async () => {
  await f.emu.close();
});

describe('files upload', () => {
  it('filesUploadV2 sends the bytes to the emulator and shares them into the channel', async () => {
    const dm = await f.client.conversations.open({ users: LEADER });
    const content = 'goal,commitment\nspeak up,9\n';
    await f.client.filesUploadV2({ channel_id: dm.channel?.id as string, filename: 'export.csv', content, initial_comment: 'Your export' });
    const [message] = f.emu.dmWith(TEAM, LEADER);
    expect(message).toMatchObject({ text: 'Your export', files: [{ name: 'export.csv', size: Buffer.byteLength(content) }] });
    expect(f.emu.callsTo('files.getUploadURLExternal')[0]?.args).toMatchObject({ filename: 'export.csv' });
  });

  it('returns an upload_url on the emulator and refuses to complete a file never uploaded', async () => {
    const res = await f.client.files.getUploadURLExternal({ filename: 'a.txt', length: 3 });
    expect(res.upload_url?.startsWith(f.emu.origin)).toBe(true);
    expect(res.file_id).toMatch(/^F/);
    await expect(f.client.files.completeUploadExternal({ files: [{ id: res.file_id as string }] }))
      .rejects.toMatchObject({ data: { error: 'file_upload_not_found' } });
    await fetch(res.upload_url as string, { method: 'POST', body: 'abc' });
    await expect(f.client.files.completeUploadExternal({ files: [{ id: res.file_id as string, title: 'A' }] }))
      .resolves.toMatchObject({ ok: true, files: [{ id: res.file_id, title: 'A' }] });
  });
});

describe('files.delete', () => {
  const upload = async () => {
    const dm = await f.client.conversations.open({ users: LEADER });
    const res = await f.client.filesUploadV2({ channel_id: dm.channel?.id as string, filename: 'export.json', content: '{}', initial_comment: 'Your export' });
    return (res.files as { files: { id: string }[] }[])[0]!.files[0]!.id;
  };

  it('deletes the app’s own file and the message that shared it; a second delete is file_not_found', async () => {
    const id = await upload();
    expect(f.emu.dmWith(TEAM, LEADER)).toHaveLength(1);
    await expect(f.client.files.delete({ file: id })).resolves.toMatchObject({ ok: true });
    expect(f.emu.dmWith(TEAM, LEADER)).toHaveLength(0);
    expect(f.emu.uploadedFile(id)).toBeUndefined();
    await expect(f.client.files.delete({ file: id })).rejects.toMatchObject({ data: { error: 'file_not_found' } });
    await expect(f.client.files.delete({ file: 'F0NOPE' })).rejects.toMatchObject({ data: { error: 'file_not_found' } });
  });

  it('refuses to delete a file someone else uploaded (cant_delete_file)', async () => {
    const id = await upload();
    f.emu.store.uploads.get(id)!.uploaderId = LEADER;
    await expect(f.client.files.delete({ file: id })).rejects.toMatchObject({ data: { error: 'cant_delete_file' } });
    expect(f.emu.dmWith(TEAM, LEADER)).toHaveLength(1);
  });

  it('needs files:write, as Slack does', async () => {
    f.emu.botScopes = f.emu.botScopes.filter((s) => s !== 'files:write');
    await expect(f.client.files.delete({ file: 'F0ANY' })).rejects.toMatchObject({ data: { error: 'missing_scope', needed: 'files:write' } });
  });
});

describe('oauth.v2.access', () => {
  const anonymous = () => clientFor(f.emu);

  it('exchanges a code once for a working bot token', async () => {
    const code = f.emu.issueOAuthCode(TEAM, LEADER);
    const res = await anonymous().oauth.v2.access({ client_id: '111.222', client_secret: 'shh', code });
    expect(res).toMatchObject({ ok: true, token_type: 'bot', bot_user_id: BOT_USER, team: { id: TEAM, name: 'Acme' }, authed_user: { id: LEADER } });
    expect((await clientFor(f.emu, res.access_token).auth.test()).team_id).toBe(TEAM);
    await expect(anonymous().oauth.v2.access({ client_id: '111.222', client_secret: 'shh', code }))
      .rejects.toMatchObject({ data: { error: 'code_already_used' } });
  });

  it('refuses bad codes and bad client credentials', async () => {
    await expect(anonymous().oauth.v2.access({ client_id: '111.222', client_secret: 'shh', code: 'nope' }))
      .rejects.toMatchObject({ data: { error: 'invalid_code' } });
    const code = f.emu.issueOAuthCode(TEAM, LEADER);
    await expect(anonymous().oauth.v2.access({ client_id: '111.222', client_secret: 'wrong', code }))
      .rejects.toMatchObject({ data: { error: 'bad_client_secret' } });
    await expect(anonymous().oauth.v2.access({ client_id: '999', client_secret: 'shh', code }))
      .rejects.toMatchObject({ data: { error: 'invalid_client_id' } });
  });
});
