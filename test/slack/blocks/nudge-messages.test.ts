// Nudge messages: valid Block Kit even with maximal input, the leader's words escaped so
// they can never mention anyone, questions rather than advice, and the stable action ids
// and values the click handlers rely on.
import { describe, expect, it } from 'vitest';
import { buildCheckInPromptMessage } from '../../../src/slack/blocks/nudge-checkin-prompt.js';
import { buildFollowUpMessage } from '../../../src/slack/blocks/nudge-follow-up.js';
import type { NudgeMessage } from '../../../src/slack/blocks/nudge-message.js';
import { buildReviewMessage } from '../../../src/slack/blocks/nudge-review.js';
import { buildSessionPrepMessage } from '../../../src/slack/blocks/nudge-session-prep.js';
import { parseNudgeValue } from '../../../src/slack/nudge-button-value.js';
import { validateMessageBlocks } from '../../emulator/block-kit/validate-surface.js';

const NUDGE = '11111111-1111-4111-8111-111111111111';
const ACTION = '22222222-2222-4222-8222-222222222222';
const SESSION = '33333333-3333-4333-8333-333333333333';
const ENGAGEMENT = '44444444-4444-4444-8444-444444444444';
const hostile = '<!channel> <@U123> <https://evil.example|click> & more';
// 3000 characters that all grow when escaped, plus a mention at the very end.
const maximal = `${'&<>'.repeat(999)}<!here>`.slice(0, 3000);

interface Button {
  type: string;
  action_id: string;
  value?: string;
  text: { text: string };
}

function buttons(message: NudgeMessage): Button[] {
  return message.blocks.flatMap((b) => (b.type === 'actions' ? (b.elements as unknown as Button[]) : []));
}

function mrkdwnTexts(message: NudgeMessage): string[] {
  return message.blocks.flatMap((b) => {
    const block = b as { text?: { text: string }; elements?: { type: string; text?: string }[] };
    return [block.text?.text ?? '', ...(block.elements ?? []).map((e) => (e.type === 'mrkdwn' ? (e.text ?? '') : ''))];
  });
}

const all = (text: string): NudgeMessage[] => [
  buildFollowUpMessage({ nudgeId: NUDGE, actionId: ACTION, actionText: text, dueAt: new Date('2026-12-03T17:30:00Z'), tz: 'Europe/Paris' }),
  buildSessionPrepMessage({ nudgeId: NUDGE, sessionId: SESSION, sessionAt: new Date('2026-12-03T09:00:00Z'), tz: 'America/New_York', actionText: text }),
  buildCheckInPromptMessage({ nudgeId: NUDGE, sessionId: SESSION }),
  buildReviewMessage({ nudgeId: NUDGE, engagementId: ENGAGEMENT, stage: 'midpoint', targets: [1, 2, 3].map(() => ({ description: text, baseline: 4 })) }),
  buildReviewMessage({ nudgeId: NUDGE, engagementId: ENGAGEMENT, stage: 'closing', targets: [{ description: text, baseline: 10 }] }),
];

describe('nudge messages', () => {
  it('are valid Block Kit with maximal input', () => {
    for (const message of all(maximal)) expect(validateMessageBlocks(message.blocks)).toEqual([]);
  });

  it('escape the leader’s words so no mention or link turns live', () => {
    for (const message of all(hostile)) {
      const texts = mrkdwnTexts(message).join('\n');
      expect(texts).not.toMatch(/<!channel>|<@U123>|<https:/);
    }
    const followUp = all(hostile)[0]!;
    expect(mrkdwnTexts(followUp).join('\n')).toContain('&lt;!channel&gt; &lt;@U123&gt; &lt;https://evil.example|click&gt; &amp; more');
    for (const message of all(maximal)) {
      const texts = mrkdwnTexts(message).join('\n');
      expect(texts).not.toContain('<!here>');
      // A cut never leaves half an entity behind.
      expect(texts).not.toMatch(/&(a|am|amp|l|lt|g|gt)?…/);
    }
  });

  it('cut maximal action text to fit a section, and say so with an ellipsis', () => {
    const followUp = all(maximal)[0]!;
    const quoted = followUp.blocks[1] as { text: { text: string; verbatim?: boolean } };
    expect(quoted.text.text.length).toBeLessThanOrEqual(3000);
    expect(quoted.text.text.endsWith('…')).toBe(true);
    expect(quoted.text.verbatim).toBe(true);
  });

  it('carry a question as the notification text, never the leader’s words', () => {
    for (const message of all(hostile)) {
      expect(message.text).toMatch(/\?$/);
      expect(message.text).not.toContain('channel');
    }
  });

  it('ask, and do not tell: every opening line is a question', () => {
    for (const message of all('Give the weekly update')) {
      const opening = (message.blocks[0] as { text: { text: string } }).text.text;
      expect(opening).toMatch(/\?/);
    }
  });

  it('follow-up: five answers with stable action ids, each valued with the nudge and the action', () => {
    const message = all('x')[0]!;
    const list = buttons(message);
    expect(list.map((b) => b.action_id)).toEqual(['followup_done', 'followup_partly', 'followup_not_yet', 'followup_snooze', 'followup_reflect']);
    expect(list.map((b) => b.text.text)).toEqual(['Done', 'Partly', 'Not yet', 'Snooze 2 working days', 'Reflect…']);
    for (const b of list) expect(parseNudgeValue(b.value)).toEqual({ nudgeId: NUDGE, actionId: ACTION });
    expect(JSON.stringify(message.blocks)).toContain('due Thu 3 Dec');
  });

  it('session prep asks for one real example, not again what happened, shows the session on the leader’s clock, and opens the answer modal', () => {
    const message = all('x')[1]!;
    const json = JSON.stringify(message.blocks);
    expect(json).toContain('Which one real example would you like to bring');
    expect(json).not.toContain('What happened with your commitment?');
    expect(json).toContain('What do you want from the next session?');
    expect(json).toContain('Thursday 3 December at 04:00');
    expect(buttons(message).map((b) => [b.action_id, parseNudgeValue(b.value)])).toEqual([['prep_answer', { nudgeId: NUDGE, sessionId: SESSION }]]);
  });

  it('check-in prompt and reviews open their modals with the right values', () => {
    const [, , prompt, midpoint, closing] = all('x');
    expect(buttons(prompt!).map((b) => [b.action_id, parseNudgeValue(b.value)])).toEqual([['checkin_open', { nudgeId: NUDGE, sessionId: SESSION }]]);
    for (const review of [midpoint!, closing!]) {
      expect(buttons(review).map((b) => [b.action_id, parseNudgeValue(b.value)])).toEqual([['review_open', { nudgeId: NUDGE, engagementId: ENGAGEMENT }]]);
    }
    expect(JSON.stringify(midpoint!.blocks)).toContain('you started at 4/10');
  });
});
