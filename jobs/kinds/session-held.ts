// Asks the coach, once, whether a session took place when nobody marked it held two
// days after it was due: only while the engagement runs, the recipient is its coach and
// the session is still unmarked.
import { findSessionWithEngagement } from '../../db/sessions.js';
import { sessionHeldQuestionMessage } from '../../src/slack/blocks/session-held-question.js';
import { NUDGE_ACTIONS } from '../../src/slack/ids.js';
import { FOR_THE_COACH, cancelled, failed, post, skipped, type KindDefinition } from './kind-definition.js';

export const sessionHeld: KindDefinition = {
  ...FOR_THE_COACH,
  actions: [NUDGE_ACTIONS.sessionHeldYes, NUDGE_ACTIONS.sessionHeldNo],
  async decide({ db, row, person }) {
    if (!row.sessionId) return failed('missing_session');
    const found = await findSessionWithEngagement(db, row.teamId, row.sessionId);
    if (!found) return cancelled('session_gone');
    const { session, engagement } = found;
    if (engagement.coachId !== row.recipientId) return cancelled('not_the_coach');
    if (engagement.status !== 'active') return cancelled(`engagement_${engagement.status}`);
    if (session.status !== 'scheduled') return skipped(`session_${session.status}`);
    return post(
      sessionHeldQuestionMessage({ nudgeId: row.id, sessionId: session.id, seq: session.seq, scheduledAt: session.scheduledAt, leaderId: engagement.leaderId, tz: person.tz }),
      [engagement.leaderId],
    );
  },
};
