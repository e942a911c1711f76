// The support signpost through the real app: a leader whose own words match a support
// phrase gets the support message by DM at once, and no one else hears of it; the words
// are saved with the visibility the leader chose and never logged; a counter with no ids.
import { Writable } from 'node:stream';
import { eq, sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { saveContracting } from '../../db/contracting.js';
import { upsertPersonTz } from '../../db/people.js';
import { checkIns, nudges, reflections } from '../../db/schema/index.js';
import { DEFAULT_SUPPORT_MESSAGE, NOT_A_REPLACEMENT } from '../../src/domain/support/signpost.js';
import { registry } from '../../src/observability/metrics.js';
import { encodeNudgeValue } from '../../src/slack/nudge-button-value.js';
import { FORM, interactionBody, slashCommandBody } from '../support/app-harness.js';
import { checkInSubmission } from '../support/checkin-payloads.js';
import { click, COACH, deliverNudge, LEADER, openedView, pendingNudges, seedEngagement, startEngagementHarness, submit, TEAM, waitFor, type EngagementHarness } from './engagement-support.js';

const logLines: string[] = [];
const sink = new Writable({ write: (chunk, _enc, done) => void (logLines.push(String(chunk)), done()) });
let h: EngagementHarness;
beforeAll(async () => {
  h = await startEngagementHarness({ logger: pino({ level: 'trace' }, sink) });
});
afterAll(async () => h?.close());
beforeEach(async () => {
  await h.db.db.execute(sql`truncate engagements, check_ins, actions, nudges, people, reflections cascade`);
  await upsertPersonTz(h.db.db, TEAM, LEADER, 'Europe/Paris', new Date());
});

const postsTo = (channel: string) => h.emu.callsTo('chat.postMessage').filter((c) => c.args.channel === channel);
const isSignpost = (c: { args: Record<string, unknown> }) => JSON.stringify(c.args.blocks ?? []).includes(NOT_A_REPLACEMENT);

async function signpostCount(surface: string): Promise<number> {
  const metric = (await registry.getMetricsAsJSON()).find((m) => m.name === 'grow_support_signposts_total');
  return (metric?.values ?? []).filter((v) => v.labels.surface === surface).reduce((n, v) => n + v.value, 0);
}

async function checkInWith(reality: string, visibility = 'summary') {
  const opens = h.emu.callsTo('views.open').length;
  await h.post(slashCommandBody({ triggerId: h.emu.issueTrigger(TEAM, LEADER) }), FORM);
  const call = await waitFor(() => h.emu.callsTo('views.open')[opens]);
  const view = (call.response as { view: Parameters<typeof checkInSubmission>[0] }).view;
  const payload = checkInSubmission(view, { goal: 'Calmer weeks', reality, options: 'Talk to my manager', will: 'Block two mornings', commitment: 9 });
  const values = (payload.view as { state: { values: Record<string, Record<string, { selected_option?: { value: string } }>> } }).state.values;
  if (values.visibility?.visibility) values.visibility.visibility.selected_option = { value: visibility };
  const res = await h.post(interactionBody(payload), FORM);
  expect(res.status).toBe(200);
}

describe('the support signpost', () => {
  it('answers a check-in whose words match, privately and at once, and tells no one else', async () => {
    const before = { leader: postsTo(LEADER).length, coach: postsTo(COACH).length, count: await signpostCount('checkin') };
    logLines.length = 0;
    await checkInWith('Honestly I’m BURNT-OUT and can’t cope with the week');
    const signpost = await waitFor(() => postsTo(LEADER).slice(before.leader).find(isSignpost));
    const blocks = JSON.stringify(signpost.args.blocks);
    expect(blocks).toContain(DEFAULT_SUPPORT_MESSAGE.slice(0, 40));
    expect(blocks).toContain('Only you see this message');
    // The notification line is Grow's, never the leader's words.
    expect(String(signpost.args.text)).not.toMatch(/burnt|cope/i);
    expect(postsTo(COACH).length).toBe(before.coach);
    expect(h.emu.callsTo('chat.postMessage').filter(isSignpost).every((c) => c.args.channel === LEADER)).toBe(true);
    // Saved as the leader chose; nothing planned for anyone else.
    const [row] = await h.db.db.select().from(checkIns);
    expect(row!.visibility).toBe('summary');
    expect((await h.db.db.select().from(nudges)).every((n) => n.recipientId === LEADER)).toBe(true);
    // The words never reach the logs; the counter carries the surface and nothing else.
    expect(logLines.join('\n')).not.toMatch(/burnt|cope/i);
    expect(await signpostCount('checkin')).toBe(before.count + 1);
    const metric = (await registry.getMetricsAsJSON()).find((m) => m.name === 'grow_support_signposts_total')!;
    for (const v of metric.values) expect(Object.keys(v.labels)).toEqual(['surface']);
  });

  it('says nothing when the words do not match', async () => {
    const before = { leader: postsTo(LEADER).length, count: await signpostCount('checkin') };
    await checkInWith('Busy, but the team is in good shape');
    await waitFor(() => postsTo(LEADER)[before.leader]);
    expect(postsTo(LEADER).slice(before.leader).some(isSignpost)).toBe(false);
    expect(await signpostCount('checkin')).toBe(before.count);
  });

  it('answers session prep too, and the prep keeps the visibility the leader chose', async () => {
    const seeded = await seedEngagement(h, { status: 'active', firstAt: new Date(Date.now() + 3 * 86_400_000) });
    await saveContracting(h.db.db, h.cipher, { teamId: TEAM, engagementId: seeded.engagement.id, leaderId: LEADER, answers: [], targets: [{ position: 1, description: 'Say no sooner', baseline: 4, level: 1 }] });
    await h.deps.replan!(TEAM, seeded.engagement.id);
    const pending = (await pendingNudges(h, seeded.engagement.id)).filter((n) => n.kind === 'session_prep')[0]!;
    expect(await deliverNudge(h, pending.id)).toBe('sent');
    const [sent] = await h.db.db.select().from(nudges).where(eq(nudges.id, pending.id));
    const message = { channel: sent!.channelId!, ts: sent!.messageTs! };
    const opens = h.emu.callsTo('views.open').length;
    await click(h, { userId: LEADER, actionId: 'prep_answer', value: encodeNudgeValue({ nudgeId: sent!.id, sessionId: sent!.sessionId! }), message });
    const view = await openedView(h, opens);
    const before = { leader: postsTo(LEADER).length, coach: postsTo(COACH).length, count: await signpostCount('prep') };
    await submit(h, LEADER, view, { example: 'I had a panic attack before the offsite', want: 'Talk it through', visibility: 'shared' });
    await waitFor(() => postsTo(LEADER).slice(before.leader).find(isSignpost));
    expect(postsTo(COACH).length).toBe(before.coach);
    const [saved] = await h.db.db.select().from(reflections);
    expect(saved).toMatchObject({ kind: 'session_prep', visibility: 'shared' });
    expect(await signpostCount('prep')).toBe(before.count + 1);
  });
});
