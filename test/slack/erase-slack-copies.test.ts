// `/grow delete` removes Grow's Slack-side copies too: after a check-in, a follow-up, an
// export and two weekly digests, erasing the leader leaves none of Grow's messages or
// files for them in Slack; the digest that covered only them is deleted and the digest
// that covered two leaders is rewritten without them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { WebClient } from '@slack/web-api';
import { recordPostedMessages } from '../../db/posted-messages.js';
import { engagements, nudges, people, postedMessages } from '../../db/schema/index.js';
import { createAppSurface } from '../../src/app-surface.js';
import { checkInModal } from '../../src/slack/blocks/checkin-modal.js';
import { erasedSummary } from '../../src/slack/commands/personal-data.js';
import { COACH, FORM, interactionBody, LEADER, slashCommandBody, startHarness, TEAM, waitFor, type Harness } from '../support/app-harness.js';
import { submit } from './engagement-payloads.js';

const OTHER = 'U0LEADER02';
const WORDS = 'Say no to the Friday launch';
let h: Harness;
let bot: WebClient;

beforeAll(async () => {
  h = await startHarness({ extensions: createAppSurface() });
  h.emu.addUser(TEAM, { id: OTHER, name: 'olga', realName: 'Olga Other', tz: 'Europe/Paris' });
  bot = new WebClient(h.config.slack.botToken, { slackApiUrl: h.config.slack.apiUrl });
  await h.db.db.insert(people).values([
    { teamId: TEAM, userId: LEADER, tz: 'Europe/Paris' },
    { teamId: TEAM, userId: OTHER, tz: 'Europe/Paris' },
    { teamId: TEAM, userId: COACH, tz: 'Europe/London' },
  ]);
  await h.db.db.insert(engagements).values([
    { teamId: TEAM, coachId: COACH, leaderId: LEADER, status: 'active', startDate: '2026-11-02' },
    { teamId: TEAM, coachId: COACH, leaderId: OTHER, status: 'active', startDate: '2026-11-02' },
  ]);
});
afterAll(async () => h?.close());

const grows = (messages: { user?: string }[]) => messages.filter((m) => m.user === 'U0BOT00001');

/** A digest Grow sent the coach, recorded as the sender records it: one row per leader covered. */
async function digestAbout(leaders: string[]) {
  const posted = await bot.chat.postMessage({ channel: COACH, text: `Your weekly digest: ${leaders.join(', ')}` });
  await recordPostedMessages(h.db.db, leaders.map((aboutId) => ({ teamId: TEAM, recipientId: COACH, kind: 'digest' as const, channelId: posted.channel!, messageTs: posted.ts!, aboutId })));
  return posted.ts!;
}

describe('/grow delete in Slack', () => {
  it('leaves none of Grow’s messages or files to the leader, deletes their digest and rewrites the shared one', async () => {
    // A check-in through the modal: Grow DMs a confirmation.
    const view = { id: 'V0CHECKIN1', ...checkInModal({ step: 'checkin' }) } as never;
    const answers = { goal: 'Protect focus', reality: 'Too many launches', options: 'Push back', will: WORDS, commitment: '9', visibility: 'private' };
    expect((await submit(h, LEADER, view, answers)).status).toBe(200);
    await waitFor(() => grows(h.emu.dmWith(TEAM, LEADER)).length === 1);
    // A follow-up Grow sent and recorded on its nudge row (answers update it in place).
    const followUp = await bot.chat.postMessage({ channel: LEADER, text: 'How did it go?' });
    await h.db.db.insert(nudges).values({ teamId: TEAM, recipientId: LEADER, kind: 'follow_up', dedupeKey: 'erase-slack-follow-up', dueAt: new Date(), status: 'sent', sentAt: new Date(), channelId: followUp.channel!, messageTs: followUp.ts! });
    // The export file.
    await h.post(slashCommandBody({ text: 'export', triggerId: h.emu.issueTrigger(TEAM, LEADER) }), FORM);
    const complete = await waitFor(() => h.emu.callsTo('files.completeUploadExternal').find((c) => c.ok));
    const fileId = (complete.args.files as { id: string }[])[0]!.id;
    await waitFor(async () => (await h.db.db.select().from(postedMessages).where(eq(postedMessages.fileId, fileId))).length === 1);
    expect(grows(h.emu.dmWith(TEAM, LEADER))).toHaveLength(3);
    // Two digests to the coach: one about this leader only, one about both leaders.
    const ownDigest = await digestAbout([LEADER]);
    const sharedDigest = await digestAbout([LEADER, OTHER]);

    const click = {
      type: 'block_actions', team: { id: TEAM, domain: 'acme' }, user: { id: LEADER, username: 'leo', team_id: TEAM }, api_app_id: 'A0GROW0001',
      trigger_id: h.emu.issueTrigger(TEAM, LEADER), container: { type: 'message', is_ephemeral: true }, response_url: `${h.emu.origin}/nope`,
      actions: [{ type: 'button', action_id: 'personal_data_delete', block_id: 'personal_data', action_ts: '1' }],
    };
    expect((await h.post(interactionBody(click), FORM)).status).toBe(200);
    await waitFor(() => h.emu.callsTo('chat.update').some((c) => c.args.ts === sharedDigest && c.ok) && h.emu.callsTo('files.delete').some((c) => c.ok), 10_000);

    expect(grows(h.emu.dmWith(TEAM, LEADER))).toEqual([]);
    expect(h.emu.uploadedFile(fileId)).toBeUndefined();
    const coachDm = h.emu.dmWith(TEAM, COACH) as { ts: string; text?: string; blocks?: unknown }[];
    expect(coachDm.some((m) => m.ts === ownDigest)).toBe(false);
    const shared = coachDm.find((m) => m.ts === sharedDigest)!;
    expect(shared).toBeDefined();
    expect(JSON.stringify(shared)).toContain(OTHER);
    expect(JSON.stringify(shared)).not.toContain(LEADER);
    // The other leader's coverage stays recorded; nothing about the erased leader does.
    const left = await h.db.db.select().from(postedMessages).where(eq(postedMessages.teamId, TEAM));
    expect(left.map((r) => r.aboutId)).toEqual([OTHER]);
    expect(await h.db.db.select().from(engagements).where(and(eq(engagements.teamId, TEAM), eq(engagements.leaderId, OTHER)))).toHaveLength(1);
  });

  it('says what was erased per kind, in Grow and in Slack', () => {
    const counts = { checkIns: 2, actions: 1, reflections: 0, engagements: 1, nudges: 4 };
    const text = erasedSummary(counts, { messages: 3, briefs: 1, files: 1, digestsDeleted: 1, digestsUpdated: 2, failed: 0 });
    expect(text).toContain('2 check-ins, 1 action, 0 reflections, 1 engagement, 4 planned or sent message records');
    expect(text).toContain('Deleted from Slack: 3 messages, 1 coach brief, 1 export file, 1 coach digest; 2 coach digests about several leaders rewritten without you');
    expect(text).not.toContain('could not');
    expect(erasedSummary(counts, { messages: 0, briefs: 0, files: 0, digestsDeleted: 0, digestsUpdated: 0, failed: 2 })).toContain('2 could not be deleted');
  });
});
