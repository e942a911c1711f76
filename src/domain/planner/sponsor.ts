// The sponsor's two questions, planned with the engagement: what outcomes the
// organisation hopes for, once the leader has accepted; and what change they have seen,
// when the leader's closing review falls due. Each is asked once, in the sponsor's own
// working hours; nothing is planned without a sponsor, and nothing new once it has ended.
import type { SponsorKind } from '../nudge-kinds.js';
import { nextWorkingInstant, type WorkingHours } from '../time/working-hours.js';
import { dedupeKeyFor, ONCE } from './dedupe-key.js';
import type { EngagementStatus, NudgeSpec } from './types.js';

export type SponsorSpec = Omit<NudgeSpec, 'kind' | 'sessionId'> & { kind: SponsorKind };

export interface SponsorPlanInput {
  engagement: { id: string; status: EngagementStatus; sponsorId: string | null; respondedAt: Date | null };
  sponsorHours: WorkingHours;
  /** When the leader's closing review is due (unpaused), if it is planned. */
  closingReviewAt: Date | null;
}

export function planSponsorAsks(input: SponsorPlanInput): SponsorSpec[] {
  const { engagement, sponsorHours } = input;
  if (!engagement.sponsorId || engagement.status !== 'active' || !engagement.respondedAt) return [];
  const ref = { engagementId: engagement.id };
  const specs: SponsorSpec[] = [
    {
      kind: 'sponsor_outcomes',
      recipientId: engagement.sponsorId,
      dedupeKey: dedupeKeyFor(engagement.id, 'sponsor_outcomes', ONCE),
      // Anchored on the acceptance, so every re-plan lands on the same moment.
      dueAt: nextWorkingInstant(engagement.respondedAt, sponsorHours),
      ref,
    },
  ];
  if (input.closingReviewAt) {
    specs.push({
      kind: 'sponsor_change',
      recipientId: engagement.sponsorId,
      dedupeKey: dedupeKeyFor(engagement.id, 'sponsor_change', ONCE),
      dueAt: nextWorkingInstant(input.closingReviewAt, sponsorHours),
      ref,
    });
  }
  return specs;
}
