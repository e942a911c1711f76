// A session recap through the running app: the coach sends what they agreed from the
// roster; the leader gets a DM whose "Make this my action" opens the check-in with it.
// The button carries only the recap's id; its words are read back for that leader alone.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { upsertPersonTz } from '../../db/people.js';
import { collectPersonalData, erasePersonalData } from '../../db/personal-data.js';
import { eraseExpiredContent } from '../../db/retention.js';
import { checkIns, engagements, postedMessages, sessionRecaps } from '../../db/schema/index.js';
import { prepareRecap } from '../../src/services/coach-recap.js';
import { actionIdsIn, click, COACH, LEADER, openedView, openHomeView, seedEngagement, startEngagementHarness, submit, TEAM, waitFor, type EngagementHarness } from './engagement-support.js';

let h: EngagementHarness;
beforeAll(async () => {
  h = await startEngagementHarness();
});
afterAll(async () => h?.close());
beforeEach(async () => {
  await h.db.db.execute(sql`truncate engagements, check_ins, nudges, people, posted_messages, session_recaps cascade`);
  await upsertPersonTz(h.db.db, TEAM, LEADER, 'Europe/Paris', new Date());
  await upsertPersonTz(h.db.db, TEAM, COACH, 'Europe/London', new Date());
});

const DAY = 86_400_000;
const AGREED = 'Ask Sam for feedback after Thursday\'s review';

async function sendRecap(userId: string, engagementId: string, recap: string) {
  const opens = h.emu.callsTo('views.open').length;
  await click(h, { userId, actionId: 'coach_recap_open', value: JSON.stringify({ engagementId }) });
  const view = await openedView(h, opens);
  return { view, submitted: view.callback_id === 'coach_recap_send' ? await submit(h, userId, view, { recap }) : null };
}

type Button = { action_id: string; value: string };
const buttonOf = (dm: { args: Record<string, unknown> }) =>
  (dm.args.blocks as { elements?: Button[] }[]).flatMap((b) => b.elements ?? []).find((e) => e.action_id === 'recap_make_action')!;
const willIn = (view: { blocks: unknown[] }) => (view.blocks.find((b) => (b as { block_id?: string }).block_id === 'will') as { element: { initial_value?: string } }).element.initial_value;

const recapDms = (from = 0) => h.emu.callsTo('chat.postMessage').slice(from).filter((c) => JSON.stringify(c.args.blocks ?? []).includes('recap_make_action'));

describe('a session recap', () => {
  it('goes from the roster to the leader, whose one click opens the check-in with it as the action', async () => {
    const { engagement } = await seedEngagement(h, { status: 'active', firstAt: new Date(Date.now() - DAY) });
    const home = await openHomeView(h, COACH);
    expect(actionIdsIn(home.blocks)).toContain('coach_recap_open');
    const before = h.emu.callsTo('chat.postMessage').length;
    const { view, submitted } = await sendRecap(COACH, engagement.id, `  ${AGREED}  `);
    expect(view.callback_id).toBe('coach_recap_send');
    expect(submitted!.body).toBeUndefined();
    const dm = await waitFor(() => recapDms(before)[0]);
    expect(dm.args.channel).toBe(LEADER);
    expect(JSON.stringify(dm.args.blocks)).toContain('Ask Sam for feedback');
    // Recorded, so the leader's /grow delete finds it.
    expect(await h.db.db.select().from(postedMessages)).toMatchObject([{ recipientId: LEADER, kind: 'dm' }]);
    const button = (dm.args.blocks as { type: string; elements?: { action_id: string; value: string }[] }[]).flatMap((b) => b.elements ?? []).find((e) => e.action_id === 'recap_make_action')!;
    const opens = h.emu.callsTo('views.open').length;
    await click(h, { userId: LEADER, actionId: 'recap_make_action', value: button.value });
    const checkIn = await openedView(h, opens);
    expect(checkIn.callback_id).toBe('grow_checkin');
    const will = checkIn.blocks.find((b) => (b as { block_id?: string }).block_id === 'will') as { element: { initial_value?: string } };
    expect(will.element.initial_value).toBe(AGREED);
  });

  it('sends an empty or overlong recap back inline and sends nothing', async () => {
    const { engagement } = await seedEngagement(h, { status: 'active', firstAt: new Date(Date.now() - DAY) });
    const before = h.emu.callsTo('chat.postMessage').length;
    const empty = await sendRecap(COACH, engagement.id, ' ');
    expect(empty.submitted!.body).toMatchObject({ response_action: 'errors', errors: { recap: 'What did you agree?' } });
    const result = await prepareRecap(h.deps, { teamId: TEAM, userId: COACH, engagementId: engagement.id, values: { recap: 'x'.repeat(3001) } });
    expect(result).toMatchObject({ outcome: 'invalid', errors: { recap: expect.stringContaining('3000') } });
    expect(await h.db.db.select().from(sessionRecaps)).toHaveLength(0);
    expect(recapDms(before)).toHaveLength(0);
  });

  it('is refused to anyone but the coach, and to an engagement that is not running', async () => {
    const { engagement } = await seedEngagement(h, { status: 'active', firstAt: new Date(Date.now() - DAY) });
    const before = h.emu.callsTo('chat.postMessage').length;
    const { view } = await sendRecap(LEADER, engagement.id, AGREED);
    expect(view.callback_id).not.toBe('coach_recap_send');
    const { engagement: invited } = await seedEngagement(h, { status: 'invited', firstAt: new Date(Date.now() + DAY), leaderId: 'U0OTHERLEAD' });
    expect(await prepareRecap(h.deps, { teamId: TEAM, userId: COACH, engagementId: invited.id, values: { recap: AGREED } })).toEqual({ outcome: 'closed' });
    expect(await prepareRecap(h.deps, { teamId: TEAM, userId: LEADER, engagementId: engagement.id, values: { recap: AGREED } })).toEqual({ outcome: 'refused' });
    expect(recapDms(before)).toHaveLength(0);
  });

  it('of over 2,000 characters reaches the leader whole, with a button that carries only its id', async () => {
    const { engagement } = await seedEngagement(h, { status: 'active', firstAt: new Date(Date.now() - DAY) });
    const paragraph = (n: number) => `${n}. Ask Sam & the team "what would make Thursday's review a 10?" <!here> then write down what they said, word for word.`;
    const long = Array.from({ length: 24 }, (_, i) => paragraph(i + 1)).join('\n');
    expect(long.length).toBeGreaterThan(2_000);
    const before = h.emu.callsTo('chat.postMessage').length;
    const { submitted } = await sendRecap(COACH, engagement.id, long);
    expect(submitted!.body).toBeUndefined();
    const dm = await waitFor(() => recapDms(before)[0]);
    const shown = JSON.stringify(dm.args.blocks);
    for (let i = 1; i <= 24; i += 1) expect(shown).toContain(`${i}. Ask Sam &amp; the team`);
    expect(shown).not.toContain('<!here>');
    const button = buttonOf(dm);
    expect(button.value.length).toBeLessThan(100);
    expect(button.value).not.toContain('Ask Sam');
    // Kept encrypted: the words are nowhere in the row in clear.
    const [row] = await h.db.db.select().from(sessionRecaps);
    expect(row).toMatchObject({ leaderId: LEADER, coachId: COACH, engagementId: engagement.id });
    expect(JSON.stringify(row)).not.toContain('Ask Sam');
    const opens = h.emu.callsTo('views.open').length;
    await click(h, { userId: LEADER, actionId: 'recap_make_action', value: button.value });
    const will = willIn(await openedView(h, opens))!;
    // An action holds 500 characters: the recap's opening, cut between words and marked.
    expect(will.length).toBeLessThanOrEqual(500);
    expect(will.startsWith(paragraph(1))).toBe(true);
    expect(will.endsWith('…')).toBe(true);
    expect(h.emu.rejectedCalls()).toEqual([]);
  });

  it('is not opened by a forged click of someone else, which changes nothing', async () => {
    const { engagement } = await seedEngagement(h, { status: 'active', firstAt: new Date(Date.now() - DAY) });
    const before = h.emu.callsTo('chat.postMessage').length;
    await sendRecap(COACH, engagement.id, AGREED);
    const { value } = buttonOf(await waitFor(() => recapDms(before)[0]));
    const rows = await h.db.db.select().from(sessionRecaps);
    const opens = h.emu.callsTo('views.open').length;
    h.emu.addUser(TEAM, { id: 'U0STRANGER', name: 'stranger', tz: 'UTC' });
    for (const userId of [COACH, 'U0STRANGER']) await click(h, { userId, actionId: 'recap_make_action', value });
    // Each is told, in a notice of Grow's, that there is nothing for them; no check-in opens.
    const answers = await waitFor(() => {
      const found = h.emu.callsTo('views.open').slice(opens);
      return found.length >= 2 ? found : undefined;
    });
    for (const answer of answers) {
      const view = JSON.stringify(answer.args.view);
      expect(view).toContain('no longer kept');
      expect(view).not.toContain('grow_checkin');
      expect(view).not.toContain('Ask Sam');
    }
    expect(await h.db.db.select().from(sessionRecaps)).toEqual(rows);
    expect(await h.db.db.select().from(checkIns)).toHaveLength(0);
  });

  it('goes with the leader\'s data, after which their button says so', async () => {
    const { engagement } = await seedEngagement(h, { status: 'active', firstAt: new Date(Date.now() - DAY) });
    const before = h.emu.callsTo('chat.postMessage').length;
    await sendRecap(COACH, engagement.id, AGREED);
    const { value } = buttonOf(await waitFor(() => recapDms(before)[0]));
    await erasePersonalData(h.db.db, TEAM, LEADER, new Date());
    expect(await h.db.db.select().from(sessionRecaps)).toHaveLength(0);
    const opens = h.emu.callsTo('views.open').length;
    await click(h, { userId: LEADER, actionId: 'recap_make_action', value });
    const notice = JSON.stringify((await waitFor(() => h.emu.callsTo('views.open')[opens])).args.view);
    expect(notice).toContain('no longer kept');
    expect(notice).not.toContain('grow_checkin');
  });

  it("is in the leader's export, and its text goes with the engagement's at retention", async () => {
    const { engagement } = await seedEngagement(h, { status: 'active', firstAt: new Date(Date.now() - DAY) });
    const before = h.emu.callsTo('chat.postMessage').length;
    await sendRecap(COACH, engagement.id, AGREED);
    const { value } = buttonOf(await waitFor(() => recapDms(before)[0]));
    expect((await collectPersonalData(h.db.db, h.cipher, TEAM, LEADER)).recaps).toMatchObject([{ engagementId: engagement.id, coachId: COACH, text: AGREED }]);
    expect((await collectPersonalData(h.db.db, h.cipher, TEAM, COACH)).recaps).toEqual([]);
    await h.db.db.update(engagements).set({ status: 'ended', endedAt: new Date(Date.now() - 400 * DAY) });
    await eraseExpiredContent(h.db.db, h.cipher, { now: new Date(), retentionDays: 365 });
    expect((await collectPersonalData(h.db.db, h.cipher, TEAM, LEADER)).recaps).toMatchObject([{ text: '' }]);
    const opens = h.emu.callsTo('views.open').length;
    await click(h, { userId: LEADER, actionId: 'recap_make_action', value });
    expect(JSON.stringify((await waitFor(() => h.emu.callsTo('views.open')[opens])).args.view)).toContain('no longer kept');
  });
});
