// The prompt before a session: their open action and what they already wrote since the
// last session, quoted back to the leader, then one example to bring. Only while the
// session is still ahead.
import { askedTexts, askQuestions } from '../../src/services/questions.js';
import { rowSeal } from '../../db/sealed.js';
import { buildSessionPrepMessage, SAID_SINCE_MAX } from '../../src/slack/blocks/nudge-session-prep.js';
import { NUDGE_ACTIONS } from '../../src/slack/ids.js';
import { IN_THE_RHYTHM, post, skipped, type KindDefinition } from './kind-definition.js';
import { loadPrepFacts, loadRowStyle } from './nudge-facts.js';
import { listOwnWordsSince } from '../../db/reflections.js';
import { listActionsAnsweredSince } from '../../db/follow-ups.js';
import { prepQuestionsFor, prepUsesFor } from '../../src/domain/engagement/reflection.js';

export const sessionPrep: KindDefinition = {
  ...IN_THE_RHYTHM,
  actions: [NUDGE_ACTIONS.prepAnswer],
  async decide(input) {
    const { db, cipher, row, person, now } = input;
    const facts = await loadPrepFacts(db, row);
    const session = facts?.session;
    if (!facts || !session || session.status === 'cancelled') return skipped('session_cancelled');
    if (session.status === 'held' || session.scheduledAt <= now) return skipped('session_passed');
    const { action, prepared, since } = facts;
    const style = await loadRowStyle(input);
    const uses = Object.values(prepUsesFor(style, !prepared));
    const asked = await askQuestions({ db, cipher, now: () => now }, { teamId: row.teamId, leaderId: row.recipientId, engagementId: row.engagementId, seed: row.id }, uses);
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
