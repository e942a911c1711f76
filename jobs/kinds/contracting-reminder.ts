// The one reminder to set targets, two working days after a leader accepted without
// setting them: only while the engagement runs and its targets are still unset.
import { and, eq } from 'drizzle-orm';
import { findEngagement } from '../../db/engagements.js';
import { targets } from '../../db/schema/index.js';
import { contractingReminderMessage } from '../../src/slack/blocks/contracting-reminder.js';
import { ENGAGEMENT_ACTIONS } from '../../src/slack/ids.js';
import { cancelled, IN_THE_RHYTHM, post, skipped, type KindDefinition } from './kind-definition.js';

export const contractingReminder: KindDefinition = {
  ...IN_THE_RHYTHM,
  actions: [ENGAGEMENT_ACTIONS.contractingOpen],
  async decide({ db, row }) {
    const engagement = await findEngagement(db, row.teamId, row.engagementId!);
    if (!engagement) return cancelled('engagement_gone');
    const [target] = await db.select({ id: targets.id }).from(targets).where(and(eq(targets.teamId, row.teamId), eq(targets.engagementId, engagement.id))).limit(1);
    if (target) return skipped('contracted');
    return post(contractingReminderMessage({ engagementId: engagement.id, coachId: engagement.coachId }));
  },
};
