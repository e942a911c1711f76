// Grow end to end: the real `npm start` process, on real Postgres and Redis, against the
// Slack emulator. People walk the flows through Slack's own surfaces; time moves only by
// setting a pending nudge's due time (or a scheduled job's next run) to now and letting
// the real worker do the rest.
// The tests run in order and share one app process: each picks up where the last left off.
import { openReflection } from '../../db/reflections.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { actions, checkIns, engagements, nudges, reflections, targets } from '../../db/schema/index.js';
import { startE2eApp, type E2eApp } from './e2e-app.js';
import { assertNothingRefused } from './refusals.js';
import { walkCheckIn } from './walk/check-in.js';
import { eraseData, exportData, saveMoment } from './walk/leader-data.js';
import { acceptAndContract, answerFollowUp, answerPrep, answerReview, inviteLeader, makeNextAction, reflectOnFollowUp, type Invitation } from './walk/engagement.js';
import { actionIdsIn, type Person } from './walk/person.js';
import { runScheduledNow } from './walk/scheduled.js';
import { deliverNudge, pendingNudge, poll, quiet, settleNudge } from './walk/stage.js';

let app: E2eApp;
let ana: Person;
let leo: Person;
let cora: Person;

beforeAll(async () => {
  app = await startE2eApp();
  ana = await app.person('U0ANA00001', 'Ana', 'Asia/Tokyo');
  leo = await app.person('U0LEO00001', 'Leo', 'America/New_York');
  cora = await app.person('U0CORA0001', 'Cora', 'Europe/London');
}, 60_000);

afterAll(async () => {
  if (!app) return;
  const code = await app.close();
  expect(code, 'Grow exits 0 on SIGTERM').toBe(0);
}, 30_000);

const text = (blocks: unknown) => JSON.stringify(blocks ?? []);
const PRIVATE_LESSON = 'Silence is not agreement';
/** Ana's action is due on a working day at least four days from now, on her own calendar. */
const ANA_DUE = (() => {
  let day = DateTime.now().setZone('Asia/Tokyo').plus({ days: 4 });
  while (day.weekday > 5) day = day.plus({ days: 1 });
  return day.toISODate()!;
})();
const answers = { goal: 'Calmer 1:1s', reality: 'I talk most of the time', options: 'Ask first; listen; take notes' };

describe('the check-in', () => {
  it('saves a committed check-in at once, confirms it in a DM and plans its follow-up', async () => {
    const walk = await walkCheckIn(ana, { ...answers, will: 'Open each 1:1 with a question & wait', commitment: 9 });
    expect(walk.revisit).toBeUndefined();
    expect(text(walk.confirmation.blocks)).toContain('Open each 1:1 with a question &amp; wait');
    const [row] = await app.db.db.select().from(checkIns).where(eq(checkIns.leaderId, ana.userId));
    expect(row).toMatchObject({ commitment: 9, revisited: false });
    expect((await pendingNudge(app.stage, ana.userId, 'follow_up')).ref).toMatchObject({ actionId: expect.any(String) });
  });

  it('follows up on the action when the follow-up falls due; Done answers it', async () => {
    const followUp = await deliverNudge(app.stage, await pendingNudge(app.stage, ana.userId, 'follow_up'));
    expect(text(followUp.message.blocks)).toContain('Open each 1:1 with a question &amp; wait');
    await answerFollowUp(ana, followUp.where, 'followup_done');
    const [action] = await app.db.db.select().from(actions).where(eq(actions.leaderId, ana.userId));
    expect(action!.status).toBe('done');
  });

  it('asks what would make it a 10 below 8, then saves with the answer', async () => {
    const walk = await walkCheckIn(ana, {
      goal: 'Delegate the weekly report',
      reality: 'I redo it every Friday',
      options: 'Pair once; write a checklist',
      will: 'Hand the report to Sam this week',
      commitment: 6,
      makeItTen: 'Agree the checklist with Sam first',
      dueDate: ANA_DUE,
    });
    expect(text(walk.revisit?.blocks)).toContain('What would make it a 10?');
    expect(text(walk.confirmation.blocks)).toContain('Hand the report to Sam this week');
    const rows = await app.db.db.select().from(checkIns).where(and(eq(checkIns.leaderId, ana.userId), eq(checkIns.revisited, true)));
    expect(rows.map((r) => r.commitment)).toEqual([6]);
  });

  it('asks first whether what would make it a 10 is in place, then follows up on the due date, never before it', async () => {
    const followUpRow = await pendingNudge(app.stage, ana.userId, 'follow_up');
    const askedAt = DateTime.fromJSDate(followUpRow.dueAt, { zone: 'Asia/Tokyo' });
    expect(askedAt.toISODate()).toBe(ANA_DUE);
    const precondition = await deliverNudge(app.stage, await pendingNudge(app.stage, ana.userId, 'precondition'));
    expect(precondition.plannedAt.getTime()).toBeLessThan(followUpRow.dueAt.getTime());
    expect(text(precondition.message.blocks)).toContain('Agree the checklist with Sam first');
    await ana.click(precondition.where, 'precondition_done');
    await ana.buttonGone(precondition.where, 'precondition_done');
    const followUp = await deliverNudge(app.stage, followUpRow);
    expect(followUp.plannedAt.getTime()).toBe(followUpRow.dueAt.getTime());
    expect(text(followUp.message.blocks)).toContain('Hand the report to Sam this week');
  });

  it('answers /grow history and /grow help privately, and saves a coaching moment from any message', async () => {
    await ana.grow('history');
    await ana.grow('help');
    expect(app.emu.ephemerals(app.stage.teamId, ana.userId).length).toBeGreaterThanOrEqual(2);
    app.emu.addChannel(app.stage.teamId, { id: 'C0TEAM0001', name: 'team', members: [ana.userId] });
    const ts = await saveMoment(ana, { channelId: 'C0TEAM0001', text: 'Thanks for *asking* first today', note: 'Bring this to the next session' });
    const moments = await app.db.db.select().from(reflections).where(and(eq(reflections.leaderId, ana.userId), eq(reflections.kind, 'moment')));
    expect(openReflection(app.cipher, moments[0]!).permalink).toContain(ts.replace('.', ''));
  });

  it('gives the leader a copy of their data as a file, and erases it once they confirm', async () => {
    expect(JSON.stringify(await exportData(ana))).toContain('Delegate the weekly report');
    expect(await eraseData(ana)).toContain('erased');
    expect(await app.db.db.select().from(checkIns).where(eq(checkIns.leaderId, ana.userId))).toEqual([]);
  });
});

describe('an engagement', () => {
  let invitation: Invitation;
  const leoDate = (days: number) => DateTime.now().setZone('America/New_York').plus({ days }).toISODate()!;

  it('invites the leader from /grow coach; the invitation arrives in their DM', async () => {
    invitation = await inviteLeader(cora, leo, { startDate: leoDate(7), sessionTime: '10:00', sessions: 6, cadenceDays: 14 });
    expect(actionIdsIn(invitation.message.blocks)).toEqual(['engagement_accept', 'engagement_decline']);
    expect(text(invitation.message.blocks)).toContain(`<@${cora.userId}> would like to coach you`);
  });

  it('accept opens contracting; saving it activates the engagement and tells the coach', async () => {
    const coachDms = cora.dms().length;
    await acceptAndContract(leo, invitation.where, {
      targets: [
        { description: 'Raise difficult topics with my team in the week they come up', baseline: 3, level: 2 },
        { description: 'Ask a question before giving my view in 1:1s', baseline: 5 },
      ],
      worked: 'Peer feedback, written down',
      worthwhile: 'My team brings problems to me early',
      openness: 7,
    });
    const [engagement] = await app.db.db.select().from(engagements).where(eq(engagements.id, invitation.engagementId));
    expect(engagement!.status).toBe('active');
    expect(await app.db.db.select().from(targets).where(eq(targets.engagementId, engagement!.id))).toHaveLength(2);
    const { message } = await cora.dm(coachDms);
    expect(text(message.blocks)).toContain('accepted your invitation');
  });

  it('follows up on the action: Reflect… saves a reflection, Partly records the answer, what to try next becomes the next action', async () => {
    await walkCheckIn(leo, { ...answers, will: 'Name one difficult topic in Monday’s team meeting', commitment: 8, visibility: 'shared' }, { withTargets: true });
    const followUp = await deliverNudge(app.stage, await pendingNudge(app.stage, leo.userId, 'follow_up'));
    expect(text(followUp.message.blocks)).toContain('Name one difficult topic');
    await reflectOnFollowUp(leo, followUp.where, { happened: 'I raised the hiring freeze', learned: PRIVATE_LESSON, tryNext: 'Ask each person directly', visibility: 'private' });
    await answerFollowUp(leo, followUp.where, 'followup_partly');
    const [action] = await app.db.db.select().from(actions).where(eq(actions.leaderId, leo.userId));
    expect(action!.status).toBe('partly');
    const kinds = (await app.db.db.select().from(reflections).where(eq(reflections.leaderId, leo.userId))).map((r) => r.kind);
    expect(kinds).toContain('follow_up');

    const dm = await makeNextAction(leo, followUp.where, { commitment: 9 });
    expect(text(dm.blocks)).toContain('Ask each person directly');
    expect(text(dm.blocks)).toContain('ask how it went on');
    const after = await app.db.db.select().from(actions).where(eq(actions.leaderId, leo.userId));
    expect(after.map((a) => a.status).sort()).toEqual(['open', 'partly']);
    const next = after.find((a) => a.status === 'open')!;
    const planned = await app.db.db.select().from(nudges).where(and(eq(nudges.recipientId, leo.userId), eq(nudges.kind, 'follow_up'), eq(nudges.status, 'pending')));
    expect(planned.map((n) => n.ref.actionId)).toContain(next.id);
  });

  it('asks the leader to prepare for the session, and keeps the answers', async () => {
    app.emu.addChannel(app.stage.teamId, { id: 'C0LEOTEAM1', name: 'leo-team', members: [leo.userId] });
    await saveMoment(leo, { channelId: 'C0LEOTEAM1', text: 'Can we talk about the freeze?', note: 'Sam asked me straight out' });
    const prep = await deliverNudge(app.stage, await pendingNudge(app.stage, leo.userId, 'session_prep'));
    expect(text(prep.message.blocks)).toContain('Sam asked me straight out');
    expect(text(prep.message.blocks)).toContain('A moment you saved');
    expect(actionIdsIn(prep.message.blocks)).toEqual(['prep_answer']);
    // What the leader already wrote since the engagement began is quoted back to them, private answers too (only they read this DM).
    expect(text(prep.message.blocks)).toContain('What you already said since your last session');
    expect(text(prep.message.blocks)).toContain('I raised the hiring freeze');
    expect(text(prep.message.blocks)).toContain(PRIVATE_LESSON);
    expect(text(prep.message.blocks)).toContain('you answered *Partly*');
    expect(text(prep.message.blocks)).toContain('Name one difficult topic');
    expect(text(prep.message.blocks)).not.toContain('What happened with your commitment?');
    await answerPrep(leo, prep.where, { example: 'In Monday’s stand-up I raised it, then let it drop when Sam pushed back', want: 'Practise the follow-through' });
    const kinds = (await app.db.db.select().from(reflections).where(eq(reflections.leaderId, leo.userId))).map((r) => r.kind);
    expect(kinds).toContain('session_prep');
  });

  it('prompts a check-in after the session; its button opens the check-in', async () => {
    const prompt = await deliverNudge(app.stage, await pendingNudge(app.stage, leo.userId, 'checkin_prompt'));
    const open = () => leo.click(prompt.where, 'checkin_open');
    const walk = await walkCheckIn(leo, { ...answers, will: 'Follow through within two days', commitment: 9 }, { open, withTargets: true });
    expect(text(walk.confirmation.blocks)).toContain('Follow through within two days');
  });

  it('asks for the midpoint and closing reviews, and sends the before/after summary', async () => {
    const midpoint = await deliverNudge(app.stage, await pendingNudge(app.stage, leo.userId, 'midpoint_review'));
    await answerReview(leo, midpoint.where, [5, 6]);
    const closing = await deliverNudge(app.stage, await pendingNudge(app.stage, leo.userId, 'closing_review'));
    const dms = leo.dms().length;
    await answerReview(leo, closing.where, [7, 8]);
    const { message } = await leo.dm(dms);
    expect(text(message.blocks)).toContain('Where you started, and where you are now');
    const rated = await app.db.db.select().from(targets).where(eq(targets.engagementId, invitation.engagementId));
    expect(rated.map((t) => [t.midpointRating, t.closingRating]).sort()).toEqual([[5, 7], [6, 8]]);
  });

  it('sends the coach a weekly digest and a session brief, built only from what the leader shared', async () => {
    await runScheduledNow(app.queues, 'plan-coach-nudges');
    const digest = await deliverNudge(app.stage, await pendingNudge(app.stage, cora.userId, 'digest'));
    const brief = await deliverNudge(app.stage, await pendingNudge(app.stage, cora.userId, 'brief'));
    expect(text(digest.message.blocks)).toContain(`<@${leo.userId}>`);
    expect(text(brief.message.blocks)).toContain(`<@${leo.userId}>`);
    for (const { message } of [digest, brief]) expect(text(message.blocks)).not.toContain(PRIVATE_LESSON);
  });

  it('shows both people their App Home', async () => {
    expect(text((await leo.openHome()).blocks)).toContain('Raise difficult topics');
    expect((await cora.openHome()).blocks).not.toHaveLength(0);
  });

  it('skips what falls due while the leader is paused, and writes again after /grow resume', async () => {
    await leo.grow('pause 3');
    const skipped = await settleNudge(app.stage, await pendingNudge(app.stage, leo.userId, 'session_prep'));
    expect(skipped).toMatchObject({ status: 'skipped', reason: 'paused' });
    await leo.grow('resume');
    const prep = await deliverNudge(app.stage, await pendingNudge(app.stage, leo.userId, 'session_prep'));
    expect(actionIdsIn(prep.message.blocks)).toEqual(['prep_answer']);
  });

  it('completes by itself once the last session is behind it and the closing review is done', async () => {
    // Time moves past the calendar: the last session ended an hour ago.
    await app.db.db.execute(sql`update sessions set scheduled_at = scheduled_at - (
      (select max(scheduled_at) from sessions where engagement_id = ${invitation.engagementId}) - now() + interval '2 hours')
      where engagement_id = ${invitation.engagementId}`);
    const completed = await poll('the engagement completed', async () => {
      const [row] = await app.db.db.select().from(engagements).where(eq(engagements.id, invitation.engagementId));
      return row?.status === 'completed' && row;
    });
    expect(completed.endedAt).toBeInstanceOf(Date);
    const open = await app.db.db.select().from(nudges).where(and(eq(nudges.engagementId, invitation.engagementId), eq(nudges.status, 'pending')));
    expect(open).toEqual([]);
    // It leaves both Homes' running lists.
    expect(text((await leo.openHome()).blocks)).not.toContain('Your coaching with');
    expect(text((await cora.openHome()).blocks)).not.toContain(`<@${leo.userId}>`);
  });
});

describe('all along', () => {
  it('produced nothing Slack refused: every message, update, ephemeral and view passed the Block Kit checks', async () => {
    await quiet(app.emu, 500);
    assertNothingRefused(app.emu);
  });

  it('logged no warning or error', () => {
    expect(app.grow.logs().filter((line) => Number(line.level) >= 40)).toEqual([]);
  });
});
