// Every engagement surface stays within Slack's Block Kit limits with maximal input,
// leaders' words are escaped, and every label is a question.
import { describe, expect, it } from 'vitest';
import { ANSWER_TEXT } from '../../src/domain/engagement/follow-up.js';
import { coachHomeBlocks } from '../../src/slack/blocks/coach-home.js';
import { contractingModal } from '../../src/slack/blocks/contracting-modal.js';
import { answeredMessage, reflectedMessage, snoozedMessage, staleFollowUpMessage, type AnsweredView } from '../../src/slack/blocks/engagement-follow-up-answer.js';
import { leaderEngagementBlocks } from '../../src/slack/blocks/engagement-home.js';
import { invitationMessage, invitationOutcomeMessage } from '../../src/slack/blocks/engagement-invitation.js';
import { engagementNewModal } from '../../src/slack/blocks/engagement-new-modal.js';
import { invitationSentNotice, sessionMovedNotice } from '../../src/slack/blocks/engagement-notices.js';
import { cancelSessionModal, rescheduleModal } from '../../src/slack/blocks/engagement-session-modal.js';
import { leaderHomeView } from '../../src/slack/blocks/leader-home.js';
import { prepAnsweredMessage, prepModal } from '../../src/slack/blocks/prep-modal.js';
import { reflectModal } from '../../src/slack/blocks/reflect-modal.js';
import { closingSummaryMessage, reviewModal } from '../../src/slack/blocks/review-modal.js';
import { validateMessageBlocks, validateView } from '../emulator/block-kit/validate-surface.js';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const hostile = (n: number) => `<!channel> <@U123> ${'é&<'.repeat(n)}`.slice(0, n);
const at = new Date('2026-03-10T09:00:00Z');
const tz = 'America/St_Johns';
const ts = '1795285746.123456';
const meta = { channel: 'D0123456789ABCDEF', ts };

const view: AnsweredView = { nudgeId: id(1), actionId: id(2), actionText: hostile(500), dueAt: at, status: 'open', answeredAt: null, tz };
const targets = [1, 2, 3].map((position) => ({ id: id(position), position, description: hostile(300), baseline: 3, level: 5, midpointRating: 6, closingRating: 9 }));
const sessions = Array.from({ length: 12 }, (_, i) => ({ id: id(100 + i), seq: i + 1, scheduledAt: new Date(at.getTime() + (i - 2) * 7 * 86_400_000), status: 'scheduled' as const }));
const now = new Date(at.getTime() + 86_400_000);

function labelsOf(v: { blocks: unknown[] }): string[] {
  return (v.blocks as { type: string; label?: { text: string } }[]).filter((b) => b.type === 'input').map((b) => b.label!.text);
}

describe('engagement modals', () => {
  const modals = {
    engagementNew: engagementNewModal(),
    contracting: contractingModal({ engagementId: id(9), coachId: 'U0COACH001' }),
    reschedule: rescheduleModal({ sessionId: id(3), seq: 12, at, tz }),
    cancelSession: cancelSessionModal({ sessionId: id(3), seq: 12, at, tz, otherId: 'U0COACH001' }),
    reflect: reflectModal({ meta: { nudgeId: id(1), actionId: id(2), ...meta }, actionText: hostile(500) }),
    prep: prepModal({ meta: { nudgeId: id(1), sessionId: id(3), ...meta }, sessionAt: at, tz }),
    review: reviewModal({ meta: { nudgeId: id(1), engagementId: id(9), ...meta }, stage: 'closing', targets }),
    midpointReview: reviewModal({ meta: { nudgeId: id(1), engagementId: id(9), ...meta }, stage: 'midpoint', targets }),
  };

  it.each(Object.entries(modals))('%s is valid Block Kit, with every label a question', (_, modal) => {
    expect(validateView(modal as never)).toEqual([]);
    for (const label of labelsOf(modal)) expect(label).toMatch(/\?$/);
  });

  it('escapes the leader’s words wherever they are quoted', () => {
    for (const modal of [modals.reflect, modals.review]) {
      const json = JSON.stringify(modal);
      expect(json).not.toContain('<!channel>');
      expect(json).toContain('&lt;!channel&gt;');
    }
  });
});

describe('engagement messages', () => {
  it('are valid Block Kit with maximal input and never let a mention through', () => {
    const messages = [
      invitationMessage({ engagementId: id(9), coachId: 'U0COACH001', sessionCount: 12, cadenceDays: 21, sessionMinutes: 90, firstSessionAt: at, tz }),
      ...(['active', 'declined', 'ended'] as const).map((status) =>
        invitationOutcomeMessage({ engagementId: id(9), coachId: 'U0COACH001', sessionCount: 12, cadenceDays: 21, sessionMinutes: 90, firstSessionAt: at, tz, status, contracted: false }),
      ),
      ...(['done', 'partly', 'not_yet'] as const).map((a) => answeredMessage({ ...view, status: a, answeredAt: at }, a)),
      snoozedMessage(view, at),
      staleFollowUpMessage(view, 'superseded'),
      staleFollowUpMessage({ ...view, status: 'dropped' }, 'answered'),
      staleFollowUpMessage(null, 'gone'),
      reflectedMessage(view, 'private'),
      reflectedMessage({ ...view, status: 'done', answeredAt: at }, 'shared'),
      prepAnsweredMessage('answered', at, tz),
      closingSummaryMessage(targets),
      invitationSentNotice({ leaderId: 'U0LEADER01', sessionCount: 12, cadenceDays: 7, sessionMinutes: 75, firstSessionAt: at, leaderTz: tz, coachTz: 'Asia/Kolkata' }),
      sessionMovedNotice('U0COACH001', 12, at, tz),
    ];
    for (const m of messages) {
      expect(validateMessageBlocks(m.blocks)).toEqual([]);
      expect(JSON.stringify(m)).not.toContain('<!channel>');
      expect(m.text.length).toBeGreaterThan(0);
    }
  });

  it('asks a question back after every answer', () => {
    for (const a of Object.values(ANSWER_TEXT)) expect(a.question).toMatch(/\?$/);
  });
});

describe('App Home sections', () => {
  it('stay valid with three targets, twelve sessions and a full roster, inside the 100-block Home', () => {
    const leader = leaderEngagementBlocks(
      [{ engagement: { id: id(9), coachId: 'U0COACH001', status: 'active', sessionCount: 12, cadenceDays: 7, sessionMinutes: 60 }, sessions, targets, commitments: [3, 5, 8, 10, 9] }],
      tz,
      now,
    );
    const roster = Array.from({ length: 25 }, (_, i) => ({
      engagement: { id: id(200 + i), leaderId: `U0LEADER${String(i).padStart(2, '0')}`, status: 'active' as const },
      sessions: sessions.map((s) => ({ ...s, id: id(300 + i * 20 + s.seq) })),
      signals: { status: 'active' as const, progress: { past: 2, total: 12 }, nextSessionAt: at, lastSharedCheckInAt: at, lastSharedCommitment: 7 },
      attention: [{ kind: 'low_commitment' as const, score: 7 }, { kind: 'not_yet_twice' as const }, { kind: 'session_unmarked' as const, seq: 2 }],
    }));
    const coach = coachHomeBlocks(roster, tz, now);
    expect(leader.length + coach.length).toBeLessThanOrEqual(80);
    const home = leaderHomeView({ currentAction: { text: hostile(500), dueLabel: 'Tue 10 Mar' }, recent: [], localDate: () => 'Tue', extra: [...leader, ...coach] });
    expect(validateView(home as never)).toEqual([]);
    expect(JSON.stringify(leader)).not.toContain('<!channel>');
  });
});
