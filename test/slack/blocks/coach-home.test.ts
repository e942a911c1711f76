// The coach's roster on App Home: every leader reachable, a page at a time inside Block
// Kit's limits, the same buttons on every row, signals put as questions.
import { describe, expect, it } from 'vitest';
import type { AttentionSignal } from '../../../src/domain/engagement/attention.js';
import { coachHomeBlocks, ROSTER_ENTRY_MAX_BLOCKS, ROSTER_PAGE_SIZE, type RosterEntryInput } from '../../../src/slack/blocks/coach-home.js';
import { leaderHomeView } from '../../../src/slack/blocks/leader-home.js';
import { COACH_ACTIONS, ENGAGEMENT_ACTIONS } from '../../../src/slack/ids.js';
import { parseRosterPage } from '../../../src/slack/engagement-button-value.js';
import { validateView } from '../../emulator/block-kit/validate-surface.js';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const now = new Date('2026-03-10T09:00:00Z');
const DAY = 86_400_000;
const leader = (i: number) => `U0LEADER${String(i).padStart(3, '0')}`;

function entry(i: number, attention: AttentionSignal[] = []): RosterEntryInput {
  return {
    engagement: { id: id(i), leaderId: leader(i), status: 'active' },
    // Two past sessions never marked and two ahead: the most rows a leader can have.
    sessions: [-2, -1, 1, 2].map((d, k) => ({ id: id(1000 + i * 10 + k), seq: k + 1, scheduledAt: new Date(now.getTime() + d * 7 * DAY), status: 'scheduled' as const })),
    signals: { status: 'active', progress: { past: 2, total: 4 }, nextSessionAt: new Date(now.getTime() + 7 * DAY), lastSharedCheckInAt: null, lastSharedCommitment: null },
    attention,
  };
}

const buttons = (blocks: ReturnType<typeof coachHomeBlocks>) =>
  blocks.flatMap((b): unknown[] => (b.type === 'actions' ? b.elements : b.type === 'section' && b.accessory ? [b.accessory] : [])) as { action_id: string; value?: string }[];

describe("the coach's roster", () => {
  const roster = Array.from({ length: 25 }, (_, i) => entry(i, i % 3 === 0 ? [{ kind: 'not_yet_twice' }, { kind: 'session_unmarked', seq: 1 }] : []));

  it('shows every one of 25 leaders across its pages, each exactly once', () => {
    const seen: string[] = [];
    let page = 0;
    for (;;) {
      const blocks = coachHomeBlocks(roster, 'UTC', now, page);
      const text = JSON.stringify(blocks);
      seen.push(...roster.map((e) => e.engagement.leaderId).filter((l) => text.includes(`<@${l}>`)));
      const next = buttons(blocks).find((b) => b.action_id === COACH_ACTIONS.rosterNext && b.value && parseRosterPage(b.value) > page);
      if (!next) break;
      page = parseRosterPage(next.value);
    }
    expect(seen.sort()).toEqual(roster.map((e) => e.engagement.leaderId).sort());
    expect(page).toBe(Math.ceil(25 / ROSTER_PAGE_SIZE) - 1);
  });

  it('keeps each page, beside a full leader Home, inside the Home tab and Block Kit rules', () => {
    for (let page = 0; page < 4; page++) {
      const blocks = coachHomeBlocks(roster, 'UTC', now, page);
      expect(blocks.length).toBeLessThanOrEqual(ROSTER_PAGE_SIZE * ROSTER_ENTRY_MAX_BLOCKS + 6);
      const home = leaderHomeView({ currentAction: { text: 'x', dueLabel: 'Tue' }, recent: [], localDate: () => 'Tue', extra: blocks });
      expect(home.blocks.length).toBeLessThan(100);
      expect(validateView(home as never)).toEqual([]);
    }
  });

  it('gives every running engagement a brief, its sessions to move and the end button', () => {
    const blocks = coachHomeBlocks(roster.slice(0, 3), 'UTC', now);
    const ids = buttons(blocks).map((b) => b.action_id);
    expect(ids.filter((a) => a === COACH_ACTIONS.briefNow)).toHaveLength(3);
    expect(ids.filter((a) => a === ENGAGEMENT_ACTIONS.end)).toHaveLength(3);
    expect(ids.filter((a) => a === ENGAGEMENT_ACTIONS.sessionMenu).length).toBeGreaterThanOrEqual(3);
    expect(buttons(blocks).some((b) => b.action_id === COACH_ACTIONS.rosterNext || b.action_id === COACH_ACTIONS.rosterPrevious)).toBe(false);
  });

  it('puts signals as questions under the leader they concern', () => {
    const blocks = coachHomeBlocks([entry(1, [{ kind: 'low_commitment', score: 6 }])], 'UTC', now);
    const text = JSON.stringify(blocks);
    expect(text).toContain('Their latest commitment was 6/10. Is the goal still theirs');
    expect(text).toContain('1 with something to ask about');
  });

  it('reads a page past the end as the last page', () => {
    const last = JSON.stringify(coachHomeBlocks(roster, 'UTC', now, 99));
    expect(last).toContain(`<@${roster[24]!.engagement.leaderId}>`);
  });
});
