// What the midpoint and the closing review share: the engagement's targets, each to be
// rated again against its baseline.
import { and, asc, eq } from 'drizzle-orm';
import { targets } from '../../db/schema/index.js';
import { rowSeal } from '../../db/sealed.js';
import type { ReviewStage } from '../../src/domain/engagement/review.js';
import { buildReviewMessage } from '../../src/slack/blocks/nudge-review.js';
import { NUDGE_ACTIONS } from '../../src/slack/ids.js';
import { AT_WORK, post, type KindDefinition } from './kind-definition.js';
import { loadRowStyle } from './nudge-facts.js';
import { listExperiments } from '../../db/experiments.js';
import { askQuestions } from '../../src/services/questions.js';

export function targetReview(stage: ReviewStage): KindDefinition {
  return {
    recipient: 'leader',
    plannedBy: ['engagement-rhythm'],
    engagement: 'always',
    rules: AT_WORK,
    actions: [NUDGE_ACTIONS.reviewOpen],
    async decide({ db, cipher, row, now }) {
      const rows = await db
        .select()
        .from(targets)
        .where(and(eq(targets.teamId, row.teamId), eq(targets.engagementId, row.engagementId!)))
        .orderBy(asc(targets.position));
      const list = rows.map((t) => ({ description: rowSeal(cipher, 'targets', t).open('description_enc', t.descriptionEnc), baseline: t.baseline }));
      const experiments = stage === 'closing' && (await loadRowStyle(db, row)) === 'experiment' ? await listExperiments(db, cipher, row.teamId, row.engagementId!) : undefined;
      // The midpoint opens with a question from the bank, never the one this leader was asked at their last midpoint.
      const question = stage === 'midpoint' ? (await askQuestions({ db, cipher, now: () => now }, { teamId: row.teamId, leaderId: row.recipientId, engagementId: row.engagementId, seed: row.id }, ['midpoint'])).midpoint.text : undefined;
      return post(buildReviewMessage({ nudgeId: row.id, engagementId: row.engagementId!, stage, targets: list, experiments, question }));
    },
  };
}
