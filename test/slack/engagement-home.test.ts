// App Home for engagements: the leader's invitation, progress and targets; the coach's
// roster, built only from what leaders share, and "New engagement".
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { insertCheckIn } from '../../db/check-ins.js';
import { saveContracting } from '../../db/contracting.js';
import { upsertPersonTz } from '../../db/people.js';
import { engagements } from '../../db/schema/index.js';
import { formatSessionTime } from '../../src/slack/blocks/nudge-session-prep.js';
import {
  actionIdsIn, click, COACH, LEADER, openedView, seedEngagement, startEngagementHarness, TEAM, waitFor, type EngagementHarness,
  openHomeView,
} from './engagement-support.js';

let h: EngagementHarness;
beforeAll(async () => {
  h = await startEngagementHarness();
});
afterAll(async () => h?.close());
beforeEach(async () => {
  await h.db.db.execute(sql`truncate engagements, check_ins, nudges, people cascade`);
  await upsertPersonTz(h.db.db, TEAM, LEADER, 'Europe/Paris', new Date());
  await upsertPersonTz(h.db.db, TEAM, COACH, 'Europe/London', new Date());
});

/** The published Home view of `userId`, as text. */
const openHome = async (userId: string): Promise<string> => JSON.stringify(await openHomeView(h, userId));

describe('leader App Home', () => {
  it('offers Accept and Decline for a pending invitation, and accepting there opens contracting', async () => {
    const { engagement } = await seedEngagement(h, { status: 'invited', firstAt: new Date(Date.now() + 5 * 86_400_000) });
    const home = await openHome(LEADER);
    expect(actionIdsIn(JSON.parse(home).blocks)).toEqual(expect.arrayContaining(['engagement_accept', 'engagement_decline']));
    expect(home).toContain(`<@${COACH}> would like to coach you`);
    const opens = h.emu.callsTo('views.open').length;
    const publishes = h.emu.callsTo('views.publish').length;
    await click(h, { userId: LEADER, actionId: 'engagement_accept', value: JSON.stringify({ engagementId: engagement.id }) });
    expect((await openedView(h, opens)).callback_id).toBe('engagement_contracting');
    const [row] = await h.db.db.select().from(engagements).where(eq(engagements.id, engagement.id));
    expect(row!.status).toBe('active');
    // Both Homes are refreshed: the leader's now shows the engagement under way.
    const refreshed = await waitFor(() => {
      const calls = h.emu.callsTo('views.publish').slice(publishes);
      return calls.some((c) => c.args.user_id === COACH) && calls.find((c) => c.args.user_id === LEADER);
    });
    expect(actionIdsIn((refreshed.args.view as { blocks: unknown }).blocks)).toContain('contracting_open');
  });

  it('shows progress, the next session on the leader’s clock, targets with baseline, and the session menus', async () => {
    const { engagement, sessions } = await seedEngagement(h, { status: 'active', firstAt: new Date(Date.now() + 2 * 86_400_000) });
    await saveContracting(h.db.db, h.cipher, {
      teamId: TEAM, engagementId: engagement.id, leaderId: LEADER, answers: [],
      targets: [{ position: 1, description: 'Raise difficult topics early', baseline: 4, level: null }],
    });
    const home = await openHome(LEADER);
    expect(home).toContain('6 sessions ahead');
    expect(home).toContain(formatSessionTime(sessions[0]!.scheduledAt, 'Europe/Paris'));
    expect(home).toContain('Raise difficult topics early');
    expect(home).toContain('started at 4/10');
    const ids = actionIdsIn(JSON.parse(home).blocks);
    expect(ids).toContain('session_menu');
    expect(ids).toContain('engagement_end');
    expect(ids).not.toContain('contracting_open');
    // A leader who coaches no one is not offered "New engagement" on their Home.
    expect(ids).not.toContain('engagement_new_open');
  });

  it('offers contracting when the targets are not set yet', async () => {
    await seedEngagement(h, { status: 'active', firstAt: new Date(Date.now() + 2 * 86_400_000) });
    expect(actionIdsIn(JSON.parse(await openHome(LEADER)).blocks)).toContain('contracting_open');
  });
});

describe('coach App Home', () => {
  it('lists the roster with signals from shared check-ins only, and offers a new engagement', async () => {
    const { engagement } = await seedEngagement(h, { status: 'active', firstAt: new Date(Date.now() + 2 * 86_400_000) });
    const checkIn = (commitment: number, visibility: 'private' | 'summary') =>
      insertCheckIn(h.db.db, h.cipher, {
        teamId: TEAM, leaderId: LEADER, engagementId: engagement.id, goal: 'Secret goal text', reality: 'r', options: 'o', will: 'w',
        commitment, visibility, revisited: false, actionDueAt: new Date(Date.now() + 86_400_000),
      });
    await checkIn(8, 'summary');
    await new Promise((r) => setTimeout(r, 5));
    await checkIn(3, 'private');
    const home = await openHome(COACH);
    expect(actionIdsIn(JSON.parse(home).blocks)).toContain('engagement_new_open');
    expect(home).toContain(`<@${LEADER}>`);
    expect(home).toContain('commitment 8/10');
    expect(home).not.toContain('3/10');
    expect(home).not.toContain('Secret goal text');
    expect(home).toContain('6 sessions ahead');
  });
});
