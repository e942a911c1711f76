// The stakeholder pulse end to end: the real `npm start` process against the emulator.
// The leader names five stakeholders in three time zones at contracting; each is asked
// once in their own zone, one has left the workspace and is skipped, three answer and one
// declines; the leader gets the results only when the round closes, shares them, and the
// coach receives what was shared. At the midpoint the stakeholders score the change and
// the leader's own review rating stands next to the scores.
import { and, eq } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nudges, people, pulseRounds, pulseResponses } from '../../db/schema/index.js';
import { isWithinWorkingHours } from '../../src/domain/time/index.js';
import { workingHoursOf } from '../../db/people.js';
import { startE2eApp, TEAM, type E2eApp } from './e2e-app.js';
import { assertNothingRefused } from './refusals.js';
import { acceptAndContract, inviteLeader } from './walk/engagement.js';
import { actionIdsIn, Person, type MessageRef } from './walk/person.js';
import { deliverNudge, engagementNudge, openWorkingWindow, poll, quiet, settleNudge } from './walk/stage.js';

let app: E2eApp;
let leo: Person;
let cora: Person;
let engagementId: string;
const ZONES = { U0STAKEAIK: 'Asia/Tokyo', U0STAKEBEN: 'Asia/Tokyo', U0STAKECAM: 'Europe/Berlin', U0STAKEDEV: 'America/Los_Angeles', U0STAKEKAI: 'America/Los_Angeles' } as const;
const [aiko, ben, cam, dev, kai] = Object.keys(ZONES) as [keyof typeof ZONES, keyof typeof ZONES, keyof typeof ZONES, keyof typeof ZONES, keyof typeof ZONES];
const asked: Record<string, Person> = {};
const questions: Record<string, MessageRef> = {};
const text = (x: unknown) => JSON.stringify(x ?? []);
const SUGGESTIONS = ['Let people finish before you answer', 'Ask one question more before deciding', 'Write down what you agreed'];

beforeAll(async () => {
  app = await startE2eApp();
  leo = await app.person('U0LEO00001', 'Leo', 'America/New_York');
  cora = await app.person('U0CORA0001', 'Cora', 'Europe/London');
  // Stakeholders Grow has never met: their zone comes from Slack when they are first asked.
  for (const [id, tz] of Object.entries(ZONES)) {
    app.emu.addUser(TEAM, { id, name: id, realName: id, tz, deleted: id === kai });
    asked[id] = new Person(app.stage, id, id);
  }
}, 60_000);

afterAll(async () => {
  if (!app) return;
  expect(await app.close(), 'Grow exits 0 on SIGTERM').toBe(0);
}, 30_000);

const round = async (stage: 'baseline' | 'midpoint') =>
  (await app.db.db.select().from(pulseRounds).where(and(eq(pulseRounds.engagementId, engagementId), eq(pulseRounds.stage, stage))))[0]!;
const rowsFor = async (recipientId: string, kind: string, stage = 'baseline') =>
  (await app.db.db.select().from(nudges).where(and(eq(nudges.recipientId, recipientId), eq(nudges.kind, kind)))).filter((r) => r.ref.stage === stage);

describe('naming stakeholders at contracting', () => {
  it('moves from the targets to the picker, which says what people are asked and how answers stay anonymous', async () => {
    const leoDate = DateTime.now().setZone('America/New_York').plus({ days: 3 }).toISODate()!;
    const invitation = await inviteLeader(cora, leo, { startDate: leoDate, sessionTime: '10:00', sessions: 6, cadenceDays: 14 });
    engagementId = invitation.engagementId;
    await acceptAndContract(leo, invitation.where, {
      targets: [{ description: 'Listen before answering in team meetings', baseline: 4 }, { description: 'Give feedback within a day', baseline: 3 }],
      worked: 'A mentor who asked questions',
      worthwhile: 'My team speaks up more',
      openness: 8,
      stakeholders: Object.keys(ZONES),
    });
    const baseline = await round('baseline');
    expect(baseline.opensAt.getTime()).toBeLessThanOrEqual(Date.now());
  });
});

describe('the baseline round', () => {
  it('asks each stakeholder in their own time zone, from Slack, within their working hours', async () => {
    const first = await settleNudge(app.stage, (await rowsFor(aiko, 'pulse_question'))[0]!);
    const [person] = await app.db.db.select().from(people).where(and(eq(people.teamId, TEAM), eq(people.userId, aiko!)));
    expect(person!.tz).toBe('Asia/Tokyo');
    // Sent within Tokyo's working hours, or deferred to when they open.
    const at = first.status === 'sent' ? first.sentAt! : first.dueAt;
    expect(isWithinWorkingHours(at, workingHoursOf(person!))).toBe(true);
  });

  it('delivers the question once to each, skips the one who has left the workspace, and asks nothing of anyone else', async () => {
    for (const id of [aiko, ben, cam, dev]) {
      await openWorkingWindow(app.stage, id, ZONES[id]);
      const [row] = await rowsFor(id, 'pulse_question');
      const delivered = row!.status === 'sent' ? { where: { channel: row!.channelId!, ts: row!.messageTs! }, message: asked[id]!.message({ channel: row!.channelId!, ts: row!.messageTs! }) } : await deliverNudge(app.stage, row!);
      questions[id] = delivered.where;
      expect(text(delivered.message.blocks)).toContain('Listen before answering in team meetings');
      // The target is the leader's own first-person words: introduced as theirs, and asked about after.
      const said = text(delivered.message.blocks);
      expect(said.indexOf('in their own words')).toBeGreaterThan(-1);
      expect(said.indexOf('in their own words')).toBeLessThan(said.indexOf('Listen before answering'));
      expect(said.indexOf('Listen before answering')).toBeLessThan(said.indexOf('What is one thing they could do'));
      expect(text(delivered.message.blocks)).toContain('anonymous');
      expect(actionIdsIn(delivered.message.blocks)).toEqual(['pulse_answer_open', 'pulse_decline']);
      expect(String(delivered.message.text)).not.toContain('<@');
    }
    const gone = await settleNudge(app.stage, (await rowsFor(kai, 'pulse_question'))[0]!);
    expect([gone.status, gone.reason]).toEqual(['skipped', 'recipient_inactive']);
    await quiet(app.emu);
    for (const id of [aiko, ben, cam, dev]) expect(asked[id]!.dms(), id).toHaveLength(1);
    expect(asked[kai]!.dms()).toHaveLength(0);
  });

  it('takes three answers and one decline, each replacing the question', async () => {
    for (const [i, id] of [aiko, ben, cam].entries()) {
      const modal = await asked[id]!.opensModal('pulse_answer', () => asked[id]!.click(questions[id]!, 'pulse_answer_open'));
      await asked[id]!.submit(modal, { suggestion1: SUGGESTIONS[i]! });
      expect(text((await asked[id]!.buttonGone(questions[id]!, 'pulse_answer_open')).blocks)).toContain('without your name');
    }
    await asked[dev]!.click(questions[dev]!, 'pulse_decline');
    expect(text((await asked[dev]!.buttonGone(questions[dev]!, 'pulse_decline')).blocks)).toContain('You declined this round');
    expect(await app.db.db.select().from(pulseResponses)).toHaveLength(3);
  });

  it('sends nobody a reminder once they answered or declined: at most one each, here none', async () => {
    for (const id of Object.keys(ZONES)) {
      const reminders = await rowsFor(id, 'pulse_reminder');
      expect(reminders.length, id).toBeLessThanOrEqual(1);
      if (reminders[0]?.status === 'pending') expect((await settleNudge(app.stage, reminders[0])).status).toBe('skipped');
    }
    await quiet(app.emu);
    for (const id of [aiko, ben, cam, dev]) expect(asked[id]!.dms()).toHaveLength(1);
  });

  it('shows the leader nothing of the answers while the round is open', async () => {
    const home = await leo.openHome();
    expect(text(home.blocks)).toContain('Stakeholders');
    expect(text(home.blocks)).toContain('Baseline round:* open until');
    for (const s of SUGGESTIONS) expect(text(home.blocks)).not.toContain(s);
    expect((await rowsFor(leo.userId, 'pulse_results'))[0]!.status).toBe('pending');
  });

  it('gives the leader the results when the round closes, suggestions and no names, and the choice to share', async () => {
    await app.db.db.update(pulseRounds).set({ closesAt: new Date(Date.now() - 1000) }).where(eq(pulseRounds.id, (await round('baseline')).id));
    const results = await deliverNudge(app.stage, (await rowsFor(leo.userId, 'pulse_results'))[0]!);
    const body = text(results.message.blocks);
    for (const s of SUGGESTIONS) expect(body).toContain(s);
    expect(body).toContain('3 of 5 answered');
    for (const id of Object.keys(ZONES)) expect(body).not.toContain(id);
    expect(actionIdsIn(results.message.blocks)).toEqual(['pulse_share_full']);
    await leo.click(results.where, 'pulse_share_full');
    await leo.buttonGone(results.where, 'pulse_share_full');
    const shared = await deliverNudge(app.stage, await engagementNudge(app.stage, engagementId, 'pulse_shared'));
    expect(shared.row.recipientId).toBe(cora.userId);
    expect(text(shared.message.blocks)).toContain(SUGGESTIONS[0]);
  });

  it('keeps the closed round on the leader’s App Home, where its results open again', async () => {
    const home = await leo.openHome();
    expect(text(home.blocks)).toContain('closed; 3 of 5 answered');
    const before = leo.openModals().length;
    const result = await app.emu.clickHomeButton({ teamId: TEAM, userId: leo.userId, actionId: 'pulse_results_open', blockId: 'pulse_round_baseline' });
    expect([result.status, result.failure]).toEqual([200, undefined]);
    const modal = await poll('the results modal', () => leo.openModals().length > before && leo.openModals().at(-1));
    for (const s of SUGGESTIONS) expect(text(modal.blocks)).toContain(s);
  });
});

describe('the midpoint round', () => {
  it('skips a stakeholder deactivated since, asks the others for a score from −3 to +3, and sets the leader’s own review rating beside the distribution', async () => {
    const mid = await round('midpoint');
    await app.db.db.update(pulseRounds).set({ opensAt: new Date(Date.now() - 1000) }).where(eq(pulseRounds.id, mid.id));
    // Dev's account was deactivated since the baseline: Grow knows, and skips them.
    await app.db.db.update(people).set({ isActive: false }).where(and(eq(people.teamId, TEAM), eq(people.userId, dev)));
    const skipped = await settleNudge(app.stage, (await rowsFor(dev, 'pulse_question', 'midpoint'))[0]!);
    expect([skipped.status, skipped.reason]).toEqual(['skipped', 'recipient_inactive']);
    for (const [i, id] of [aiko, ben, cam].entries()) {
      const q = await deliverNudge(app.stage, (await rowsFor(id, 'pulse_question', 'midpoint'))[0]!);
      expect(text(q.message.blocks)).toContain('more or less effective');
      const modal = await asked[id]!.opensModal('pulse_answer', () => asked[id]!.click(q.where, 'pulse_answer_open'));
      await asked[id]!.submit(modal, { score1: String(i === 2 ? 1 : 2), score2: '0', suggestion2: i === 0 ? 'Say what you noticed, the same day' : '' });
      await asked[id]!.buttonGone(q.where, 'pulse_answer_open');
    }
    // The round closes when the leader's review falls due; the review sets the scores beside the rating.
    await app.db.db.update(pulseRounds).set({ closesAt: new Date(Date.now() - 1000) }).where(eq(pulseRounds.id, mid.id));
    const review = await deliverNudge(app.stage, await engagementNudge(app.stage, engagementId, 'midpoint_review'));
    const modal = await leo.opensModal('target_review', () => leo.click(review.where, 'review_open'));
    const shown = text(modal.blocks);
    expect(shown).toContain('Your 3 stakeholders');
    expect(shown.indexOf('Your 3 stakeholders')).toBeLessThan(shown.indexOf('rating1'));
    await leo.submit(modal, { rating1: '6', rating2: '5' });
    const results = await deliverNudge(app.stage, (await rowsFor(leo.userId, 'pulse_results', 'midpoint'))[0]!);
    const body = text(results.message.blocks);
    expect(body).toContain('█ 1');
    expect(body).toContain('██ 2');
    expect(body).toContain('Your own rating at this review: 6/10');
    expect(body).toContain('Say what you noticed, the same day');
  });
});

describe('all along', () => {
  it('produced nothing Slack refused', async () => {
    await quiet(app.emu, 500);
    assertNothingRefused(app.emu);
  });

  it('logged no warning or error, and no line with a stakeholder next to an answer', () => {
    const logs = app.grow.logs();
    expect(logs.filter((line) => Number(line.level) >= 40)).toEqual([]);
    for (const line of logs.filter((l) => String(l.msg).includes('pulse answer'))) {
      expect(Object.keys(ZONES).some((id) => JSON.stringify(line).includes(id))).toBe(false);
    }
  });
});
