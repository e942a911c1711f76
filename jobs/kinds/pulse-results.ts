// A closed round's results: to the leader when it closes (with their own rating at that
// review beside the scores), and to the coach only once the leader shared them.
import { pulseResultsFacts, pulseSharedFacts } from '../../src/services/pulse-delivery.js';
import { resultTargets } from '../../src/services/pulse-results.js';
import { pulseResultsMessage, pulseSharedMessage } from '../../src/slack/blocks/pulse-results.js';
import { PULSE_ACTIONS } from '../../src/slack/ids.js';
import { checksItsEngagement, post, type KindDefinition } from './kind-definition.js';

export const pulseResults: KindDefinition = {
  // An ended engagement still owes the leader a round that was already open.
  ...checksItsEngagement('leader', 'engagement-pulse'),
  actions: [PULSE_ACTIONS.shareSummary, PULSE_ACTIONS.shareFull],
  async decide({ db, cipher, row, now }) {
    const facts = await pulseResultsFacts({ db, cipher, row, now });
    if (!facts.applies) return facts;
    const { round, release, targets } = facts.results;
    return post(pulseResultsMessage({ roundId: round.id, stage: round.stage, release, asked: facts.asked, targets: resultTargets(targets, round.stage), visibility: round.visibility }));
  },
};

export const pulseShared: KindDefinition = {
  ...checksItsEngagement('coach', 'engagement-pulse'),
  actions: [],
  async decide({ db, cipher, row, now }) {
    const facts = await pulseSharedFacts({ db, cipher, row, now });
    if (!facts.applies) return facts;
    const { round, targets } = facts.results;
    return post(pulseSharedMessage({ leaderId: facts.leaderId, stage: round.stage, view: facts.view, targets: resultTargets(targets, round.stage) }));
  },
};
