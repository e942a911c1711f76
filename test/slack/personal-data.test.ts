// `/grow export` sends the leader everything Grow keeps about them; `/grow delete` asks
// first, then erases it all and stops every message to them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { checkIns, nudges, people, reflections } from '../../db/schema/index.js';
import { WebClient } from '@slack/web-api';
import { createAppSurface } from '../../src/app-surface.js';
import { submitCheckIn } from '../../src/services/check-in.js';
import { FORM, interactionBody, LEADER, slashCommandBody, startHarness, TEAM, waitFor, type Harness } from '../support/app-harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ extensions: createAppSurface() });
  await h.db.db.insert(people).values({ teamId: TEAM, userId: LEADER, tz: 'Europe/Paris' });
  const values = { goal: 'Hold the line on scope', reality: 'I say yes too fast', options: 'Pause before answering', will: 'Say "let me check" once a day', commitment: '9', visibility: 'private' };
  await submitCheckIn(h.deps, { teamId: TEAM, leaderId: LEADER, values, revisited: false });
  await submitCheckIn(h.deps, { teamId: 'T0OTHER001', leaderId: LEADER, values, revisited: false });
  await h.db.db.insert(reflections).values({ teamId: TEAM, leaderId: LEADER, kind: 'moment', bodyEnc: h.cipher.encrypt(JSON.stringify({ note: 'kept my cool' })), visibility: 'shared' });
});
afterAll(async () => h?.close());

const command = async (text: string) => {
  const res = await h.post(slashCommandBody({ text, triggerId: h.emu.issueTrigger(TEAM, LEADER) }), FORM);
  return (await res.json()) as { text: string; blocks?: unknown[] };
};

describe('/grow export', () => {
  it('uploads a JSON file to the leader’s DM with their decrypted words', async () => {
    const reply = await command('export');
    expect(reply.text).toMatch(/direct message/);
    const complete = await waitFor(() => h.emu.callsTo('files.completeUploadExternal').find((c) => c.ok));
    const fileId = (complete.args.files as { id: string }[])[0]!.id;
    const file = h.emu.uploadedFile(fileId)!;
    const data = JSON.parse(file.content);
    expect(data.exportedFor).toEqual({ teamId: TEAM, userId: LEADER });
    expect(data.checkIns).toHaveLength(1);
    expect(data.checkIns[0]).toMatchObject({ will: 'Say "let me check" once a day', commitment: 9, visibility: 'private' });
    expect(data.reflections[0].answers).toEqual({ note: 'kept my cool' });
    expect(complete.args.channel_id).toBe(h.emu.dmChannelId(TEAM, LEADER));
  });

  it('includes delivery history (sent or planned, kind, when, answered) and every person and check-in field', async () => {
    const sentAt = new Date(Date.now() - 86_400_000);
    await h.db.db.insert(nudges).values({
      teamId: TEAM, recipientId: LEADER, kind: 'checkin_prompt', dedupeKey: 'export-history', dueAt: sentAt, status: 'sent', sentAt, answeredAt: new Date(), channelId: 'D1', messageTs: '1.2',
    });
    const uploads = h.emu.callsTo('files.completeUploadExternal').filter((c) => c.ok).length;
    await command('export');
    const complete = await waitFor(() => h.emu.callsTo('files.completeUploadExternal').filter((c) => c.ok)[uploads]);
    const data = JSON.parse(h.emu.uploadedFile((complete.args.files as { id: string }[])[0]!.id)!.content);
    expect(data.deliveries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'checkin_prompt', status: 'sent', plannedFor: sentAt.toISOString(), sentAt: sentAt.toISOString(), answered: true }),
        expect.objectContaining({ kind: 'follow_up', status: 'pending', sentAt: null, answered: false }),
      ]),
    );
    expect(data.person).toMatchObject({ tz: 'Europe/Paris', unansweredFollowUps: 0, isActive: true, firstSeenAt: expect.any(String) });
    expect(data.checkIns[0]).toMatchObject({ revisited: false, engagementId: null, targetId: null });
    expect(data.actions[0]).toMatchObject({ id: expect.any(String), snoozedUntil: null, at: expect.any(String) });
  });
});

describe('/grow delete', () => {
  it('asks first and changes nothing until the button is pressed', async () => {
    const reply = await command('delete');
    expect(JSON.stringify(reply.blocks)).toContain('personal_data_delete');
    expect(await h.db.db.select().from(checkIns).where(eq(checkIns.teamId, TEAM))).toHaveLength(1);
  });

  it('erases the leader’s data in this workspace only, including pending nudges', async () => {
    // A DM Grow sent the leader and recorded on a nudge: deleted from Slack too.
    const bot = new WebClient(h.config.slack.botToken, { slackApiUrl: h.config.slack.apiUrl });
    const posted = await bot.chat.postMessage({ channel: LEADER, text: 'Time for your follow-up' });
    await h.db.db.insert(nudges).values({
      teamId: TEAM, recipientId: LEADER, kind: 'follow_up', dedupeKey: 'erase-me', dueAt: new Date(), status: 'sent', sentAt: new Date(), channelId: posted.channel!, messageTs: posted.ts!,
    });
    expect(h.emu.messagesIn(TEAM, posted.channel!).some((m) => m.ts === posted.ts)).toBe(true);
    const click = {
      type: 'block_actions', team: { id: TEAM, domain: 'acme' }, user: { id: LEADER, username: 'leo', team_id: TEAM }, api_app_id: 'A0GROW0001',
      trigger_id: h.emu.issueTrigger(TEAM, LEADER), container: { type: 'message', is_ephemeral: true }, response_url: `${h.emu.origin}/nope`,
      actions: [{ type: 'button', action_id: 'personal_data_delete', block_id: 'personal_data', action_ts: '1' }],
    };
    expect((await h.post(interactionBody(click), FORM)).status).toBe(200);
    await waitFor(async () => (await h.db.db.select().from(people).where(and(eq(people.teamId, TEAM), eq(people.userId, LEADER)))).length === 0);
    expect(await h.db.db.select().from(checkIns).where(eq(checkIns.teamId, TEAM))).toHaveLength(0);
    expect(await h.db.db.select().from(reflections).where(eq(reflections.teamId, TEAM))).toHaveLength(0);
    expect(await h.db.db.select().from(nudges).where(eq(nudges.teamId, TEAM))).toHaveLength(0);
    expect(await h.db.db.select().from(checkIns).where(eq(checkIns.teamId, 'T0OTHER001'))).toHaveLength(1);
    await waitFor(() => h.emu.callsTo('chat.delete').find((c) => c.args.ts === posted.ts && c.ok));
    expect(h.emu.messagesIn(TEAM, posted.channel!).some((m) => m.ts === posted.ts)).toBe(false);
  });
});
