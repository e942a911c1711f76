// The coach's App Home section: "New engagement", and the whole roster, most in need of
// attention first, a page at a time so the Home tab stays inside Slack's 100 blocks. Each
// leader has one line of facts, the questions worth asking, their sessions to move or
// mark, and the same buttons: a brief now, and end the engagement.
import { formatLocalDate } from '../../domain/checkin/due-date.js';
import { attentionQuestion, type AttentionSignal } from '../../domain/engagement/attention.js';
import type { EngagementStatus } from '../../domain/planner/types.js';
import { describeProgress } from '../../domain/engagement/progress.js';
import type { RosterSignals } from '../../domain/engagement/roster.js';
import { encodeEngagementValue, encodeRosterPage } from '../engagement-button-value.js';
import { COACH_ACTIONS, ENGAGEMENT_ACTIONS } from '../ids.js';
import { endEngagementBlock, sessionRow, sessionsToShow, type SessionRowInput } from './engagement-session-rows.js';
import { actionsBlock, context, divider, plain, section, type Block, type ButtonSpec } from './kit.js';
import { formatSessionTime } from './nudge-session-prep.js';

export interface RosterEntryInput {
  engagement: { id: string; leaderId: string; status: EngagementStatus };
  sessions: SessionRowInput[];
  signals: RosterSignals;
  attention: AttentionSignal[];
}

/**
 * Leaders per page. A leader takes at most five blocks (facts, two unmarked sessions and
 * the next one, buttons), so a page is at most 40 of the Home tab's 100 and leaves room
 * for the leader's own sections and Settings.
 */
export const ROSTER_PAGE_SIZE = 8;
export const ROSTER_ENTRY_MAX_BLOCKS = 5;

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function signalLine(s: RosterSignals, tz: string): string {
  if (s.status === 'invited') return 'Invited — waiting for their answer';
  const parts = [capitalise(describeProgress(s.progress))];
  parts.push(s.nextSessionAt ? `next ${formatSessionTime(s.nextSessionAt, tz)}` : 'no session ahead');
  if (s.lastSharedCheckInAt) parts.push(`last check-in ${formatLocalDate(s.lastSharedCheckInAt, tz)}`);
  if (s.lastSharedCommitment !== null) parts.push(`commitment ${s.lastSharedCommitment}/10`);
  return parts.join(' · ');
}

function rowButtons(entry: RosterEntryInput): Block {
  const end = endEngagementBlock(entry.engagement.id, entry.engagement.status === 'invited');
  const open = entry.engagement.status === 'active' || entry.engagement.status === 'invited';
  if (!open || end.type !== 'actions') return end;
  const value = encodeEngagementValue(entry.engagement.id);
  const brief = { type: 'button' as const, action_id: COACH_ACTIONS.briefNow, text: plain('Brief me now'), value };
  // The coach's own questions for this leader: Grow asks them first at their moment.
  const question = { type: 'button' as const, action_id: ENGAGEMENT_ACTIONS.questionOpen, text: plain('Add a question'), value };
  // A private note, for the coach's eyes only; the next brief shows the last one.
  const note = { type: 'button' as const, action_id: COACH_ACTIONS.noteOpen, text: plain('Add a note'), value };
  // After a session: what was agreed, to the leader, who can make it their action.
  const recap = { type: 'button' as const, action_id: COACH_ACTIONS.recapOpen, text: plain('Send a recap'), value };
  return { ...end, elements: [...(entry.engagement.status === 'active' ? [brief, note, recap] : []), question, ...end.elements] };
}

function entryBlocks(entry: RosterEntryInput, tz: string, now: Date): Block[] {
  const questions = entry.attention.map((s) => `• ${attentionQuestion(s)}`);
  const blocks: Block[] = [section([`*<@${entry.engagement.leaderId}>*`, signalLine(entry.signals, tz), ...questions].join('\n'))];
  if (entry.engagement.status === 'active') for (const s of sessionsToShow(entry.sessions, now, 1)) blocks.push(sessionRow(s, tz, now));
  blocks.push(rowButtons(entry));
  return blocks;
}

export const rosterPageCount = (leaders: number): number => Math.max(1, Math.ceil(leaders / ROSTER_PAGE_SIZE));

function pager(page: number, pages: number): Block | null {
  if (pages <= 1) return null;
  const buttons: ButtonSpec[] = [];
  if (page > 0) buttons.push({ text: '‹ Previous', actionId: COACH_ACTIONS.rosterPrevious, value: encodeRosterPage(page - 1) });
  if (page < pages - 1) buttons.push({ text: 'Next ›', actionId: COACH_ACTIONS.rosterNext, value: encodeRosterPage(page + 1) });
  return actionsBlock('coach_roster_pages', buttons);
}

/** The roster's page `page` (from 0; past the end reads as the last page). */
export function coachHomeBlocks(roster: RosterEntryInput[], tz: string, now: Date, page = 0): Block[] {
  const blocks: Block[] = [
    divider(),
    section('*Coaching*'),
    actionsBlock('coach_actions', [{ text: 'New engagement', actionId: ENGAGEMENT_ACTIONS.newOpen, style: 'primary' }]),
  ];
  if (roster.length === 0) return blocks;
  const pages = rosterPageCount(roster.length);
  const shown = Math.min(Math.max(0, page), pages - 1);
  const first = shown * ROSTER_PAGE_SIZE;
  const slice = roster.slice(first, first + ROSTER_PAGE_SIZE);
  const asking = roster.filter((e) => e.attention.length > 0).length;
  const range = pages > 1 ? `Leaders ${first + 1}–${first + slice.length} of ${roster.length}` : `${roster.length} ${roster.length === 1 ? 'leader' : 'leaders'}`;
  blocks.push(context(`${range}, most in need of your attention first · ${asking} with something to ask about`));
  for (const entry of slice) blocks.push(...entryBlocks(entry, tz, now));
  const nav = pager(shown, pages);
  if (nav) blocks.push(nav);
  blocks.push(context('Signals show only what each leader chose to share.'));
  return blocks;
}
