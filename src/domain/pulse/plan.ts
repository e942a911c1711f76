// The pulse's messages for one engagement, from its rounds: each person asked gets the
// question when the round opens and at most one reminder three working days later (only
// if that is still before the close); the leader gets the results when it closes, and
// the coach gets them only after the leader chose to share them.
import type { PulseKind } from '../nudge-kinds.js';
import { addWorkingDays } from '../time/working-days.js';
import type { WorkingHours } from '../time/working-hours.js';
import { REMINDER_AFTER_WORKING_DAYS, type PulseStage } from './rules.js';
import type { PlannedRound } from './rounds.js';

export { PULSE_KINDS, type PulseKind } from '../nudge-kinds.js';

export interface PulseSpec {
  kind: PulseKind;
  recipientId: string;
  dedupeKey: string;
  dueAt: Date;
  ref: { stage: PulseStage };
}

export interface PulsePlanInput {
  engagement: { id: string; leaderId: string; coachId: string };
  rounds: (PlannedRound & { sharedAt?: Date | null })[];
  hours: WorkingHours;
}

/** Where a reminder lands, or null when the round closes first. */
export function reminderTime(round: Pick<PlannedRound, 'opensAt' | 'closesAt'>, hours: WorkingHours): Date | null {
  const at = addWorkingDays(round.opensAt, REMINDER_AFTER_WORKING_DAYS, hours);
  return at.getTime() < round.closesAt.getTime() ? at : null;
}

export function planPulse(input: PulsePlanInput): PulseSpec[] {
  const { engagement, hours } = input;
  const key = (kind: PulseKind, stage: PulseStage, who?: string) => `${engagement.id}:${kind}:${stage}${who ? `:${who}` : ''}`;
  return input.rounds.flatMap((round) => {
    const ref = { stage: round.stage };
    const remindAt = reminderTime(round, hours);
    const specs: PulseSpec[] = round.invitees.flatMap((userId) => [
      { kind: 'pulse_question' as const, recipientId: userId, dedupeKey: key('pulse_question', round.stage, userId), dueAt: round.opensAt, ref },
      ...(remindAt ? [{ kind: 'pulse_reminder' as const, recipientId: userId, dedupeKey: key('pulse_reminder', round.stage, userId), dueAt: remindAt, ref }] : []),
    ]);
    specs.push({ kind: 'pulse_results', recipientId: engagement.leaderId, dedupeKey: key('pulse_results', round.stage), dueAt: round.closesAt, ref });
    if (round.sharedAt) {
      const dueAt = new Date(Math.max(round.sharedAt.getTime(), round.closesAt.getTime()));
      specs.push({ kind: 'pulse_shared', recipientId: engagement.coachId, dedupeKey: key('pulse_shared', round.stage), dueAt, ref });
    }
    return specs;
  });
}
