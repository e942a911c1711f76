// The stakeholder's question and its one reminder: sent to someone still asked, while the
// round is open and the engagement running, in the stakeholder's own zone and hours.
import { pulseQuestionFacts } from '../../src/services/pulse-delivery.js';
import { pulseQuestionMessage } from '../../src/slack/blocks/pulse-question.js';
import { PULSE_ACTIONS } from '../../src/slack/ids.js';
import { AT_WORK, post, type KindDefinition } from './kind-definition.js';

function pulseAsk(reminder: boolean): KindDefinition {
  return {
    recipient: 'stakeholder',
    plannedBy: ['engagement-pulse'],
    engagement: 'by-kind',
    rules: AT_WORK,
    actions: [PULSE_ACTIONS.answerOpen, PULSE_ACTIONS.decline],
    async decide({ db, cipher, row, person, now }) {
      const facts = await pulseQuestionFacts({ db, cipher, row, now });
      if (!facts.applies) return facts;
      return post(pulseQuestionMessage({ ...facts, tz: person.tz, reminder }));
    },
  };
}

export const pulseQuestion = pulseAsk(false);
export const pulseReminder = pulseAsk(true);
