// The invitation DM a leader receives when a coach starts an engagement, and what it
// turns into once answered: the buttons give way to the outcome, in the same message.
import { cadenceLabel, INVITATION_NOTE_MAX } from '../../domain/engagement/draft.js';
import { userTextSection } from './nudge-message.js';
import { CONFIDENTIALITY_TERMS } from '../../domain/engagement/contracting.js';
import { SPONSOR_NEVER_SEES, SPONSOR_SEES } from '../../domain/privacy/index.js';
import type { EngagementStatus } from '../../domain/planner/types.js';
import { formatSessionTime } from './nudge-session-prep.js';
import { encodeEngagementValue } from '../engagement-button-value.js';
import { actionsBlock, context, message, section, type Block, type Message } from './kit.js';
import { ENGAGEMENT_ACTIONS } from '../ids.js';

export const INVITATION_BLOCK_ID = 'invitation_answer';

export interface InvitationFacts {
  engagementId: string;
  coachId: string;
  sessionCount: number;
  cadenceDays: number;
  sessionMinutes: number;
  firstSessionAt: Date | null;
  /** The leader's zone: every time in the message is on their clock. */
  tz: string;
  /** The coach's personal note ("why I'd like to work with you"), in their words. */
  note?: string | null;
  /** The sponsor the coach named, if any. */
  sponsorId?: string | null;
}

/** Who the sponsor is and exactly what they will see: the sponsor view's own list. */
export function sponsorTerms(sponsorId: string): string {
  return `*Your sponsor: <@${sponsorId}>*
They will see ${SPONSOR_SEES.join('; ')} — ${SPONSOR_NEVER_SEES}. After you accept, Grow asks them once what outcomes the organisation would like (you and your coach see their answer), and at the close what change they have seen (you see it; your coach only if you share it).`;
}

function summary(f: InvitationFacts): string {
  const first = f.firstSessionAt ? `, starting *${formatSessionTime(f.firstSessionAt, f.tz)}* (your time)` : '';
  return `${f.sessionCount} sessions of ${f.sessionMinutes} minutes, ${cadenceLabel(f.cadenceDays).toLowerCase()}${first}.`;
}

export function invitationMessage(f: InvitationFacts): Message {
  const value = encodeEngagementValue(f.engagementId);
  return message({
    notification: 'Grow: you are invited to a coaching engagement. Would you like to start?',
    blocks: [
      section(`*<@${f.coachId}> would like to coach you.*\n${summary(f)}`),
      ...(f.note ? [userTextSection(`*Why <@${f.coachId}> would like to work with you:*`, f.note, INVITATION_NOTE_MAX + 100)] : []),
      section(`*How this works*\n${CONFIDENTIALITY_TERMS.map((t) => `• ${t}`).join('\n')}`),
      ...(f.sponsorId ? [section(sponsorTerms(f.sponsorId))] : []),
      section('*Would you like to start?*'),
      actionsBlock(INVITATION_BLOCK_ID, [
        { text: 'Accept', actionId: ENGAGEMENT_ACTIONS.accept, value, style: 'primary' },
        { text: 'Decline', actionId: ENGAGEMENT_ACTIONS.decline, value },
      ]),
      context(
        f.sponsorId
          ? 'Nothing is scheduled for you until you accept. If you decline, your coach is told only that, and the engagement leaves your sponsor’s view.'
          : 'Nothing is scheduled for you until you accept. If you decline, your coach is told only that.',
      ),
    ],
  });
}

const OUTCOME: Record<Exclude<EngagementStatus, 'invited'>, { line: (coachId: string) => string; notification: string }> = {
  active: { line: (c) => `✅ You accepted <@${c}>’s invitation.`, notification: 'Grow: you accepted the coaching invitation.' },
  declined: { line: (c) => `You declined <@${c}>’s invitation. They have been told only that.`, notification: 'Grow: you declined the coaching invitation.' },
  ended: { line: (c) => `This engagement with <@${c}> has ended.`, notification: 'Grow: this coaching engagement has ended.' },
  completed: { line: (c) => `Your coaching with <@${c}> is complete.`, notification: 'Grow: this coaching engagement is complete.' },
};

/** The invitation once answered: the outcome where the buttons were, and a way into contracting. */
export function invitationOutcomeMessage(f: InvitationFacts & { status: EngagementStatus; contracted: boolean }): Message {
  if (f.status === 'invited') return invitationMessage(f);
  const outcome = OUTCOME[f.status];
  const line = outcome.line(f.coachId);
  const blocks: Block[] = [section(`${line}\n${summary(f)}`)];
  if (f.status === 'active' && !f.contracted) {
    blocks.push(
      section('*What do you want to change?* Your targets and a few questions about coaching take five minutes.'),
      actionsBlock(INVITATION_BLOCK_ID, [{ text: 'Set your targets', actionId: ENGAGEMENT_ACTIONS.contractingOpen, value: encodeEngagementValue(f.engagementId), style: 'primary' }]),
    );
  }
  return message({ notification: outcome.notification, blocks });
}
