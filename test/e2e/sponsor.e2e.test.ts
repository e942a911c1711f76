// A sponsor and the programme report end to end: the real `npm start` process against the
// emulator. The coach names the leader's manager as sponsor; the invitation says who the
// sponsor is and what they will see; after the leader accepts, the sponsor is asked once
// what outcomes the organisation hopes for and answers; the leader sees the answer, the
// sponsor's App Home shows process facts only, and a workspace admin's `/grow report`
// brings a CSV with the engagement's facts and no figure that could identify anyone.
import { eq } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engagements, sponsorAnswers } from '../../db/schema/index.js';
import { SPONSOR_SEES } from '../../src/domain/privacy/index.js';
import { SUPPRESSED_TEXT } from '../../src/domain/report/index.js';
import { startE2eApp, TEAM, type E2eApp } from './e2e-app.js';
import { assertNothingRefused } from './refusals.js';
import { acceptAndContract } from './walk/engagement.js';
import { actionIdsIn, Person, type MessageRef } from './walk/person.js';
import { deliverNudge, engagementNudge, poll, quiet } from './walk/stage.js';

let app: E2eApp;
let leo: Person;
let cora: Person;
let sam: Person;
let ada: Person;
let engagementId: string;
const text = (x: unknown) => JSON.stringify(x ?? []);
const TARGET = 'Listen before answering in team meetings';
const WORKED = 'A mentor who asked questions';
const OUTCOMES = 'A team that brings problems early';

beforeAll(async () => {
  app = await startE2eApp();
  leo = await app.person('U0LEO00001', 'Leo', 'America/New_York');
  cora = await app.person('U0CORA0001', 'Cora', 'Europe/London');
  sam = await app.person('U0SAM00001', 'Sam', 'Europe/Berlin');
  app.emu.addUser(TEAM, { id: 'U0ADA00001', name: 'Ada', realName: 'Ada', tz: 'Europe/London', isAdmin: true });
  ada = new Person(app.stage, 'U0ADA00001', 'Ada');
}, 60_000);

afterAll(async () => {
  if (!app) return;
  expect(await app.close(), 'Grow exits 0 on SIGTERM').toBe(0);
}, 30_000);

describe('a sponsor named by the coach', () => {
  let invitation: MessageRef;

  it('is named in the invitation, with exactly what the sponsor will see', async () => {
    const modal = await cora.opensModal('engagement_new', () => cora.grow('coach'));
    const leoDate = DateTime.now().setZone('America/New_York').plus({ days: 3 }).toISODate()!;
    await cora.submit(modal, { leader: leo.userId, sponsor: sam.userId, start_date: leoDate, session_time: '10:00', sessions: '6', cadence: '14', session_length: '60' });
    const [row] = await app.db.db.select().from(engagements).where(eq(engagements.leaderId, leo.userId));
    expect(row).toMatchObject({ sponsorId: sam.userId, status: 'invited' });
    engagementId = row!.id;
    const delivered = await deliverNudge(app.stage, await engagementNudge(app.stage, engagementId, 'invitation'));
    invitation = delivered.where;
    const blocks = text(leo.message(invitation).blocks);
    expect(blocks).toContain(`<@${sam.userId}>`);
    for (const line of SPONSOR_SEES) expect(blocks).toContain(line);
    expect(blocks).toContain('never anything you write');
  });

  it('is asked once, after the leader accepts, what outcomes the organisation hopes for; the answer is kept encrypted', async () => {
    await acceptAndContract(leo, invitation, { targets: [{ description: TARGET, baseline: 4 }], worked: WORKED, worthwhile: 'My team speaks up more', openness: 8 });
    const question = await deliverNudge(app.stage, await engagementNudge(app.stage, engagementId, 'sponsor_outcomes'));
    const dm = sam.message(question.where);
    expect(actionIdsIn(dm.blocks)).toEqual(['sponsor_answer_open']);
    expect(text(dm.blocks)).toContain('not confidential');
    expect(text(dm)).not.toContain(TARGET);
    const modal = await sam.opensModal('sponsor_answer', () => sam.click(question.where, 'sponsor_answer_open'));
    await sam.submit(modal, { sponsor_answer: OUTCOMES });
    const answered = await sam.buttonGone(question.where, 'sponsor_answer_open');
    expect(text(answered.blocks)).toContain('your answer is saved');
    const [stored] = await app.db.db.select().from(sponsorAnswers).where(eq(sponsorAnswers.engagementId, engagementId));
    expect(stored).toMatchObject({ kind: 'outcomes', sponsorId: sam.userId });
    expect(stored!.answerEnc).not.toContain(OUTCOMES);
  });

  it('shows the answer to the leader, and the sponsor only process facts of the engagement', async () => {
    expect(text(await leo.openHome())).toContain(OUTCOMES);
    const home = text(await sam.openHome());
    expect(home).toContain('Engagements you sponsor');
    expect(home).toContain('under way · 0 of 6 sessions held · contracting');
    for (const secret of [TARGET, WORKED, 'My team speaks up more']) expect(home).not.toContain(secret);
  });
});

describe('the programme report', () => {
  it('sends a workspace admin a CSV of process facts, with outcome figures suppressed for one leader', async () => {
    const before = ada.dms().length;
    await ada.grow('report');
    const message = await poll('the report file', () => ada.dms().slice(before).find((m) => Array.isArray(m.files)));
    const [file] = message.files as { id: string }[];
    const csv = app.emu.store.uploads.get(file!.id)!.received!.toString('utf8');
    const row = csv.split('\n').find((l) => l.startsWith(engagementId))!;
    expect(row).toContain('under way,0,6,');
    expect(csv).toContain(SUPPRESSED_TEXT);
    for (const secret of [TARGET, WORKED, OUTCOMES]) expect(csv).not.toContain(secret);
  });

  it('is refused to someone who is not a programme admin, and the admin’s App Home shows the programme', async () => {
    const before = app.emu.ephemerals(TEAM, leo.userId).length;
    await leo.grow('report');
    const refusal = await poll('the refusal', () => app.emu.ephemerals(TEAM, leo.userId)[before]);
    expect(refusal.text).toContain('programme admins');
    expect(leo.dms().some((m) => Array.isArray(m.files))).toBe(false);
    const home = text(await ada.openHome());
    expect(home).toContain('*Programme*');
    expect(home).toContain('programme_roles_open');
    expect(home).not.toContain(TARGET);
    expect(text(await leo.openHome())).not.toContain('*Programme*');
  });
});

describe('Slack', () => {
  it('refused nothing Grow sent', async () => {
    await quiet(app.emu, 500);
    assertNothingRefused(app.emu);
  });
});
