// A session recap through the running app: the coach sends what they agreed from the
// roster; the leader gets a DM whose "Make this my action" opens the check-in with it.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { upsertPersonTz } from '../../db/people.js';
import { postedMessages } from '../../db/schema/index.js';
import { prepareRecap } from '../../src/services/coach-recap.js';
import { actionIdsIn, click, COACH, LEADER, openedView, openHomeView, seedEngagement, startEngagementHarness, submit, TEAM, waitFor, type EngagementHarness } from './engagement-support.js';

let h: EngagementHarness;
beforeAll(async () => {
  h = await startEngagementHarness();
});
afterAll(async () => h?.close());
beforeEach(async () => {
  await h.db.db.execute(sql`truncate engagements, check_ins, nudges, people, posted_messages cascade`);
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
    const result = await prepareRecap(h.deps, { teamId: TEAM, userId: COACH, engagementId: engagement.id, values: { recap: 'x'.repeat(501) } });
    expect(result).toMatchObject({ outcome: 'invalid', errors: { recap: expect.stringContaining('500') } });
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
});
