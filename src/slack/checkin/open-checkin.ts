// Opens the check-in modal. Slack's trigger expires in three seconds, so the modal opens
// first, with nothing in between; targets, the default due date and, for a leader with two
// coaches, the choice of engagement follow in an update.
import type { WebClient } from '@slack/web-api';
import { formatLocalDate } from '../../domain/checkin/due-date.js';
import { checkInModal } from '../blocks/checkin-modal.js';
import type { SlackDeps } from '../deps.js';
import { checkInHints, loadCheckInContext } from '../../services/leader-records.js';
import { syncPersonTz } from '../../services/people-sync.js';
import { engagementChoices } from './engagement-choices.js';

export interface OpenCheckInInput {
  client: WebClient;
  triggerId: string;
  teamId: string;
  userId: string;
  /** An action to start from (a coach's recap); the leader can change it before saving. */
  will?: string;
}

export async function openCheckIn(deps: SlackDeps, input: OpenCheckInInput): Promise<void> {
  const opened = await input.client.views.open({ trigger_id: input.triggerId, view: checkInModal({ step: 'checkin', draft: { will: input.will } }) });
  const tz = await syncPersonTz(deps, input.client, input.teamId, input.userId);
  const engagement = await loadCheckInContext(deps, input.teamId, input.userId);
  // The modal is enriched only when there is something of the engagement to add; the
  // bank's hints ride along then, so no extra update races the leader's first keystrokes.
  if (!engagement || !opened.view?.id) return;
  const engagements = await engagementChoices(input.client, engagement.active);
  if (engagement.targets.length === 0 && !engagement.nextSessionAt && engagements.length === 0 && engagement.style === 'standard') return;
  const hints = await checkInHints(deps, input.teamId, input.userId, engagement.engagementId, engagement.style);
  const defaultDue = engagement.nextSessionAt ? `before your next session (${formatLocalDate(engagement.nextSessionAt, tz)})` : undefined;
  try {
    await input.client.views.update({
      view_id: opened.view.id,
      hash: opened.view.hash,
      view: checkInModal({ step: 'checkin', style: engagement.style, baseline: engagement.baseline, targets: engagement.targets, defaultDue, engagements, hints, draft: { engagementId: engagement.engagementId, will: input.will } }),
    });
  } catch (error) {
    // A hash conflict means the leader already moved on (submitted or changed step); the plain modal still works.
    deps.logger.debug({ teamId: input.teamId, err: error }, 'check-in modal not enriched');
  }
}
