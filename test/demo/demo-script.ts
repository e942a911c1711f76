// The story `npm run demo` tells: a coach invites a leader, the leader accepts and sets
// targets, checks in (and is asked what would make it a 10), then Grow's between-session
// messages arrive one by one — follow-up, session prep, the coach's digest and brief, the
// midpoint and closing reviews — each delivered by moving its planned time to now, and
// the engagement completes once its last session is behind it.
import { and, asc, eq, lt, lte, sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { engagements, nudges, pulseRounds } from '../../db/schema/index.js';
import { walkCheckIn } from '../e2e/walk/check-in.js';
import { acceptAndContract, answerFollowUp, answerPrep, answerReview, inviteLeader, makeNextAction, reflectOnFollowUp } from '../e2e/walk/engagement.js';
import { runScheduledNow } from '../e2e/walk/scheduled.js';
import { deliverNudge, pendingNudge, poll } from '../e2e/walk/stage.js';
import { Person } from '../e2e/walk/person.js';
import { ALWAYS, OFFICE_HOURS, type DemoWorld } from './demo-world.js';
import type { Narrator } from './narrator.js';

const LEO = { id: 'U0DEMOLEO1', name: 'Leo', tz: 'America/New_York' };
const CORA = { id: 'U0DEMOCORA', name: 'Cora', tz: 'Europe/London' };
const HANA = { id: 'U0DEMOHANA', name: 'Hana', tz: 'Europe/London' };
const ADA = { id: 'U0DEMOADA1', name: 'Ada', tz: 'Europe/London' };
const STAKEHOLDERS = [
  { id: 'U0DEMOMIA1', name: 'Mia', tz: 'Europe/Berlin', suggestion: 'Say what is on your mind in the Monday meeting, not on Friday' },
  { id: 'U0DEMORAJ1', name: 'Raj', tz: 'Asia/Kolkata', suggestion: 'Ask us what we think before you decide' },
  { id: 'U0DEMOSAM1', name: 'Sam', tz: 'America/New_York', suggestion: 'Tell us the bad news early; we cope better than you think' },
  { id: 'U0DEMOANA1', name: 'Ana', tz: 'Asia/Tokyo', suggestion: null },
];
export const DEMO_CAST = {
  [LEO.id]: { name: LEO.name, role: 'leader', tz: LEO.tz },
  [CORA.id]: { name: CORA.name, role: 'coach', tz: CORA.tz },
  [HANA.id]: { name: HANA.name, role: 'sponsor', tz: HANA.tz },
  [ADA.id]: { name: ADA.name, role: 'programme admin', tz: ADA.tz },
  ...Object.fromEntries(STAKEHOLDERS.map((p) => [p.id, { name: p.name, role: 'stakeholder', tz: p.tz }])),
};

/** The first session: a Tuesday at least five days out, 10:00 on Leo's clock. */
function firstSessionDate(): string {
  let day = DateTime.now().setZone(LEO.tz).plus({ days: 5 });
  while (day.weekday !== 2) day = day.plus({ days: 1 });
  return day.toISODate()!;
}

export async function playDemo(world: DemoWorld, narrator: Narrator): Promise<void> {
  const leo = await world.person(LEO.id, LEO.name, LEO.tz);
  const cora = await world.person(CORA.id, CORA.name, CORA.tz);
  const stakeholders = await Promise.all(STAKEHOLDERS.map((p) => world.person(p.id, p.name, p.tz)));
  const hana = await world.person(HANA.id, HANA.name, HANA.tz);
  const { stage } = world;
  // A Slack workspace admin: a programme admin by right.
  stage.emu.addUser(stage.teamId, { id: ADA.id, name: 'ada', realName: ADA.name, tz: ADA.tz, isAdmin: true });
  const ada = new Person(stage, ADA.id, ADA.name);
  // Grow plans with office hours; the demo runs at any hour, so each recipient's window
  // opens only for the moment their message is delivered. The planned time is noted first.
  stage.aroundDelivery = async (row, deliver) => {
    narrator.planned.set(row.id, row.dueAt);
    narrator.written.set(row.id, row.createdAt);
    await world.setWindow(row.recipientId, ALWAYS);
    try {
      return await deliver();
    } finally {
      await world.setWindow(row.recipientId, OFFICE_HOURS);
    }
  };
  // The next message of a kind for someone: one that arrived by itself ("right away", in
  // their working hours) and is not yet part of the story, or else the next pending one, delivered now.
  const told = new Set<string>();
  const nextNudge = async (personId: string, kind: string) => {
    const row = await poll(`a ${kind} message for ${personId}`, async () =>
      (await stage.db.select().from(nudges).where(and(eq(nudges.recipientId, personId), eq(nudges.kind, kind))).orderBy(asc(nudges.dueAt)))
        .find((r) => !told.has(r.id) && (r.status === 'sent' || r.status === 'pending')));
    told.add(row.id);
    return arrivedOrDeliver(row);
  };
  // Cora's weekly digests arrive in the story where they fall: before whatever Leo is sent
  // next, when they are planned earlier.
  const digestsBefore = async (personId: string, kind: string) => {
    const next = await pendingNudge(stage, personId, kind);
    const due = await stage.db.select().from(nudges)
      .where(and(eq(nudges.recipientId, cora.userId), eq(nudges.kind, 'digest'), eq(nudges.status, 'pending'), lte(nudges.dueAt, next.dueAt)))
      .orderBy(asc(nudges.dueAt));
    for (const digest of due) {
      await narrator.act('Monday morning: Cora’s weekly digest, one message for all the leaders she coaches.');
      await deliverNudge(stage, digest);
    }
  };
  // A stakeholder at work when the round opens has the question at once; the others get it now.
  const baselineQuestion = async (personId: string) => {
    const row = await poll('the baseline question', async () => (await stage.db.select().from(nudges).where(and(eq(nudges.recipientId, personId), eq(nudges.kind, 'pulse_question')))).find((r) => r.ref.stage === 'baseline'));
    return arrivedOrDeliver(row);
  };
  // A message due "right away" has already arrived when its reader is at work; otherwise it comes now.
  const arrivedOrDeliver = async (row: typeof nudges.$inferSelect) => {
    if (row.status !== 'sent') return deliverNudge(stage, row);
    return { where: { channel: row.channelId!, ts: row.messageTs! } };
  };

  const startDate = firstSessionDate();
  await narrator.act(`Cora types /grow coach and invites Leo: 6 sessions every two weeks, the first on ${DateTime.fromISO(startDate).toFormat('ccc d LLL')} at 10:00 (Leo's time), with Hana, his HR partner, as sponsor. The invitation says what Hana will see.`);
  const invitation = await inviteLeader(cora, leo, { startDate, sessionTime: '10:00', sessions: 6, cadenceDays: 14, sponsor: HANA.id });

  await narrator.act('Leo clicks [ Accept ], names two behaviours to change, and saves. The modal moves on to his stakeholders: he picks Mia, Raj, Sam and Ana, and confirms.');
  await acceptAndContract(leo, invitation.where, {
    targets: [
      { description: 'Raise difficult topics with my team in the week they come up', baseline: 3, level: 2 },
      { description: 'Ask a question before giving my view in 1:1s', baseline: 5, level: 2 },
    ],
    worked: 'Peer feedback, written down the same day',
    worthwhile: 'My team brings problems to me early',
    openness: 7,
    stakeholders: STAKEHOLDERS.map((p) => p.id),
  });

  await narrator.act('Leo has accepted, so Grow asks Hana, once, what outcomes the organisation would like. She answers; Leo and Cora will see it.');
  const outcomes = await nextNudge(hana.userId, 'sponsor_outcomes');
  const outcomesModal = await hana.opensModal('sponsor_answer', () => hana.click(outcomes.where, 'sponsor_answer_open'));
  await hana.submit(outcomesModal, { sponsor_answer: 'Problems surfaced in the week they start, and a team that decides without waiting for Leo' });
  await hana.buttonGone(outcomes.where, 'sponsor_answer_open');

  await narrator.act('The baseline round opens. Each stakeholder is asked once, in their own time zone and working hours.');
  for (const [i, person] of stakeholders.entries()) {
    const question = await baselineQuestion(person.userId);
    const { suggestion } = STAKEHOLDERS[i]!;
    if (!suggestion) {
      await narrator.act(`${person.name} clicks [ Decline ]: not this time. Grow will not ask again this round.`);
      await person.click(question.where, 'pulse_decline');
      await person.buttonGone(question.where, 'pulse_decline');
      continue;
    }
    await narrator.act(`${person.name} clicks [ Answer ] and writes one thing for the first target.`);
    const modal = await person.opensModal('pulse_answer', () => person.click(question.where, 'pulse_answer_open'));
    await person.submit(modal, { suggestion1: suggestion });
    await person.buttonGone(question.where, 'pulse_answer_open');
  }

  await narrator.act('Grow plans Cora’s messages for the engagement: a digest every Monday morning, and a brief on the morning of each session.');
  await runScheduledNow(world.queues, 'plan-coach-nudges');
  await poll('Cora’s brief planned', async () => (await stage.db.select().from(nudges).where(and(eq(nudges.recipientId, cora.userId), eq(nudges.kind, 'brief')))).length > 0);
  // A planner run early in the week also plans this week's digest, due before Leo's
  // engagement began (a late run still delivers it, see digestSlots); the story starts with
  // the next one.
  await stage.db.update(nudges).set({ status: 'cancelled', reason: 'demo_before_story' })
    .where(and(eq(nudges.recipientId, cora.userId), eq(nudges.kind, 'digest'), eq(nudges.status, 'pending'), lt(nudges.dueAt, new Date())));

  // Leo's action is due on the Thursday before the first session.
  const dueDate = DateTime.fromISO(startDate).minus({ days: 5 }).toISODate()!;
  await narrator.act(`Leo types /grow and checks in. Will: “Tell the team about the hiring freeze at Thursday’s team meeting”, by ${DateTime.fromISO(dueDate).toFormat('ccc d LLL')}, commitment 6/10.`);
  await walkCheckIn(leo, {
    goal: 'Stop sitting on the hiring-freeze news',
    reality: 'The team has heard rumours; I keep postponing',
    options: 'Tell them Monday; write it up first; ask HR to join',
    will: 'Tell the team about the hiring freeze at Thursday’s team meeting',
    commitment: 6,
    visibility: 'shared',
    makeItTen: 'Agree the wording with HR the day before',
    dueDate,
  }, {
    withTargets: true,
    onRevisit: (view) => {
      narrator.showModal(leo.userId, view);
      narrator.say('Leo answers “Agree the wording with HR the day before” and saves.');
    },
  });

  await digestsBefore(leo.userId, 'precondition');
  await narrator.act('A working day before it asks about the action, Grow asks whether what would make it a 10 is in place (Leo left that box ticked).');
  const precondition = await nextNudge(leo.userId, 'precondition');
  await narrator.act('Leo clicks [ Yes, done ]: HR agreed the wording.');
  await leo.click(precondition.where, 'precondition_done');
  await leo.buttonGone(precondition.where, 'precondition_done');

  await digestsBefore(leo.userId, 'follow_up');
  await narrator.act('Time passes. On the day the action was due, late in Leo’s working day — after it could have happened, and at the moment the confirmation named — Grow follows up.');
  const followUp = await nextNudge(leo.userId, 'follow_up');
  await narrator.act('Leo clicks [ Reflect… ] and writes what happened.');
  await reflectOnFollowUp(leo, followUp.where, {
    happened: 'I told them. Two people asked good questions; one went quiet.',
    learned: 'Saying it early was easier than carrying it',
    tryNext: 'Check in one to one with the person who went quiet',
    visibility: 'shared',
  });
  await narrator.act('Leo clicks [ Partly ]: told the team, not yet the follow-up conversation.');
  await answerFollowUp(leo, followUp.where, 'followup_partly');
  await narrator.act('Leo clicks [ Make this my next action ]: what he will try next, already written, due before the next session, shared as before. The DM says when Grow will ask about it.');
  await makeNextAction(leo, followUp.where, { commitment: 9 });

  await digestsBefore(leo.userId, 'session_prep');
  await narrator.act('The day before the session, Grow asks Leo to prepare.');
  const prep = await nextNudge(leo.userId, 'session_prep');
  await narrator.act('Leo clicks [ Answer ] and says what he wants from the session.');
  await answerPrep(leo, prep.where, { example: 'Told the team on Thursday; the quiet one said nothing and I let it go', want: 'Practise the conversation with the quiet one' });

  await digestsBefore(cora.userId, 'brief');
  await narrator.act('On the morning of the session, Grow sends Cora her brief: only what Leo chose to share.');
  await nextNudge(cora.userId, 'brief');

  await narrator.act('Five working days after it opened, the stakeholders’ round closes: three answered, so Leo sees what they said, in a random order and without names.');
  await stage.db.update(pulseRounds).set({ closesAt: new Date() }).where(eq(pulseRounds.stage, 'baseline'));
  const results = await nextNudge(leo.userId, 'pulse_results');
  await narrator.act('Leo clicks [ Share with my coach ]; Grow passes the results on to Cora.');
  await leo.click(results.where, 'pulse_share_full');
  await leo.buttonGone(results.where, 'pulse_share_full');
  await nextNudge(cora.userId, 'pulse_shared');

  await narrator.act('Ada, a workspace admin, types /grow report: process facts per engagement, and outcome figures only where enough leaders contribute (here, one leader: none).');
  await ada.grow('report');
  await poll('the programme report', () => ada.dms().find((m) => Array.isArray(m.files)));
  await narrator.act('Weeks pass. After the third session Grow asks Leo for his midpoint review; he rates each target again.');
  await answerReview(leo, (await nextNudge(leo.userId, 'midpoint_review')).where, [5, 6]);
  await narrator.act('After the sixth and last session, the closing review. Leo rates each target a last time and gets his before and after.');
  await answerReview(leo, (await nextNudge(leo.userId, 'closing_review')).where, [7, 8]);
  // The calendar moves behind us: the last session ended two hours ago.
  await stage.db.execute(sql`update sessions set scheduled_at = scheduled_at - (
    (select max(scheduled_at) from sessions where engagement_id = ${invitation.engagementId}) - now() + interval '2 hours')
    where engagement_id = ${invitation.engagementId}`);
  await poll('the engagement completed', async () => (await stage.db.select().from(engagements).where(eq(engagements.id, invitation.engagementId)))[0]?.status === 'completed');
  await narrator.act('The last session is behind them and the closing review is done, so the engagement completes by itself: it leaves Cora’s roster and digest, and Grow sends nothing more for it.');
  await narrator.settle();
}
