// A coach's week at 25 engagements, end to end on `npm start` against the Slack
// emulator: App Home shows every leader, most in need first, a page at a time; a brief
// comes on demand from Home and from `/grow brief @leader`; the weekly digest carries
// every leader, the rest in its thread; nothing a leader kept private reaches the coach;
// a coach's private note shows in their next brief and in nothing the leader gets; a
// recap from Home becomes the leader's action in one click.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkIns, engagements, sessions, targets } from '../../db/schema/index.js';
import { startE2eApp, TEAM, type E2eApp } from './e2e-app.js';
import { actionIdsIn, type Person } from './walk/person.js';
import { runScheduledNow } from './walk/scheduled.js';
import { deliverNudge, pendingNudge, poll } from './walk/stage.js';

type Json = Record<string, unknown>;
const DAY = 86_400_000;
const LEADERS = 25;
/** Leaders whose latest summarised commitment is low: they come first everywhere. */
const LOW = 18;
const PRIVATE_GOAL = 'PRIVATEGOALTEXT';

let app: E2eApp;
let cora: Person;
const people = new Map<string, Person>();
const leaderIds = Array.from({ length: LEADERS }, (_, i) => `U0WK${String(i).padStart(6, '0')}`);
const engagementOf = new Map<string, string>();
const text = (v: unknown) => JSON.stringify(v);

beforeAll(async () => {
  app = await startE2eApp();
  cora = await app.person('U0CORAWEEK', 'Cora Coach', 'Europe/London');
  for (const [i, id] of leaderIds.entries()) people.set(id, await app.person(id, `Leader ${i}`, 'Europe/Berlin'));
  const rows = await app.db.db
    .insert(engagements)
    .values(leaderIds.map((leaderId) => ({ teamId: TEAM, coachId: cora.userId, leaderId, status: 'active' as const, startDate: new Date().toISOString().slice(0, 10), sessionCount: 6, cadenceDays: 14 })))
    .returning();
  for (const e of rows) engagementOf.set(e.leaderId, e.id);
  // Sessions from five days ahead, so no brief is due within the digest's day.
  await app.db.db.insert(sessions).values(rows.flatMap((e, i) => Array.from({ length: 6 }, (_, k) => ({ teamId: TEAM, engagementId: e.id, seq: k + 1, scheduledAt: new Date(Date.now() + (5 + k * 14) * DAY + i * 3_600_000) }))));
  const enc = (s: string) => app.cipher.encrypt(s);
  // Contracted: targets agreed, so contracting is not a question for anyone.
  await app.db.db.insert(targets).values(rows.map((e) => ({ teamId: TEAM, engagementId: e.id, position: 1, descriptionEnc: enc('Ask before telling'), baseline: 4 })));
  await app.db.db.insert(checkIns).values(
    rows.flatMap((e, i) => [
      { teamId: TEAM, leaderId: e.leaderId, engagementId: e.id, visibility: 'summary' as const, commitment: i < LOW ? 5 : 9, createdAt: new Date(Date.now() - 2 * DAY), goalEnc: enc(`Goal of leader ${i}`), realityEnc: enc('r'), optionsEnc: enc('o'), willEnc: enc('w') },
      // A later private check-in: neither its score nor its goal may show.
      { teamId: TEAM, leaderId: e.leaderId, engagementId: e.id, visibility: 'private' as const, commitment: 2, createdAt: new Date(Date.now() - DAY), goalEnc: enc(PRIVATE_GOAL), realityEnc: enc('r'), optionsEnc: enc('o'), willEnc: enc('w') },
    ]),
  );
}, 120_000);

afterAll(async () => {
  if (!app) return;
  expect(await app.close(), 'Grow exits 0 on SIGTERM').toBe(0);
}, 30_000);

const shownIn = (v: unknown) => leaderIds.filter((id) => text(v).includes(`<@${id}>`));

describe("a coach's week at 25 engagements", () => {
  it('App Home shows all 25 leaders across its pages, those with a low commitment first', async () => {
    let home = await cora.openHome();
    const seen: string[] = [];
    for (let page = 0; page < 10; page++) {
      seen.push(...shownIn(home.blocks).sort((a, b) => text(home.blocks).indexOf(`<@${a}>`) - text(home.blocks).indexOf(`<@${b}>`)));
      if (!actionIdsIn(home.blocks).includes('coach_roster_next')) break;
      const before = home.hash;
      const result = await app.emu.clickHomeButton({ teamId: TEAM, userId: cora.userId, actionId: 'coach_roster_next', blockId: 'coach_roster_pages' });
      expect(result.status).toBe(200);
      home = await poll('the next roster page', () => {
        const now = app.emu.homeView(TEAM, cora.userId);
        return now && now.hash !== before ? now : undefined;
      });
    }
    expect([...seen].sort()).toEqual([...leaderIds].sort());
    expect(seen.slice(0, LOW).sort()).toEqual(leaderIds.slice(0, LOW).sort());
    expect(text(home.blocks)).not.toContain(PRIVATE_GOAL);
    expect(text(home.blocks)).not.toContain('commitment 2/10');
  });

  it('"Brief me now" on App Home sends the brief for that leader', async () => {
    await cora.openHome();
    const leaderId = leaderIds[0]!;
    const dms = cora.dms().length;
    const result = await app.emu.clickHomeButton({ teamId: TEAM, userId: cora.userId, actionId: 'coach_brief_now', blockId: `end_${engagementOf.get(leaderId)}` });
    expect(result.status).toBe(200);
    const { message } = await cora.dm(dms);
    expect(text(message.blocks)).toContain(`Your session with <@${leaderId}>`);
    expect(text(message.blocks)).toContain('Goal of leader 0');
    expect(text(message.blocks)).not.toContain(PRIVATE_GOAL);
  });

  it('a private note from Home shows in the next brief; a recap from Home becomes the leader\'s action in one click', async () => {
    await cora.openHome();
    const leaderId = leaderIds[1]!;
    const blockId = `end_${engagementOf.get(leaderId)}`;
    const noteModal = await cora.opensModal('coach_note_add', async () => {
      expect((await app.emu.clickHomeButton({ teamId: TEAM, userId: cora.userId, actionId: 'coach_note_open', blockId })).status).toBe(200);
    });
    await cora.submit(noteModal, { note: 'CORANOTE: ask about the board meeting' });
    const dms = cora.dms().length;
    await cora.grow(`brief <@${leaderId}>`);
    const { message } = await cora.dm(dms);
    expect(text(message.blocks)).toContain('CORANOTE');

    const leader = people.get(leaderId)!;
    const recapModal = await cora.opensModal('coach_recap_send', async () => {
      expect((await app.emu.clickHomeButton({ teamId: TEAM, userId: cora.userId, actionId: 'coach_recap_open', blockId })).status).toBe(200);
    });
    const leaderDms = leader.dms().length;
    await cora.submit(recapModal, { recap: 'Name one decision you will hand to your team' });
    const recap = await leader.dm(leaderDms);
    expect(text(recap.message.blocks)).toContain('Name one decision you will hand to your team');
    expect(text(recap.message.blocks)).not.toContain('CORANOTE');
    const checkIn = await leader.opensModal('grow_checkin', () => leader.click(recap.where, 'recap_make_action'));
    expect(text(checkIn.blocks)).toContain('Name one decision you will hand to your team');
    expect(text(leader.dms())).not.toContain('CORANOTE');
  });

  it('`/grow brief @leader` sends the brief for the leader named', async () => {
    const leaderId = leaderIds[20]!;
    const dms = cora.dms().length;
    await cora.grow(`brief <@${leaderId}>`);
    const { message } = await cora.dm(dms);
    expect(text(message.blocks)).toContain(`Your session with <@${leaderId}>`);
  });

  it('the weekly digest carries all 25: those in need in full, the others in one line, the rest in its thread', async () => {
    await runScheduledNow(app.queues, 'plan-coach-nudges');
    const digest = await deliverNudge(app.stage, await pendingNudge(app.stage, cora.userId, 'digest'));
    const replies = await poll('the digest thread', () => {
      const found = app.emu.messagesIn(TEAM, digest.where.channel).filter((m: Json) => m.thread_ts === digest.where.ts && m.ts !== digest.where.ts);
      return found.length > 0 ? found : undefined;
    });
    const everything = [digest.message, ...replies].map((m) => m.blocks);
    expect(shownIn(everything).sort()).toEqual([...leaderIds].sort());
    expect(text(digest.message.blocks)).toContain('More in the thread below');
    expect(text(everything)).toContain('Their latest commitment was 5/10');
    expect(text(everything)).toContain('Everyone else this week');
    expect(text(everything).match(/Questions you might bring/g)).toHaveLength(LOW);
    expect(text(everything)).not.toContain(PRIVATE_GOAL);
    expect(text(everything)).not.toContain('commitment 2/10');
  });

  it('made no call Slack would refuse', () => {
    expect(app.emu.rejectedCalls().map((c) => `${c.method}: ${c.error}`)).toEqual([]);
  });
});
