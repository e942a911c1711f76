// The invitation a coach's new engagement sends its leader: Accept / Decline. Sent only
// while the engagement is still invited, and only to its leader.
import { findEngagement } from '../../db/engagements.js';
import { loadInvitationState } from '../../src/services/engagement-invitation.js';
import { invitationMessage } from '../../src/slack/blocks/engagement-invitation.js';
import { ENGAGEMENT_ACTIONS } from '../../src/slack/ids.js';
import { cancelled, checksItsEngagement, failed, post, type KindDefinition } from './kind-definition.js';

export const invitation: KindDefinition = {
  ...checksItsEngagement('leader', 'engagement-invitation'),
  actions: [ENGAGEMENT_ACTIONS.accept, ENGAGEMENT_ACTIONS.decline],
  async decide({ db, cipher, row }) {
    const engagementId = row.engagementId ?? (typeof row.ref.engagementId === 'string' ? row.ref.engagementId : undefined);
    const engagement = engagementId ? await findEngagement(db, row.teamId, engagementId) : undefined;
    if (!engagement) return cancelled('engagement_gone');
    if (engagement.status !== 'invited') return cancelled(`engagement_${engagement.status}`);
    if (engagement.leaderId !== row.recipientId) return failed('recipient_not_leader');
    return post(invitationMessage(await loadInvitationState(db, engagement, cipher)));
  },
};
