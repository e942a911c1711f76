// The coach's App Home section: "New engagement", and a roster with one line of signals
// per leader — status, progress, next session, the last check-in and commitment the
// leader shared — plus the sessions the coach can change.
import { formatLocalDate } from '../../domain/checkin/due-date.js';
import type { RosterSignals } from '../../domain/engagement/roster.js';
import { endEngagementBlock, sessionRow, sessionsToShow, type SessionRowInput } from './engagement-session-rows.js';
import { actionsBlock, context, divider, section, type Block } from './kit.js';
import { formatSessionTime } from './nudge-session-prep.js';
import { ENGAGEMENT_ACTIONS } from '../ids.js';
import { encodeEngagementValue } from '../engagement-button-value.js';

export interface RosterEntryInput {
  engagement: { id: string; leaderId: string; status: 'invited' | 'active' | 'declined' | 'ended' };
  sessions: SessionRowInput[];
  signals: RosterSignals;
}

// Ten leaders with three blocks each keep the Home tab well inside Slack's 100 blocks.
const ROSTER_MAX = 10;

function signalLine(s: RosterSignals, tz: string): string {
  if (s.status === 'invited') return 'Invited — waiting for their answer';
  const parts = [`${s.progress.held} of ${s.progress.total} sessions held`];
  parts.push(s.nextSessionAt ? `next ${formatSessionTime(s.nextSessionAt, tz)}` : 'no session ahead');
  if (s.lastSharedCheckInAt) parts.push(`last check-in ${formatLocalDate(s.lastSharedCheckInAt, tz)}`);
  if (s.lastSharedCommitment !== null) parts.push(`commitment ${s.lastSharedCommitment}/10`);
  return parts.join(' · ');
}

export function coachHomeBlocks(roster: RosterEntryInput[], tz: string, now: Date): Block[] {
  const blocks: Block[] = [
    divider(),
    section('*Coaching*'),
    actionsBlock('coach_actions', [{ text: 'New engagement', actionId: ENGAGEMENT_ACTIONS.newOpen, style: 'primary' }]),
  ];
  if (roster.length === 0) return blocks;
  for (const entry of roster.slice(0, ROSTER_MAX)) {
    blocks.push(section(`*<@${entry.engagement.leaderId}>*\n${signalLine(entry.signals, tz)}`));
    if (entry.engagement.status === 'active') for (const s of sessionsToShow(entry.sessions, now, 1)) blocks.push(sessionRow(s, tz, now));
    if (entry.engagement.status === 'invited' || entry.engagement.status === 'active') {
      blocks.push(actionsBlock(`questions_${entry.engagement.id}`, [{ text: 'Add a question', actionId: ENGAGEMENT_ACTIONS.questionOpen, value: encodeEngagementValue(entry.engagement.id) }]));
    }
    blocks.push(endEngagementBlock(entry.engagement.id, entry.engagement.status === 'invited'));
  }
  if (roster.length > ROSTER_MAX) blocks.push(context(`And ${roster.length - ROSTER_MAX} more.`));
  blocks.push(context('Signals show only what each leader chose to share.'));
  return blocks;
}
