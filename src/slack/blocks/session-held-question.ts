// The coach's question about a session nobody marked held two days after it was due:
// did it take place? Yes marks it held; No marks it as not having happened (cancelled),
// so it no longer counts as one of the engagement's sessions. The answer replaces the
// buttons in the same message.
import { encodeNudgeValue } from '../nudge-button-value.js';
import { actionsBlock, context, message, section, type Message } from './kit.js';
import type { NudgeMessage } from './nudge-message.js';
import { formatSessionTime } from './nudge-session-prep.js';
import { NUDGE_ACTIONS } from '../ids.js';

export interface SessionHeldFacts {
  nudgeId: string;
  sessionId: string;
  seq: number;
  scheduledAt: Date;
  leaderId: string;
  /** The coach's zone. */
  tz: string;
}

const what = (f: Pick<SessionHeldFacts, 'seq' | 'scheduledAt' | 'leaderId' | 'tz'>) =>
  `session ${f.seq} with <@${f.leaderId}>, ${formatSessionTime(f.scheduledAt, f.tz)}`;

export function sessionHeldQuestionMessage(f: SessionHeldFacts): NudgeMessage {
  const value = encodeNudgeValue({ nudgeId: f.nudgeId, sessionId: f.sessionId });
  return message({
    notification: 'Grow: did your coaching session take place?',
    blocks: [
      section(`*Did ${what(f)}, take place?* It has not been marked held yet.`),
      actionsBlock('session_held_answer', [
        { text: 'Yes, it was held', actionId: NUDGE_ACTIONS.sessionHeldYes, value, style: 'primary' },
        { text: 'No, it did not happen', actionId: NUDGE_ACTIONS.sessionHeldNo, value },
      ]),
      context('Grow asks once. You can also mark sessions from the Grow Home tab.'),
    ],
  });
}

export type SessionHeldOutcome = 'held' | 'cancelled';

/** What the question turns into: the answer, or how the session already stands. */
export function sessionHeldAnsweredMessage(f: Pick<SessionHeldFacts, 'seq' | 'scheduledAt' | 'leaderId' | 'tz'>, outcome: SessionHeldOutcome, already: boolean): Message {
  const line =
    outcome === 'held'
      ? `✅ ${already ? 'Already marked held' : 'Marked held'}: ${what(f)}.`
      : `${already ? 'Already marked as not held' : 'Marked as not held'}: ${what(f)}. It no longer counts among the engagement’s sessions.`;
  return message({ notification: `Grow: session ${f.seq} ${outcome === 'held' ? 'marked held' : 'marked as not held'}.`, blocks: [section(line)] });
}
