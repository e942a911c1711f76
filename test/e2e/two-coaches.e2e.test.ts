// A leader with two coaches, end to end on `npm start` against the Slack emulator: the
// check-in modal asks which coaching it is for, naming each by its coach, preselects the
// one picked last, and each choice lands the check-in and its follow-up in that engagement.
import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkIns, engagements, nudges } from '../../db/schema/index.js';
import { startE2eApp, TEAM, type E2eApp } from './e2e-app.js';
import type { Person } from './walk/person.js';
import { poll } from './walk/stage.js';

type Json = Record<string, unknown>;

let app: E2eApp;
let lea: Person;
let dana: Person;
let omar: Person;
const ids: Record<string, string> = {};

beforeAll(async () => {
  app = await startE2eApp();
  lea = await app.person('U0LEA00001', 'Lea Leader', 'Europe/Berlin');
  dana = await app.person('U0DANA0001', 'Dana Coach', 'Europe/London');
  omar = await app.person('U0OMAR0001', 'Omar Coach', 'America/Chicago');
  for (const coach of [dana, omar]) {
    const [row] = await app.db.db
      .insert(engagements)
      .values({ teamId: TEAM, coachId: coach.userId, leaderId: lea.userId, status: 'active', startDate: new Date().toISOString().slice(0, 10), sessionCount: 6, cadenceDays: 14 })
      .returning({ id: engagements.id });
    ids[coach.name] = row!.id;
  }
}, 60_000);

afterAll(async () => {
  if (!app) return;
  expect(await app.close(), 'Grow exits 0 on SIGTERM').toBe(0);
}, 30_000);

const answers = { goal: 'Delegate the weekly report', reality: 'I rewrite it every time', options: 'Agree on a template', will: 'Hand the report to Sam on Friday', commitment: '9', visibility: 'summary' };

/** `/grow`, then the modal once Grow has added the engagement select. */
async function openCheckIn(): Promise<Json> {
  const opened = await lea.opensModal('grow_checkin', () => lea.grow());
  return poll('the engagement select in the check-in modal', () => {
    const view = lea.openModals().find((v) => v.id === opened.id);
    return view && (view.blocks as Json[]).some((b) => b.block_id === 'engagement') ? view : undefined;
  });
}

function engagementSelect(view: Json) {
  const block = (view.blocks as Json[]).find((b) => b.block_id === 'engagement') as { element: { options: { text: { text: string }; value: string }[]; initial_option: { value: string } } };
  return { options: block.element.options.map((o) => [o.text.text, o.value]), initial: block.element.initial_option.value };
}

async function latestCheckIn() {
  const [row] = await app.db.db.select().from(checkIns).where(and(eq(checkIns.teamId, TEAM), eq(checkIns.leaderId, lea.userId))).orderBy(desc(checkIns.createdAt)).limit(1);
  return row!;
}

describe('a check-in for a leader with two coaches', () => {
  it('asks which coaching it is for, by coach name, and files it under the one picked', async () => {
    const modal = await openCheckIn();
    expect(engagementSelect(modal)).toEqual({
      options: [
        ['With Dana Coach', ids['Dana Coach']],
        ['With Omar Coach', ids['Omar Coach']],
      ],
      initial: ids['Dana Coach'],
    });
    await lea.submit(modal, { ...answers, engagement: ids['Omar Coach'] });
    const row = await poll('the check-in saved', () => latestCheckIn().catch(() => undefined));
    expect(row.engagementId).toBe(ids['Omar Coach']);
    const followUp = await poll('its follow-up planned', async () => {
      const rows = await app.db.db.select().from(nudges).where(and(eq(nudges.recipientId, lea.userId), eq(nudges.kind, 'follow_up'), eq(nudges.status, 'pending')));
      return rows[0];
    });
    expect(followUp.engagementId).toBe(ids['Omar Coach']);
  });

  it('preselects the engagement picked last, and the other choice lands in the other engagement', async () => {
    const modal = await openCheckIn();
    expect(engagementSelect(modal).initial).toBe(ids['Omar Coach']);
    const before = (await latestCheckIn()).id;
    await lea.submit(modal, { ...answers, will: 'Skip the report review on Monday', engagement: ids['Dana Coach'] });
    const row = await poll('the second check-in saved', async () => {
      const r = await latestCheckIn();
      return r.id !== before ? r : undefined;
    });
    expect(row.engagementId).toBe(ids['Dana Coach']);
    expect(engagementSelect(await openCheckIn()).initial).toBe(ids['Dana Coach']);
  });

  it('made no call Slack would refuse', () => {
    expect(app.emu.rejectedCalls().map((c) => `${c.method}: ${c.error}`)).toEqual([]);
    expect(app.emu.callsTo('users.info').filter((c) => c.ok).length).toBeGreaterThan(0);
  });
});
