// The sponsor's first question, once the leader has accepted: what outcomes the
// organisation would like. Sent only to the engagement's sponsor, while it runs.
import { sponsorAskFacts } from '../../src/services/sponsor-answer.js';
import { sponsorQuestionMessage } from '../../src/slack/blocks/sponsor-question.js';
import { SPONSOR_ACTIONS } from '../../src/slack/ids.js';
import { AT_WORK, post, type KindDefinition } from './kind-definition.js';

export const sponsorOutcomes: KindDefinition = {
  recipient: 'sponsor',
  plannedBy: ['engagement-sponsor'],
  engagement: 'by-kind',
  rules: AT_WORK,
  actions: [SPONSOR_ACTIONS.answerOpen],
  async decide({ db, row }) {
    const facts = await sponsorAskFacts({ db, row });
    if (!facts.applies) return facts;
    return post(sponsorQuestionMessage({ question: 'outcomes', nudgeId: facts.nudgeId, leaderId: facts.leaderId, coachId: facts.coachId }));
  },
};
