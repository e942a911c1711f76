// `/grow pause [days]` and `/grow resume`: the pause is stored until local midnight, the
// plan drops what falls due meanwhile, and resuming brings it back.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { findPerson, upsertPersonTz } from '../../db/people.js';
import { FORM, slashCommandBody } from '../support/app-harness.js';
import { LEADER, pendingNudges, seedEngagement, startEngagementHarness, TEAM, type EngagementHarness } from './engagement-support.js';

let h: EngagementHarness;
beforeAll(async () => {
  h = await startEngagementHarness();
});
afterAll(async () => h?.close());
beforeEach(async () => {
  await h.db.db.execute(sql`truncate engagements, nudges, people cascade`);
  await upsertPersonTz(h.db.db, TEAM, LEADER, 'Europe/Paris', new Date());
});

async function grow(text: string): Promise<string> {
  const res = await h.post(slashCommandBody({ text, triggerId: h.emu.issueTrigger(TEAM, LEADER) }), FORM);
  expect(res.status).toBe(200);
  const body = (await res.json()) as { response_type: string; text: string };
  expect(body.response_type).toBe('ephemeral');
  return body.text;
}

const pausedUntil = async () => (await findPerson(h.db.db, TEAM, LEADER))?.pausedUntil ?? null;

describe('/grow pause and /grow resume', () => {
  it('pauses for 7 days by default, until local midnight, and says the local date', async () => {
    const text = await grow('pause');
    const expected = DateTime.now().setZone('Europe/Paris').startOf('day').plus({ days: 7 });
    expect((await pausedUntil())?.toISOString()).toBe(expected.toUTC().toISO());
    expect(text).toContain(`Paused until *${expected.toFormat('cccc d LLLL')}*`);
    expect(text).toContain('/grow resume');
  });

  it('takes a number of days from 1 to 90', async () => {
    await grow('pause 30');
    const expected = DateTime.now().setZone('Europe/Paris').startOf('day').plus({ days: 30 });
    expect((await pausedUntil())?.getTime()).toBe(expected.toMillis());
  });

  it('answers a bad number with a friendly question and changes nothing', async () => {
    for (const bad of ['0', '91', 'soon', '-2']) {
      expect(await grow(`pause ${bad}`)).toContain('How many days');
      expect(await pausedUntil()).toBeNull();
    }
  });

  it('resumes: the pause is cleared and the leader is told', async () => {
    await grow('pause 3');
    expect(await pausedUntil()).not.toBeNull();
    expect(await grow('resume')).toContain('Welcome back');
    expect(await pausedUntil()).toBeNull();
    expect(await grow('resume')).toContain('not paused');
  });

  it('drops what would fall due during the pause from the plan, and brings it back on resume', async () => {
    const { engagement } = await seedEngagement(h, { status: 'active', firstAt: new Date(Date.now() + 2 * 86_400_000) });
    await h.deps.replan!(TEAM, engagement.id);
    const horizon = DateTime.now().setZone('Europe/Paris').startOf('day').plus({ days: 14 }).toJSDate();
    const dueInPause = async () => (await pendingNudges(h, engagement.id)).filter((n) => n.dueAt < horizon);
    expect((await dueInPause()).length).toBeGreaterThan(0);
    await grow('pause 14');
    expect(await dueInPause()).toEqual([]);
    await grow('resume');
    expect((await dueInPause()).length).toBeGreaterThan(0);
  });
});
