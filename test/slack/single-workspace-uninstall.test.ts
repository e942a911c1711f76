// Single-workspace mode (SLACK_BOT_TOKEN): an uninstall or revocation stops planning for the
// workspace; the next signed request lifts the stop only if Slack accepts the token again.
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncEngagementPlan } from '../../db/plan-sync.js';
import { engagements, installations, nudges, sessions } from '../../db/schema/index.js';
import { COACH, LEADER, startHarness, TEAM, waitFor, type Harness } from '../support/app-harness.js';

let h: Harness;
let engagementId: string;
beforeAll(async () => {
  h = await startHarness();
  const first = new Date(Date.now() + 3 * 86_400_000);
  const [e] = await h.db.db
    .insert(engagements)
    .values({ teamId: TEAM, coachId: COACH, leaderId: LEADER, status: 'active', startDate: first.toISOString().slice(0, 10), sessionCount: 6, cadenceDays: 14 })
    .returning();
  engagementId = e!.id;
  await h.db.db.insert(sessions).values(Array.from({ length: 6 }, (_, i) => ({ teamId: TEAM, engagementId, seq: i + 1, scheduledAt: new Date(first.getTime() + i * 14 * 86_400_000) })));
});
afterAll(async () => h?.close());

const eventBody = (event: Record<string, unknown>) =>
  JSON.stringify({ token: 'x', team_id: TEAM, api_app_id: 'A0GROW0001', type: 'event_callback', event_id: `Ev${Math.random()}`, event_time: 1, event });
const pending = async () => h.db.db.select().from(nudges).where(and(eq(nudges.engagementId, engagementId), inArray(nudges.status, ['pending'])));
const stopped = async () => (await h.db.db.select().from(installations).where(eq(installations.teamId, TEAM)))[0]?.uninstalledAt ?? null;
const plan = () => syncEngagementPlan(h.db.db, { teamId: TEAM, engagementId, now: new Date(), rhythm: h.config.rhythm, defaultWorkingHours: h.config.defaultWorkingHours });
const userChange = () => h.post(eventBody({ type: 'user_change', user: { id: 'U0SOMEONE1', tz: 'UTC' } }), 'application/json');

describe('uninstall in single-workspace mode', () => {
  it('marks the workspace stopped, and planners create nothing for it', async () => {
    expect((await plan()).inserted).toBeGreaterThan(0);
    expect((await h.post(eventBody({ type: 'app_uninstalled' }), 'application/json')).status).toBe(200);
    await waitFor(async () => (await stopped()) !== null);
    expect(await pending()).toHaveLength(0);
    expect((await plan()).inserted).toBe(0);
    expect(await pending()).toHaveLength(0);
  });

  it('a signed request authorised with the working token makes it live again and re-plans', async () => {
    expect((await userChange()).status).toBe(200);
    await waitFor(async () => (await stopped()) === null);
    expect((await pending()).length).toBeGreaterThan(0);
  });

  it('stays stopped while Slack refuses the token', async () => {
    expect((await h.post(eventBody({ type: 'tokens_revoked', tokens: { bot: ['B0GROW0001'] } }), 'application/json')).status).toBe(200);
    await waitFor(async () => (await stopped()) !== null);
    h.emu.revokeToken(h.config.slack.botToken!);
    expect((await userChange()).status).toBe(200);
    expect(await stopped()).not.toBeNull();
    expect((await plan()).inserted).toBe(0);
    expect(await pending()).toHaveLength(0);
  });
});
