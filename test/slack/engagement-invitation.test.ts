// The leader answers the invitation: accepting makes it active, plans the rhythm and
// opens contracting; declining tells the coach only that; stale and foreign clicks
// change nothing.
import { openReflection } from '../../db/reflections.js';
import { rowSeal } from '../../db/sealed.js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { engagements, reflections, targets } from '../../db/schema/index.js';
import {
  actionIdsIn, click, COACH, inviteLeader, LEADER, messageBlocks, openedView, pendingNudges, startEngagementHarness, submit, TEAM, waitFor,
  type EngagementHarness,
} from './engagement-support.js';

let h: EngagementHarness;
beforeAll(async () => {
  h = await startEngagementHarness();
  h.emu.addUser(TEAM, { id: 'U0OTHER001', name: 'otto', tz: 'Europe/Berlin' });
});
afterAll(async () => h?.close());
beforeEach(async () => {
  await h.db.db.execute(sql`truncate engagements, nudges, people, reflections cascade`);
});

const value = (engagementId: string) => JSON.stringify({ engagementId });
const statusOf = async (id: string) => (await h.db.db.select().from(engagements).where(eq(engagements.id, id)))[0]!.status;
const dmsTo = (user: string, from: number) => h.emu.callsTo('chat.postMessage').slice(from).filter((c) => c.args.channel === user);

describe('accepting', () => {
  it('activates the engagement, plans the rhythm, opens contracting, replaces the buttons and tells the coach', async () => {
    const { engagement, message } = await inviteLeader(h);
    const posts = h.emu.callsTo('chat.postMessage').length;
    const opens = h.emu.callsTo('views.open').length;
    await click(h, { userId: LEADER, actionId: 'engagement_accept', value: value(engagement.id), message });
    const view = await openedView(h, opens);
    expect(view.callback_id).toBe('engagement_contracting');
    expect(await statusOf(engagement.id)).toBe('active');
    const kinds = new Set((await pendingNudges(h, engagement.id)).map((n) => n.kind));
    expect(kinds).toContain('session_prep');
    expect(kinds).toContain('closing_review');
    await waitFor(() => !actionIdsIn(messageBlocks(h, message)).includes('engagement_accept'));
    expect(actionIdsIn(messageBlocks(h, message))).toEqual(['contracting_open']);
    const toCoach = await waitFor(() => dmsTo(COACH, posts)[0]);
    expect(JSON.stringify(toCoach.args.blocks)).toContain('accepted your invitation');
  });

  it('saves the targets and each coachability answer with its own visibility', async () => {
    const { engagement, message } = await inviteLeader(h);
    const opens = h.emu.callsTo('views.open').length;
    await click(h, { userId: LEADER, actionId: 'engagement_accept', value: value(engagement.id), message });
    const view = await openedView(h, opens);
    const { body } = await submit(h, LEADER, view, {
      target1: 'Raise difficult topics with my team in the week they come up',
      baseline1: '3',
      level1: '2',
      target2: 'Ask a question before giving my view in 1:1s',
      baseline2: '5',
      worked: 'Feedback from peers, written down',
      worked_visibility: 'private',
      worthwhile: 'My team brings problems to me early',
      worthwhile_visibility: 'shared',
      openness: '7',
      openness_visibility: 'summary',
      resistance: 'no_time',
      resistance_visibility: 'private',
    });
    // Saved; the same modal moves on to naming stakeholders.
    expect(body).toMatchObject({ response_action: 'update', view: { callback_id: 'pulse_stakeholders' } });
    const saved = await h.db.db.select().from(targets).where(eq(targets.engagementId, engagement.id)).orderBy(targets.position);
    expect(saved.map((t) => [t.position, t.baseline, t.level])).toEqual([[1, 3, 2], [2, 5, null]]);
    expect(saved[0]!.descriptionEnc).not.toContain('difficult');
    expect(rowSeal(h.cipher, 'targets', saved[0]!).open('description_enc', saved[0]!.descriptionEnc)).toBe('Raise difficult topics with my team in the week they come up');
    const answers = await h.db.db.select().from(reflections).where(eq(reflections.engagementId, engagement.id));
    const byKind = Object.fromEntries(answers.map((a) => [a.kind, a]));
    expect(Object.keys(byKind).sort()).toEqual(['coachability_openness', 'coachability_resistance', 'coachability_worked', 'coachability_worthwhile']);
    expect(byKind.coachability_worked).toMatchObject({ visibility: 'private', leaderId: LEADER });
    expect(JSON.parse(openReflection(h.cipher, byKind.coachability_worked!).body)).toEqual({ worked: 'Feedback from peers, written down' });
    expect(byKind.coachability_worthwhile!.visibility).toBe('shared');
    expect(byKind.coachability_openness).toMatchObject({ legacyRating: null, visibility: 'summary' });
    expect(openReflection(h.cipher, byKind.coachability_openness!).rating).toBe(7);
    expect(byKind.coachability_resistance!.visibility).toBe('private');
    // Contracting done: the invitation no longer offers it.
    await waitFor(() => actionIdsIn(messageBlocks(h, message)).length === 0);
    const again = await submit(h, LEADER, view, { target1: 'Another', baseline1: '4', openness: '6' });
    expect(again.body).toMatchObject({ response_action: 'errors', errors: { target1: expect.stringContaining('already saved') } });
  });

  it('asks again inline when contracting lacks a target or the openness rating', async () => {
    const { engagement, message } = await inviteLeader(h);
    const opens = h.emu.callsTo('views.open').length;
    await click(h, { userId: LEADER, actionId: 'engagement_accept', value: value(engagement.id), message });
    const { body } = await submit(h, LEADER, await openedView(h, opens), { target2: 'Only a second one', baseline2: '4' });
    expect(body).toMatchObject({ response_action: 'errors', errors: { target1: expect.any(String), openness: expect.any(String) } });
    expect(await h.db.db.select().from(targets)).toHaveLength(0);
  });

  it('answers a second click on the answered invitation privately, and changes nothing', async () => {
    const { engagement, message } = await inviteLeader(h);
    await click(h, { userId: LEADER, actionId: 'engagement_accept', value: value(engagement.id), message });
    await waitFor(() => !actionIdsIn(messageBlocks(h, message)).includes('engagement_accept'));
    const before = h.emu.ephemerals(TEAM, LEADER).length;
    await click(h, { userId: LEADER, actionId: 'engagement_decline', value: value(engagement.id), message });
    const notice = await waitFor(() => h.emu.ephemerals(TEAM, LEADER)[before]);
    expect(notice.text).toContain('already answered');
    expect(await statusOf(engagement.id)).toBe('active');
  });

  it('refuses someone other than the leader, privately, and changes nothing', async () => {
    const { engagement, message } = await inviteLeader(h);
    const opens = h.emu.callsTo('views.open').length;
    await click(h, { userId: COACH, actionId: 'engagement_accept', value: value(engagement.id) });
    await click(h, { userId: 'U0OTHER001', actionId: 'engagement_accept', value: value(engagement.id) });
    // From App Home there is no conversation for an ephemeral: the refusal is a small modal.
    const notices = await waitFor(() => {
      const calls = h.emu.callsTo('views.open').slice(opens);
      return calls.length >= 2 ? calls : undefined;
    });
    for (const n of notices) expect(JSON.stringify(n.args.view)).toContain('not something you can do');
    expect(await statusOf(engagement.id)).toBe('invited');
    expect(await pendingNudges(h, engagement.id)).toEqual([]);
    expect(actionIdsIn(messageBlocks(h, message))).toEqual(['engagement_accept', 'engagement_decline']);
  });
});

describe('the contracting button', () => {
  it('opens contracting for the leader, and answers anyone else or an unreadable button privately', async () => {
    const { engagement, message } = await inviteLeader(h);
    await click(h, { userId: LEADER, actionId: 'engagement_accept', value: value(engagement.id), message });
    await waitFor(() => !actionIdsIn(messageBlocks(h, message)).includes('engagement_accept'));
    const opens = h.emu.callsTo('views.open').length;
    await click(h, { userId: LEADER, actionId: 'contracting_open', value: value(engagement.id) });
    expect((await openedView(h, opens)).callback_id).toBe('engagement_contracting');
    const after = h.emu.callsTo('views.open').length;
    await click(h, { userId: 'U0OTHER001', actionId: 'contracting_open', value: value(engagement.id) });
    await click(h, { userId: LEADER, actionId: 'contracting_open', value: 'not json' });
    const notices = await waitFor(() => {
      const calls = h.emu.callsTo('views.open').slice(after);
      return calls.length >= 2 ? calls.map((c) => JSON.stringify(c.args.view)) : undefined;
    });
    expect(notices.some((n) => n.includes('not something you can do'))).toBe(true);
    expect(notices.some((n) => n.includes('out of date'))).toBe(true);
    expect(notices.join('')).not.toContain('engagement_contracting');
  });
});

describe('declining', () => {
  it('records the decline, plans nothing, and tells the coach only that it was declined', async () => {
    const { engagement, message } = await inviteLeader(h);
    const posts = h.emu.callsTo('chat.postMessage').length;
    await click(h, { userId: LEADER, actionId: 'engagement_decline', value: value(engagement.id), message });
    const toCoach = await waitFor(() => dmsTo(COACH, posts)[0]);
    expect(toCoach.args.text).toBe('Grow: your coaching invitation was declined.');
    expect(JSON.stringify(toCoach.args.blocks)).toContain(`<@${LEADER}> declined your coaching invitation.`);
    expect(toCoach.args.blocks).toHaveLength(1);
    expect(await statusOf(engagement.id)).toBe('declined');
    expect(await pendingNudges(h, engagement.id)).toEqual([]);
    await waitFor(() => actionIdsIn(messageBlocks(h, message)).length === 0);
    expect(JSON.stringify(messageBlocks(h, message))).toContain('You declined');
  });
});
