// The last fixed lines put to a leader are bank questions, delivered by the real sender and
// opened as Slack sends the clicks: the check-in prompt, the follow-up's heading in each
// style, the coaching moment's note and the closing review's opening (asked again in its
// modal). Each is a bank question at its moment, and the same leader gets another next time.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { insertCheckIn } from '../../db/check-ins.js';
import { saveContracting } from '../../db/contracting.js';
import { upsertPersonTz } from '../../db/people.js';
import { insertCoachQuestion } from '../../db/questions.js';
import { engagements, nudges } from '../../db/schema/index.js';
import type { Style } from '../../src/domain/engagement/style.js';
import { QUESTION_BANK } from '../../src/domain/questions/bank.js';
import type { QuestionUse } from '../../src/domain/questions/uses.js';
import { encodeNudgeValue } from '../../src/slack/nudge-button-value.js';
import { FORM, interactionBody } from '../support/app-harness.js';
import { click, deliverNudge, LEADER, messageBlocks, openedView, pendingNudges, seedEngagement, startEngagementHarness, submit, TEAM, waitFor, type EngagementHarness } from './engagement-support.js';

let h: EngagementHarness;
beforeAll(async () => {
  h = await startEngagementHarness();
});
afterAll(async () => h?.close());
beforeEach(async () => {
  await h.db.db.execute(sql`truncate engagements, check_ins, actions, nudges, people, reflections, asked_questions cascade`);
  await upsertPersonTz(h.db.db, TEAM, LEADER, 'Europe/Paris', new Date());
});

/** The bank's questions at `use` that `blocks` show (JSON-escaped, as Slack holds them). */
const asked = (use: QuestionUse, blocks: unknown) => QUESTION_BANK.filter((q) => q.use === use && JSON.stringify(blocks).includes(JSON.stringify(q.text).slice(1, -1))).map((q) => q.text);

let coaches = 0;
/** An active engagement with a coach of its own (so one leader can have several), its targets, planned. */
async function engagementOf(style: Style = 'standard') {
  const { engagement } = await seedEngagement(h, { status: 'active', firstAt: new Date(Date.now() + 3 * 86_400_000), coachId: `U0COACHP${String(++coaches).padStart(2, '0')}` });
  await saveContracting(h.db.db, h.cipher, { teamId: TEAM, engagementId: engagement.id, leaderId: LEADER, answers: [], targets: [{ position: 1, description: 'Ask before I tell', baseline: 4, level: null }] });
  // Contracting with no resistance named sets the full rhythm: the style is chosen after it.
  await h.db.db.update(engagements).set({ style }).where(eq(engagements.id, engagement.id));
  await h.deps.replan!(TEAM, engagement.id);
  return engagement;
}

/** Delivers the earliest pending nudge of `kind` through the real sender. */
async function delivered(engagementId: string, kind: string) {
  const row = (await pendingNudges(h, engagementId)).filter((n) => n.kind === kind).sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime())[0]!;
  expect(await deliverNudge(h, row.id)).toBe('sent');
  const [sent] = await h.db.db.select().from(nudges).where(eq(nudges.id, row.id));
  const message = { channel: sent!.channelId!, ts: sent!.messageTs! };
  return { row: sent!, message, blocks: messageBlocks(h, message) };
}

/** A check-in with its action, and the follow-up on it delivered. */
async function followUpIn(style: Style) {
  const engagement = await engagementOf(style);
  const saved = await insertCheckIn(h.db.db, h.cipher, {
    teamId: TEAM, leaderId: LEADER, engagementId: engagement.id, goal: 'Calmer 1:1s', reality: 'I talk most', options: 'Ask first',
    will: 'Open each 1:1 with a question', commitment: 9, visibility: 'summary', revisited: false, actionDueAt: new Date(Date.now() + 3 * 86_400_000),
  });
  await h.deps.replan!(TEAM, engagement.id);
  return { actionId: saved.actionId, ...(await delivered(engagement.id, 'follow_up')) };
}

describe('the check-in prompt after a session', () => {
  it('opens with a bank question, and the next prompt with another', async () => {
    const engagement = await engagementOf();
    const first = asked('checkin_prompt', (await delivered(engagement.id, 'checkin_prompt')).blocks);
    const second = asked('checkin_prompt', (await delivered(engagement.id, 'checkin_prompt')).blocks);
    expect(first).toHaveLength(1);
    expect(second).toHaveLength(1);
    expect(second).not.toEqual(first);
  });
});

describe('the follow-up’s heading', () => {
  it.each([
    ['standard', 'follow_up'],
    ['light', 'follow_up'],
    ['experiment', 'follow_up_experiment'],
    ['goal_first', 'follow_up_own'],
  ] as const)('in the %s style is a bank question at %s, another the next time', async (style, use) => {
    const first = asked(use, (await followUpIn(style)).blocks);
    const second = asked(use, (await followUpIn(style)).blocks);
    expect(first).toHaveLength(1);
    expect(second).toHaveLength(1);
    expect(second).not.toEqual(first);
  });

  it('stays as it was asked when a reflection is noted in the message', async () => {
    await followUpIn('experiment');
    const f = await followUpIn('experiment');
    const heading = asked('follow_up_experiment', f.blocks);
    expect(heading).toHaveLength(1);
    const opens = h.emu.callsTo('views.open').length;
    await click(h, { userId: LEADER, actionId: 'followup_reflect', value: encodeNudgeValue({ nudgeId: f.row.id, actionId: f.actionId }), message: f.message });
    await submit(h, LEADER, await openedView(h, opens), { happened: 'They talked first', visibility: 'private' });
    const update = await waitFor(() => h.emu.callsTo('chat.update').find((c) => c.ok && c.args.ts === f.message.ts));
    expect(JSON.stringify(update.args.blocks)).toContain('Reflection saved');
    expect(asked('follow_up_experiment', update.args.blocks)).toEqual(heading);
  });
});

describe('the closing review', () => {
  it('opens with a bank question, asks it again in its modal, and asks the leader’s next closing review another', async () => {
    const engagement = await engagementOf();
    const { row, message, blocks } = await delivered(engagement.id, 'closing_review');
    const first = asked('closing', blocks);
    expect(first).toHaveLength(1);
    const opens = h.emu.callsTo('views.open').length;
    await click(h, { userId: LEADER, actionId: 'review_open', value: encodeNudgeValue({ nudgeId: row.id, engagementId: engagement.id }), message });
    expect(asked('closing', (await openedView(h, opens)).blocks)).toEqual(first);
    const second = asked('closing', (await delivered((await engagementOf()).id, 'closing_review')).blocks);
    expect(second).toHaveLength(1);
    expect(second).not.toEqual(first);
  });
});

describe('the coaching moment’s note', () => {
  async function noteLabel(): Promise<string> {
    const ts = h.emu.postUserMessage(TEAM, { channelId: 'C0MOMENTS1', userId: LEADER, text: 'We shipped it' });
    const before = h.emu.callsTo('views.open').length;
    const shortcut = {
      type: 'message_action', callback_id: 'save_moment', trigger_id: h.emu.issueTrigger(TEAM, LEADER), action_ts: '1',
      team: { id: TEAM, domain: 'acme' }, user: { id: LEADER, username: 'leo', team_id: TEAM }, channel: { id: 'C0MOMENTS1', name: 'moments' },
      message: { type: 'message', user: LEADER, ts, text: 'We shipped it' }, response_url: 'https://hooks.slack.invalid/x',
    };
    expect((await h.post(interactionBody(shortcut), FORM)).status).toBe(200);
    const view = await openedView(h, before);
    return (view.blocks.find((b: { block_id?: string }) => b.block_id === 'note') as { label: { text: string } }).label.text;
  }

  it('is asked with a bank question, another the next time, and a coach’s own question first', async () => {
    h.emu.addChannel(TEAM, { id: 'C0MOMENTS1', name: 'moments', members: [LEADER], botIsMember: true });
    const first = await noteLabel();
    const second = await noteLabel();
    const bank = QUESTION_BANK.filter((q) => q.use === 'moment_note').map((q) => q.text);
    expect(bank).toContain(first);
    expect(bank).toContain(second);
    expect(second).not.toBe(first);
    const engagement = await engagementOf();
    await insertCoachQuestion(h.db.db, h.cipher, { teamId: TEAM, engagementId: engagement.id, use: 'moment_note', text: 'What would your team say about this moment?' });
    expect(await noteLabel()).toBe('What would your team say about this moment?');
  });
});
