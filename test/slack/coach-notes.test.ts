// A coach's private notes through the running app: written from the roster row and from
// the brief, encrypted, shown in the coach's next brief, and nowhere the leader looks.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { insertCoachNote, lastCoachNote } from '../../db/coach-notes.js';
import type { NudgeRow } from '../../db/nudges.js';
import { brief } from '../../jobs/kinds/brief.js';
import { upsertPersonTz } from '../../db/people.js';
import { collectPersonalData, erasePersonalData } from '../../db/personal-data.js';
import { eraseExpiredContent } from '../../db/retention.js';
import { coachNotes, engagements } from '../../db/schema/index.js';
import { actionIdsIn, click, COACH, LEADER, openedView, openHomeView, seedEngagement, startEngagementHarness, submit, TEAM, waitFor, type EngagementHarness } from './engagement-support.js';

let h: EngagementHarness;
beforeAll(async () => {
  h = await startEngagementHarness();
});
afterAll(async () => h?.close());
beforeEach(async () => {
  await h.db.db.execute(sql`truncate engagements, check_ins, nudges, people, coach_notes cascade`);
  await upsertPersonTz(h.db.db, TEAM, LEADER, 'Europe/Paris', new Date());
  await upsertPersonTz(h.db.db, TEAM, COACH, 'Europe/London', new Date());
});

const DAY = 86_400_000;
const NOTE = 'PRIVATENOTE: defended the reorg twice, ask about the board';

async function writeNote(userId: string, engagementId: string, note: string) {
  const opens = h.emu.callsTo('views.open').length;
  await click(h, { userId, actionId: 'coach_note_open', value: JSON.stringify({ engagementId }) });
  const view = await openedView(h, opens);
  return { view, submitted: view.callback_id === 'coach_note_add' ? await submit(h, userId, view, { note }) : null };
}

async function briefNowFor(engagementId: string): Promise<string> {
  const before = h.emu.callsTo('chat.postMessage').length;
  await click(h, { userId: COACH, actionId: 'coach_brief_now', value: JSON.stringify({ engagementId }) });
  const posted = await waitFor(() => h.emu.callsTo('chat.postMessage').slice(before).find((c) => JSON.stringify(c.args.blocks).includes('Your session with')));
  return JSON.stringify(posted.args.blocks);
}

describe("a coach's private notes", () => {
  it('are written from the roster row, stored encrypted, and shown in the next brief', async () => {
    const { engagement, sessions } = await seedEngagement(h, { status: 'active', firstAt: new Date(Date.now() - 2 * DAY) });
    const home = await openHomeView(h, COACH);
    expect(actionIdsIn(home.blocks)).toContain('coach_note_open');
    const { view, submitted } = await writeNote(COACH, engagement.id, `  ${NOTE}  `);
    expect(view.callback_id).toBe('coach_note_add');
    expect(JSON.stringify(view.blocks)).toContain('Only you can see it');
    expect(submitted!.body).toBeUndefined();
    const [row] = await h.db.db.select().from(coachNotes);
    expect(row!.textEnc).not.toContain('PRIVATENOTE');
    // The session that has just been held, not the one ahead.
    expect(row!.sessionId).toBe(sessions[0]!.id);
    expect(row!.coachId).toBe(COACH);
    const brief = await briefNowFor(engagement.id);
    expect(brief).toContain('Your last note');
    expect(brief).toContain('PRIVATENOTE');
    // The brief carries the button for the next note.
    expect(brief).toContain('coach_note_open');
  });

  it('show only the last note in the brief, written from the brief itself', async () => {
    const { engagement } = await seedEngagement(h, { status: 'active', firstAt: new Date(Date.now() + 2 * DAY) });
    expect(await briefNowFor(engagement.id)).toContain('Add a private note');
    await writeNote(COACH, engagement.id, 'FIRSTNOTE');
    await new Promise((r) => setTimeout(r, 5));
    await writeNote(COACH, engagement.id, 'SECONDNOTE');
    const brief = await briefNowFor(engagement.id);
    expect(brief).toContain('SECONDNOTE');
    expect(brief).not.toContain('FIRSTNOTE');
  });

  it('send an empty note back inline and save nothing', async () => {
    const { engagement } = await seedEngagement(h, { status: 'active', firstAt: new Date(Date.now() + 2 * DAY) });
    const { submitted } = await writeNote(COACH, engagement.id, '   ');
    expect(submitted!.body).toMatchObject({ response_action: 'errors', errors: { note: 'What would you like to note?' } });
    expect(await h.db.db.select().from(coachNotes)).toHaveLength(0);
  });

  it('are refused to the leader, privately, and nothing opens or is saved', async () => {
    const { engagement } = await seedEngagement(h, { status: 'active', firstAt: new Date(Date.now() + 2 * DAY) });
    const { view } = await writeNote(LEADER, engagement.id, 'LEADERNOTE');
    expect(view.callback_id).not.toBe('coach_note_add');
    expect(await h.db.db.select().from(coachNotes)).toHaveLength(0);
  });

  it("never reach the leader: not their App Home, not their export, only the coach's", async () => {
    const { engagement } = await seedEngagement(h, { status: 'active', firstAt: new Date(Date.now() - DAY) });
    await writeNote(COACH, engagement.id, NOTE);
    const leaderHome = await openHomeView(h, LEADER);
    expect(JSON.stringify(leaderHome)).not.toContain('PRIVATENOTE');
    expect(JSON.stringify(await collectPersonalData(h.db.db, h.cipher, TEAM, LEADER))).not.toContain('PRIVATENOTE');
    const coachExport = await collectPersonalData(h.db.db, h.cipher, TEAM, COACH);
    expect(coachExport.coachNotes).toMatchObject([{ engagementId: engagement.id, text: NOTE }]);
    // Nothing Grow posted to the leader carries it either.
    const toLeader = h.emu.callsTo('chat.postMessage').filter((c) => JSON.stringify(c.args).includes(LEADER) && !JSON.stringify(c.args).includes('Your session with'));
    expect(JSON.stringify(toLeader)).not.toContain('PRIVATENOTE');
  });

  it("go with the coach's /grow delete, and their text with the engagement's at retention", async () => {
    const { engagement } = await seedEngagement(h, { status: 'active', firstAt: new Date(Date.now() - DAY) });
    await writeNote(COACH, engagement.id, NOTE);
    // Retention: the engagement ended long ago, so the note's text is emptied with the rest.
    await h.db.db.update(engagements).set({ status: 'ended', endedAt: new Date(Date.now() - 400 * DAY) });
    await eraseExpiredContent(h.db.db, h.cipher, { now: new Date(), retentionDays: 365 });
    expect(await lastCoachNote(h.db.db, h.cipher, { teamId: TEAM, engagementId: engagement.id, coachId: COACH })).toBeNull();
    const exported = await collectPersonalData(h.db.db, h.cipher, TEAM, COACH);
    expect(exported.coachNotes).toMatchObject([{ text: '' }]);
    // The coach erases their data: the note rows go.
    await erasePersonalData(h.db.db, TEAM, COACH, new Date());
    expect(await h.db.db.select().from(coachNotes)).toHaveLength(0);
  });

  it("appear in the scheduled brief to the coach who wrote them, and no other coach's note does", async () => {
    const { engagement, sessions } = await seedEngagement(h, { status: 'active', firstAt: new Date(Date.now() + 2 * DAY) });
    const base = { teamId: TEAM, engagementId: engagement.id, sessionId: null };
    await insertCoachNote(h.db.db, h.cipher, { ...base, coachId: COACH, text: 'MYNOTE', now: new Date(Date.now() - 2 * DAY) });
    // Written later by someone who coached this engagement before: not this coach's to read.
    await insertCoachNote(h.db.db, h.cipher, { ...base, coachId: 'U0OTHERCOACH', text: 'THEIRNOTE', now: new Date(Date.now() - DAY) });
    const person = (await h.db.db.query.people.findFirst({ where: (p, { and, eq }) => and(eq(p.teamId, TEAM), eq(p.userId, COACH)) }))!;
    const row = { teamId: TEAM, recipientId: COACH, kind: 'brief', ref: {}, engagementId: engagement.id, sessionId: sessions[0]!.id, dedupeKey: 'brief:test' } as unknown as NudgeRow;
    const decision = await brief.decide({ db: h.db.db, cipher: h.cipher, row, person, now: new Date(), rhythm: {} as never });
    const text = JSON.stringify(decision);
    expect(text).toContain('MYNOTE');
    expect(text).not.toContain('THEIRNOTE');
  });
});
