// Changing how Grow works with a leader: only the leader, only a running engagement, only
// a style Grow knows; a change re-plans at once, and the database refuses an unknown style.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engagements } from '../../db/schema/index.js';
import { loadStyleChoice, saveStyleChoice } from '../../src/services/engagement-style.js';
import { COACH, LEADER, TEAM, pendingNudges, seedEngagement, startEngagementHarness, type EngagementHarness } from '../slack/engagement-support.js';

const ALL = ['follow_up', 'session_prep', 'checkin_prompt', 'midpoint_review', 'closing_review'];
let h: EngagementHarness;
let id: string;
const kinds = async () => [...new Set((await pendingNudges(h, id)).map((n) => n.kind))].sort();

beforeAll(async () => {
  h = await startEngagementHarness();
  id = (await seedEngagement(h, { status: 'active', firstAt: new Date(Date.now() + 3 * 86_400_000) })).engagement.id;
  await h.deps.replan!(TEAM, id);
});
afterAll(async () => h?.close());

describe('changing the style', () => {
  it('starts from the full rhythm', async () => {
    expect(await loadStyleChoice(h.deps, { teamId: TEAM, userId: LEADER, engagementId: id })).toEqual({ style: 'standard', mutedKinds: [] });
    expect(await kinds()).toEqual(['checkin_prompt', 'closing_review', 'midpoint_review', 'session_prep']);
  });

  it('the light style drops the prompts and reviews from the plan at once', async () => {
    expect(await saveStyleChoice(h.deps, { teamId: TEAM, userId: LEADER, engagementId: id, style: 'light', keptKinds: ALL })).toEqual({ outcome: 'saved', style: 'light', mutedKinds: [] });
    expect(await kinds()).toEqual(['session_prep']);
  });

  it('unticking a kind mutes it; ticking it again brings it back', async () => {
    await saveStyleChoice(h.deps, { teamId: TEAM, userId: LEADER, engagementId: id, style: 'chooser', keptKinds: ['session_prep', 'closing_review'] });
    expect(await kinds()).toEqual(['closing_review', 'session_prep']);
    await saveStyleChoice(h.deps, { teamId: TEAM, userId: LEADER, engagementId: id, style: 'chooser', keptKinds: ALL });
    expect(await kinds()).toEqual(['checkin_prompt', 'closing_review', 'midpoint_review', 'session_prep']);
  });

  it('refuses the coach, and anyone else, and changes nothing', async () => {
    for (const userId of [COACH, 'U0SOMEONE1']) {
      await expect(saveStyleChoice(h.deps, { teamId: TEAM, userId, engagementId: id, style: 'light', keptKinds: [] })).rejects.toMatchObject({ code: 'forbidden' });
    }
    const [row] = await h.db.db.select().from(engagements).where(eq(engagements.id, id));
    expect([row!.style, row!.mutedKinds]).toEqual(['chooser', []]);
  });

  it('answers an unknown style with an inline error, and the database refuses one too', async () => {
    expect(await saveStyleChoice(h.deps, { teamId: TEAM, userId: LEADER, engagementId: id, style: 'relaxed', keptKinds: ALL })).toEqual({ outcome: 'invalid', errors: { style: 'Please pick one of these.' } });
    await expect(h.db.db.update(engagements).set({ style: 'relaxed' as never }).where(eq(engagements.id, id))).rejects.toThrow();
  });

  it('refuses a finished engagement', async () => {
    await h.db.db.update(engagements).set({ status: 'ended' }).where(eq(engagements.id, id));
    await expect(saveStyleChoice(h.deps, { teamId: TEAM, userId: LEADER, engagementId: id, style: 'light', keptKinds: ALL })).rejects.toMatchObject({ code: 'stale' });
  });
});
