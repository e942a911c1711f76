// Names a leader's engagements by their coach for the check-in's engagement select
// ("With Dana Coach"). Names come from Slack each time; Grow does not store them.
import type { WebClient } from '@slack/web-api';
import type { ActiveEngagement } from '../../services/leader-records.js';
import type { EngagementChoice } from '../blocks/checkin-modal.js';

export async function engagementChoices(client: WebClient, active: ActiveEngagement[]): Promise<EngagementChoice[]> {
  if (active.length < 2) return [];
  return Promise.all(
    active.map(async (e, i) => {
      const name = await client.users
        .info({ user: e.coachId })
        .then((r) => r.user?.real_name || r.user?.profile?.display_name || undefined)
        .catch(() => undefined);
      return { id: e.id, label: name ? `With ${name}` : `With your coach (${i + 1} of ${active.length})` };
    }),
  );
}
