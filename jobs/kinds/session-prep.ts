// The prompt before a session: their open action and what they already wrote since the
// last session, quoted back to the leader, then one example to bring. Only while the
// session is still ahead.
import { askedTexts, askQuestions } from '../../src/services/questions.js';
import { rowSeal } from '../../db/sealed.js';
import { buildSessionPrepMessage, SAID_SINCE_MAX } from '../../src/slack/blocks/nudge-session-prep.js';
import { NUDGE_ACTIONS } from '../../src/slack/ids.js';
import { IN_THE_RHYTHM, post, skipped, type KindDefinition } from './kind-definition.js';
import { loadOpenAction, loadRowSession, loadRowStyle } from './nudge-facts.js';
import { hasReflection, listOwnWordsSince } from '../../db/reflections.js';
import { previousSessionAt } from '../../db/sessions.js';
import { listActionsAnsweredSince } from '../../db/follow-ups.js';
import { prepQuestionsFor, prepUsesFor } from '../../src/domain/engagement/reflection.js';

export const sessionPrep: KindDefinition = {
  ...IN_THE_RHYTHM,
  actions: [NUDGE_ACTIONS.prepAnswer],
  async decide({ db, cipher, row, person, now }) {
    const session = await loadRowSession(db, row);
    if (!session || session.status === 'cancelled') return skipped('session_cancelled');
    if (session.status === 'held' || session.scheduledAt <= now) return skipped('session_passed');
    const [action, style, prepared] = await Promise.all([loadOpenAction(db, row), loadRowStyle(db, row), hasReflection(db, row.teamId, session.engagementId, 'session_prep')]);
    const uses = Object.values(prepUsesFor(style, !prepared));
    const asked = await askQuestions({ db, cipher, now: () => now }, { teamId: row.teamId, leaderId: row.recipientId, engagementId: row.engagementId, seed: row.id }, uses);
    const since = await previousSessionAt(db, row.teamId, session.engagementId, session.scheduledAt);
    const window = since && { teamId: row.teamId, leaderId: row.recipientId, engagementId: session.engagementId, since, limit: SAID_SINCE_MAX };
    const [saidSince, answeredSince] = window ? await Promise.all([listOwnWordsSince(db, cipher, window), listActionsAnsweredSince(db, cipher, window)]) : [[], []];
    return post(
      buildSessionPrepMessage({
        nudgeId: row.id,
        sessionId: session.id,
        sessionAt: session.scheduledAt,
        tz: person.tz,
        actionText: action ? rowSeal(cipher, 'actions', action).open('text_enc', action.textEnc) : null,
        style,
        saidSince,
        answeredSince,
        questions: prepQuestionsFor(style, !prepared, askedTexts(asked)),
      }),
    );
  },
};
