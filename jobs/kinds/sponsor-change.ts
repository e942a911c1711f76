// The sponsor's second question, when the leader's closing review falls due: what change
// they have seen. The leader sees the answer; the coach only if the leader shares it.
import { sponsorAskFacts } from '../../src/services/sponsor-answer.js';
import { sponsorQuestionMessage } from '../../src/slack/blocks/sponsor-question.js';
import { SPONSOR_ACTIONS } from '../../src/slack/ids.js';
import { AT_WORK, post, type KindDefinition } from './kind-definition.js';

export const sponsorChange: KindDefinition = {
  recipient: 'sponsor',
  plannedBy: ['engagement-sponsor'],
  engagement: 'by-kind',
  rules: AT_WORK,
  actions: [SPONSOR_ACTIONS.answerOpen],
  async decide({ db, row }) {
    const facts = await sponsorAskFacts({ db, row });
    if (!facts.applies) return facts;
    return post(sponsorQuestionMessage({ question: 'change', nudgeId: facts.nudgeId, leaderId: facts.leaderId, coachId: facts.coachId }));
  },
};
