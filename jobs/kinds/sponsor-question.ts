// The sponsor's two questions, one DM each, sent only to the engagement's sponsor while it
// runs: once the leader has accepted, what outcomes the organisation would like (`outcomes`);
// when the leader's closing review falls due, what change they have seen (`change`: the
// leader sees the answer, the coach only if the leader shares it).
import { sponsorAskFacts } from '../../src/services/sponsor-answer.js';
import { sponsorQuestionMessage } from '../../src/slack/blocks/sponsor-question.js';
import { SPONSOR_ACTIONS } from '../../src/slack/ids.js';
import { checksItsEngagement, post, type KindDefinition } from './kind-definition.js';

const askSponsor = (question: 'outcomes' | 'change'): KindDefinition => ({
  ...checksItsEngagement('sponsor', 'engagement-sponsor'),
  actions: [SPONSOR_ACTIONS.answerOpen],
  async decide({ db, row }) {
    const facts = await sponsorAskFacts({ db, row });
    if (!facts.applies) return facts;
    return post(sponsorQuestionMessage({ question, nudgeId: facts.nudgeId, leaderId: facts.leaderId, coachId: facts.coachId }));
  },
});

export const sponsorOutcomes = askSponsor('outcomes');
export const sponsorChange = askSponsor('change');
