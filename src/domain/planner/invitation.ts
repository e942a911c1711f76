// The contracting invitation, sent when a coach starts an engagement. It is planned on
// its own because the engagement is not active yet: the leader has to accept it.
import { nextWorkingInstant, type WorkingHours } from '../time/working-hours.js';
import { dedupeKeyFor, ONCE } from './dedupe-key.js';
import { resolveRhythm, type RhythmSettings } from './rhythm.js';
import type { EngagementStatus, NudgeSpec } from './types.js';

export type InvitationSpec = Omit<NudgeSpec, 'kind' | 'sessionId'> & { kind: 'invitation' };

export interface InvitationInput {
  engagement: { id: string; status: EngagementStatus };
  leader: { userId: string; hours: WorkingHours };
  rhythm?: Partial<RhythmSettings>;
  now: Date;
}

/**
 * Right away if the leader is at work, else when their working day opens: an invitation
 * is still a message to a person. Nothing once the engagement is no longer `invited`.
 */
export function planInvitation(input: InvitationInput): InvitationSpec | null {
  if (input.engagement.status !== 'invited') return null;
  const rhythm = resolveRhythm(input.rhythm);
  const preferred = new Date(input.now.getTime() + rhythm.invitationDelayMinutes * 60_000);
  return {
    kind: 'invitation',
    recipientId: input.leader.userId,
    dedupeKey: dedupeKeyFor(input.engagement.id, 'invitation', ONCE),
    dueAt: nextWorkingInstant(preferred, input.leader.hours),
    ref: { engagementId: input.engagement.id },
  };
}
