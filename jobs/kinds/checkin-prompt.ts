// The mid-cycle nudge to check in, unless the leader already has since the last session.
import { and, eq, gte } from 'drizzle-orm';
import { checkIns } from '../../db/schema/index.js';
import { buildCheckInPromptMessage } from '../../src/slack/blocks/nudge-checkin-prompt.js';
import { NUDGE_ACTIONS } from '../../src/slack/ids.js';
import { AT_WORK, IN_THE_RHYTHM, post, skipped, type KindDefinition } from './kind-definition.js';
import { loadRowSession } from './nudge-facts.js';
import { askQuestions } from '../../src/services/questions.js';

export const checkInPrompt: KindDefinition = {
  ...IN_THE_RHYTHM,
  rules: { ...AT_WORK, backOff: true },
  actions: [NUDGE_ACTIONS.checkInOpen],
  async decide({ db, cipher, row, now }) {
    const session = await loadRowSession(db, row);
    if (!session || session.status === 'cancelled') return skipped('session_cancelled');
    const [since] = await db
      .select({ id: checkIns.id })
      .from(checkIns)
      .where(and(eq(checkIns.teamId, row.teamId), eq(checkIns.leaderId, row.recipientId), gte(checkIns.createdAt, session.scheduledAt)))
      .limit(1);
    if (since) return skipped('checked_in');
    // It opens with a question from the bank, never the one this leader was asked last time.
    const { checkin_prompt: asked } = await askQuestions({ db, cipher, now: () => now }, { teamId: row.teamId, leaderId: row.recipientId, engagementId: row.engagementId, seed: row.id }, ['checkin_prompt']);
    return post(buildCheckInPromptMessage({ nudgeId: row.id, sessionId: session.id, question: asked.text }));
  },
};
