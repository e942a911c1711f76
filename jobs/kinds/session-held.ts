// Asks the coach, once, whether a session took place when nobody marked it held two
// days after it was due: only while the engagement runs, the recipient is its coach and
// the session is still unmarked.
import { sessionHeldQuestionMessage } from '../../src/slack/blocks/session-held-question.js';
import { NUDGE_ACTIONS } from '../../src/slack/ids.js';
import { scheduledSessionOfCoach } from './coach-session.js';
import { FOR_THE_COACH, post, type KindDefinition } from './kind-definition.js';

export const sessionHeld: KindDefinition = {
  ...FOR_THE_COACH,
  actions: [NUDGE_ACTIONS.sessionHeldYes, NUDGE_ACTIONS.sessionHeldNo],
  async decide({ db, row, person }) {
    const found = await scheduledSessionOfCoach(db, row);
    if ('settle' in found) return found.settle;
    const { session, engagement } = found;
    return post(
      sessionHeldQuestionMessage({ nudgeId: row.id, sessionId: session.id, seq: session.seq, scheduledAt: session.scheduledAt, leaderId: engagement.leaderId, tz: person.tz }),
      [engagement.leaderId],
    );
  },
};
