// Every message, modal, Home and ephemeral builder under src/slack/blocks, fed hostile
// leader text: no mention, broadcast or link of the leader's turns live anywhere, the
// notification text carries none of their words, and everything stays within Block
// Kit's limits. The list of builders is checked against the folder's exports, so a new
// builder without a case here fails this file.
import { readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { View } from '@slack/types';
import type { BriefModel, DigestLeader } from '../../../src/domain/digest/index.js';
import { briefOnItsWayMessage, buildBriefMessage } from '../../../src/slack/blocks/brief-message.js';
import { checkInConfirmation } from '../../../src/slack/blocks/checkin-confirmation.js';
import { dmReplyKept, dmReplyNoAction, dmReplyNotKept, dmReplyOffer } from '../../../src/slack/blocks/dm-reply.js';
import { buildPreconditionMessage, preconditionAnsweredMessage } from '../../../src/slack/blocks/nudge-precondition.js';
import { checkInModal, withVisibilityLine, type ModalParts } from '../../../src/slack/blocks/checkin-modal.js';
import { coachHomeBlocks } from '../../../src/slack/blocks/coach-home.js';
import { coachQuestionModal } from '../../../src/slack/blocks/coach-question-modal.js';
import { coachNoteModal } from '../../../src/slack/blocks/coach-note-modal.js';
import { recapMessage, recapModal } from '../../../src/slack/blocks/recap.js';
import { contractingModal } from '../../../src/slack/blocks/contracting-modal.js';
import { styleModal } from '../../../src/slack/blocks/style-modal.js';
import { buildDigestMessage, buildDigestParts } from '../../../src/slack/blocks/digest-message.js';
import { answeredMessage, reflectedMessage, snoozedMessage, staleFollowUpMessage, type AnsweredView } from '../../../src/slack/blocks/engagement-follow-up-answer.js';
import { leaderEngagementBlocks } from '../../../src/slack/blocks/engagement-home.js';
import { invitationMessage, invitationOutcomeMessage, type InvitationFacts } from '../../../src/slack/blocks/engagement-invitation.js';
import { engagementNewModal } from '../../../src/slack/blocks/engagement-new-modal.js';
import { coachNoticeMessage } from '../../../src/slack/blocks/coach-notice.js';
import { NOTICE_EVENTS } from '../../../src/domain/notices/index.js';
import { acceptedNotice, declinedNotice, endedNotice, invitationSentNotice, sessionCancelledNotice, sessionMovedNotice } from '../../../src/slack/blocks/engagement-notices.js';
import { contractingReminderMessage } from '../../../src/slack/blocks/contracting-reminder.js';
import { sessionHeldAnsweredMessage, sessionHeldQuestionMessage } from '../../../src/slack/blocks/session-held-question.js';
import { cancelSessionModal, endEngagementModal, rescheduleModal, sessionNoticeView } from '../../../src/slack/blocks/engagement-session-modal.js';
import { endEngagementBlock, sessionRow } from '../../../src/slack/blocks/engagement-session-rows.js';
import { historyBlocks } from '../../../src/slack/blocks/history.js';
import type { Block, Message } from '../../../src/slack/blocks/kit.js';
import { currentActionButtons, leaderHomeView } from '../../../src/slack/blocks/leader-home.js';
import { actionDateModal, actionReplaceModal } from '../../../src/slack/blocks/current-action-modals.js';
import { momentModal, momentSavedMessage } from '../../../src/slack/blocks/moment-modal.js';
import { nextActionModal, nextActionSavedMessage, nextActionStaleMessage } from '../../../src/slack/blocks/next-action.js';
import { buildCheckInPromptMessage } from '../../../src/slack/blocks/nudge-checkin-prompt.js';
import { buildFollowUpMessage } from '../../../src/slack/blocks/nudge-follow-up.js';
import { buildReviewMessage } from '../../../src/slack/blocks/nudge-review.js';
import { buildSessionPrepMessage } from '../../../src/slack/blocks/nudge-session-prep.js';
import { ownWordsBlocks } from '../../../src/slack/blocks/own-words.js';
import { prepAnsweredMessage, prepModal } from '../../../src/slack/blocks/prep-modal.js';
import { reflectModal } from '../../../src/slack/blocks/reflect-modal.js';
import { closingSummaryMessage, reviewAnsweredMessage, reviewModal } from '../../../src/slack/blocks/review-modal.js';
import { supportSignpostMessage } from '../../../src/slack/blocks/support-signpost.js';
import { DEFAULT_SUPPORT_MESSAGE } from '../../../src/domain/support/signpost.js';
import { settingsHomeBlocks, settingsModal } from '../../../src/slack/blocks/settings.js';
import { pulseAnswerModal } from '../../../src/slack/blocks/pulse-modal.js';
import { pulseAnsweredMessage, pulseQuestionMessage } from '../../../src/slack/blocks/pulse-question.js';
import { pulseResultsMessage, pulseResultsModal, pulseSharedMessage } from '../../../src/slack/blocks/pulse-results.js';
import { stakeholdersModal, stakeholdersSection } from '../../../src/slack/blocks/pulse-stakeholders.js';
import { sponsorAnswerModal, sponsorAnsweredMessage, sponsorQuestionMessage } from '../../../src/slack/blocks/sponsor-question.js';
import { programmeHomeBlocks, programmeNameModal, programmeRolesModal, sponsorHomeBlocks } from '../../../src/slack/blocks/programme.js';
import { buildProgrammeReport } from '../../../src/domain/report/index.js';
import type { SponsorView } from '../../../src/domain/privacy/index.js';
import { coachSponsorBlocks, contractingSponsorBlocks, leaderSponsorBlocks } from '../../../src/slack/blocks/sponsor-answers.js';
import { validateMessageBlocks, validateView } from '../../emulator/block-kit/validate-surface.js';

const COACH = 'U0COACH001';
const LEADER = 'U0LEAD0001';
const ID = '11111111-1111-4111-8111-111111111111';
const now = new Date('2026-03-09T09:00:00Z');
const later = new Date('2026-03-12T15:30:00Z');
/** Starts every leader's text, so the notification and every output field can be searched for it. */
const MARK = 'Qzmark';

type Output = { message: Message } | { view: View } | { blocks: Block[] };

/** A builder under test: what it makes from one leader text, and whether that text appears at all. */
interface Case {
  quotes: boolean;
  build: (t: string) => Output[];
}

const answered = (t: string, status = 'open'): AnsweredView => ({ nudgeId: ID, actionId: ID, actionText: t, dueAt: later, status, answeredAt: now, tz: 'Europe/Paris' });
const invitation: InvitationFacts = { engagementId: ID, coachId: COACH, sessionCount: 6, cadenceDays: 14, sessionMinutes: 60, firstSessionAt: later, tz: 'Asia/Kolkata' };
const sessions = [1, 2, 3].map((seq) => ({ id: `${seq}1111111-1111-4111-8111-111111111111`, seq, scheduledAt: new Date(now.getTime() + (seq - 2) * 86_400_000), status: 'scheduled' as const }));
const targets = (t: string) => [1, 2, 3].map((position) => ({ position, description: t, baseline: 3, midpointRating: 6, closingRating: 9 }));
const history = (t: string) => Array.from({ length: 5 }, () => ({ createdAt: now, goal: t, will: t, commitment: 7, actionStatus: 'partly' }));
const sharedItem = (t: string) => ({ kind: 'moment', createdAt: now, answers: [{ question: 'What happened?', text: t }], permalink: null });
const leader = (t: string): DigestLeader => ({
  leaderId: LEADER, engagementId: ID, checkInCount: 3, scores: [4, 6, 8], goals: [t, t], actions: [{ text: t, status: 'not_yet', dueAt: now }],
  shared: [sharedItem(t)], summarisedCount: 1, nextSessionAt: later, progress: { past: 2, total: 6 }, signals: [{ kind: 'quiet', days: 30 }], attention: [{ kind: 'not_yet_twice' }], briefAt: null,
});
const brief = (t: string): BriefModel => ({
  leaderId: LEADER, engagementId: ID, session: { id: ID, seq: 3, scheduledAt: later }, progress: { past: 3, total: 6 }, previousAt: now,
  targets: targets(t).map((x) => ({ ...x, level: 2 })), goals: [t], commitments: [5, 7],
  latestShared: { createdAt: now, goal: t, reality: t, options: t, will: t, makeItTen: t },
  prep: { visibility: 'shared', answers: [{ question: 'What do you want from the next session?', text: t }] },
  contractingRatings: [{ question: 'How open are you to being coached right now, 1 to 10?', rating: 7 }],
  actions: [{ text: t, status: 'partly', dueAt: now }], shared: [sharedItem(t)], summarisedCount: 0, signals: [],
});
const pulseTargets = (t: string) => [1, 2, 3].map((position) => ({ id: `${position}${ID.slice(1)}`, position, description: t, ownRating: 6 }));
const pulseRelease = (t: string) => ({
  released: true as const,
  answered: 8,
  targets: pulseTargets(t).map((x) => ({ targetId: x.id, scored: 8, distribution: [-3, -2, -1, 0, 1, 2, 3].map((score) => ({ score, count: score === 2 ? 8 : 0 })), suggestions: Array.from({ length: 8 }, () => t.slice(0, 1000)) })),
});
const pulseRounds = (['baseline', 'midpoint', 'closing'] as const).map((stage, i) => ({ id: ID, stage, opensAt: now, closesAt: later, opened: i < 2, closed: i === 0, asked: 5, answered: 4, released: i === 0 }));
const window = { workDays: [1, 2, 3, 4, 5], startMinute: 540, endMinute: 1050 };
const meta = { nudgeId: ID, channel: 'D0LEAD0001', ts: '1700000000.000100' };
/** Process facts of many engagements; `programme` is an admin's free text, the only text these surfaces carry. */
const sponsorViews = (programme: string | null): SponsorView[] =>
  Array.from({ length: 12 }, (_, i) => ({
    engagementId: ID, teamId: 'T0TEAM0001', leaderId: LEADER, coachId: COACH, sponsorId: i % 2 ? null : COACH, programme,
    status: (['invited', 'active', 'completed', 'ended_early'] as const)[i % 4]!, sessionsHeld: i % 9, sessionsPlanned: 8,
    contractedOn: i % 3 ? now : null, midpointReviewOn: i % 2 ? now : null, closingReviewOn: i % 4 === 2 ? later : null, pulseRoundsOn: [now, later],
  }));
const programmeReport = (t: string) =>
  buildProgrammeReport({ engagements: [...sponsorViews(t.slice(0, 60)), ...sponsorViews(null)].map((facts) => ({ facts, outcomes: { actionsDone: 0.5, commitmentTrend: 1 } })), minLeaders: 5 });

const CASES: Record<string, Case> = {
  buildBriefMessage: { quotes: true, build: (t) => [{ message: buildBriefMessage({ model: brief(t), tz: 'UTC' }) }, { message: buildBriefMessage({ model: brief(t), tz: 'UTC', note: { text: t, createdAt: now } }) }] },
  briefOnItsWayMessage: { quotes: false, build: () => [{ message: briefOnItsWayMessage(LEADER) }] },
  buildDigestParts: {
    quotes: true,
    build: (t) => {
      // Enough leaders in full for a thread reply, and enough calm ones for one-line sections.
      const leaders = Array.from({ length: 40 }, (_, i) => ({ ...leader(t), leaderId: `U0LEADX${String(i).padStart(3, '0')}`, attention: i % 2 ? [] : leader(t).attention, signals: i % 2 ? [] : leader(t).signals }));
      const parts = buildDigestParts({ model: { since: now, until: now, leaders }, tz: 'UTC' });
      return [{ message: parts.message }, ...parts.replies.map((r) => ({ message: r.message }))];
    },
  },
  buildDigestMessage: { quotes: true, build: (t) => [{ message: buildDigestMessage({ model: { since: now, until: now, leaders: [leader(t)] }, tz: 'UTC' }) }] },
  checkInConfirmation: { quotes: true, build: (t) => [{ message: checkInConfirmation({ will: t, dueLabel: 'Thu 12 Mar', followUpLabel: 'Fri 13 Mar', commitment: 8 }) }] },
  checkInModal: {
    quotes: true,
    build: (t) => (['checkin', 'revisit'] as const).map((step) => ({
      view: checkInModal({ step, targets: [{ id: ID, description: t }], engagements: [{ id: ID, label: `With ${t}` }, { id: `${ID.slice(0, -1)}0`, label: `With ${t}` }], draft: { goal: t.slice(0, 200), reality: t, options: t, will: t, commitment: 3, visibility: 'summary' }, defaultDue: 'before your next session' }),
    })),
  },
  buildPreconditionMessage: { quotes: true, build: (t) => [{ message: buildPreconditionMessage({ nudgeId: ID, actionId: ID, makeItTen: t, followUpLabel: 'Fri 13 Mar at 17:00' }) }] },
  preconditionAnsweredMessage: { quotes: false, build: () => (['done', 'not_yet'] as const).map((a) => ({ message: preconditionAnsweredMessage(a, ID) })) },
  dmReplyOffer: { quotes: true, build: (t) => [{ message: dmReplyOffer({ actionId: ID, actionText: t, ts: '1700000000.000100' }) }] },
  momentSavedMessage: { quotes: false, build: () => (['private', 'summary', 'shared'] as const).map((v) => ({ message: momentSavedMessage(v) })) },
  dmReplyNoAction: { quotes: false, build: () => [{ message: dmReplyNoAction() }] },
  dmReplyKept: { quotes: false, build: () => (['private', 'summary', 'shared'] as const).map((v) => ({ message: dmReplyKept(v) })) },
  dmReplyNotKept: { quotes: false, build: () => (['stale', 'gone'] as const).map((r) => ({ message: dmReplyNotKept(r) })) },
  withVisibilityLine: {
    quotes: true,
    build: (t) => {
      const view = checkInModal({ step: 'checkin', targets: [{ id: ID, description: t }], draft: { goal: t.slice(0, 200), reality: t, options: t, will: t, commitment: 9, visibility: 'summary' } });
      return (['private', 'summary', 'shared'] as const).map((v) => ({ view: withVisibilityLine(view as ModalParts, v, 'your coach') }));
    },
  },
  coachHomeBlocks: {
    quotes: false,
    build: () => [{ blocks: coachHomeBlocks([{ engagement: { id: ID, leaderId: LEADER, status: 'active' }, sessions, signals: { status: 'active', progress: { past: 1, total: 6 }, nextSessionAt: later, lastSharedCheckInAt: now, lastSharedCommitment: 7 }, attention: [{ kind: 'contracting_pending' }] }], 'UTC', now) }],
  },
  contractingModal: { quotes: false, build: () => [{ view: contractingModal({ engagementId: ID, coachId: COACH }) }] },
  coachQuestionModal: { quotes: false, build: () => [{ view: coachQuestionModal({ engagementId: ID, leaderId: COACH }) }] },
  coachNoteModal: { quotes: false, build: () => [{ view: coachNoteModal({ engagementId: ID, leaderId: LEADER }) }] },
  recapModal: { quotes: false, build: () => [{ view: recapModal({ engagementId: ID, leaderId: LEADER }) }] },
  // The coach's words to the leader: escaped in the message, and carried (never rendered) in the button's value.
  recapMessage: { quotes: true, build: (t) => [{ message: recapMessage({ recapId: ID, coachId: COACH, text: t.slice(0, 3000) }) }] },
  styleModal: { quotes: false, build: () => [{ view: styleModal({ engagementId: ID, style: 'chooser', mutedKinds: ['follow_up'] }) }, { view: styleModal({ engagementId: ID, style: 'light', mutedKinds: ['follow_up', 'session_prep', 'checkin_prompt', 'midpoint_review', 'closing_review'] }) }] },
  answeredMessage: { quotes: true, build: (t) => [{ message: answeredMessage(answered(t, 'done'), 'done') }] },
  snoozedMessage: { quotes: true, build: (t) => [{ message: snoozedMessage(answered(t), later) }] },
  staleFollowUpMessage: { quotes: true, build: (t) => [{ message: staleFollowUpMessage(answered(t, 'dropped'), 'answered') }, { message: staleFollowUpMessage(null, 'gone') }] },
  reflectedMessage: { quotes: true, build: (t) => (['open', 'partly', 'dropped'] as const).flatMap((s) => [false, true].map((tryNext) => ({ message: reflectedMessage(answered(t, s), 'shared', tryNext) }))) },
  nextActionModal: { quotes: true, build: (t) => (['private', 'shared'] as const).map((visibility) => ({ view: nextActionModal({ meta: { ...meta, actionId: ID }, tryNext: t.repeat(2).slice(0, 1500), previousText: t, visibility }) })) },
  nextActionSavedMessage: { quotes: true, build: (t) => [later, null].map((followUpAt) => ({ message: nextActionSavedMessage({ previousText: t, will: t.slice(0, 500), dueAt: later, followUpAt, visibility: 'summary', tz: 'UTC' }) })) },
  nextActionStaleMessage: { quotes: true, build: (t) => (['newer_action', 'no_try_next'] as const).map((reason) => ({ message: nextActionStaleMessage({ reason, previousText: t }) })) },
  leaderEngagementBlocks: {
    quotes: true,
    build: (t) => [{ blocks: leaderEngagementBlocks([{ engagement: { id: ID, coachId: COACH, status: 'active', sessionCount: 6, cadenceDays: 14, sessionMinutes: 60 }, sessions, targets: targets(t), commitments: [5, 8] }], 'UTC', now) }],
  },
  // The coach's personal note is someone's words too: it must arrive escaped.
  invitationMessage: { quotes: true, build: (t) => [{ message: invitationMessage({ ...invitation, note: t }) }] },
  invitationOutcomeMessage: { quotes: false, build: () => (['active', 'declined', 'ended', 'completed'] as const).map((status) => ({ message: invitationOutcomeMessage({ ...invitation, status, contracted: false }) })) },
  engagementNewModal: { quotes: false, build: () => [{ view: engagementNewModal() }] },
  invitationSentNotice: { quotes: false, build: () => [{ message: invitationSentNotice({ leaderId: LEADER, sessionCount: 6, cadenceDays: 7, sessionMinutes: 45, firstSessionAt: later, leaderTz: 'UTC', coachTz: 'Asia/Tokyo' }) }] },
  acceptedNotice: { quotes: false, build: () => [{ message: acceptedNotice(LEADER, later, 'UTC') }] },
  declinedNotice: { quotes: false, build: () => [{ message: declinedNotice(LEADER) }] },
  endedNotice: { quotes: true, build: (t) => [{ message: endedNotice(LEADER, t) }] },
  endEngagementModal: { quotes: false, build: () => [true, false].map((enderIsCoach) => ({ view: endEngagementModal({ engagementId: ID, invited: false, enderIsCoach, otherId: enderIsCoach ? LEADER : COACH }) })) },
  sessionMovedNotice: { quotes: false, build: () => [{ message: sessionMovedNotice(COACH, 2, later, 'UTC') }] },
  coachNoticeMessage: {
    quotes: false,
    build: () => [
      {
        message: coachNoticeMessage(
          NOTICE_EVENTS.flatMap((event) => Array.from({ length: 12 }, () => ({ id: ID, engagementId: ID, leaderId: LEADER, event, sessionId: ID, sessionSeq: 12, sessionAt: later, createdAt: now }))),
          'Asia/Tokyo',
        ),
      },
    ],
  },
  rescheduleModal: { quotes: false, build: () => [{ view: rescheduleModal({ sessionId: ID, seq: 2, at: later, tz: 'UTC' }) }] },
  cancelSessionModal: { quotes: false, build: () => [{ view: cancelSessionModal({ sessionId: ID, seq: 2, at: later, tz: 'UTC', otherId: COACH }) }] },
  sessionNoticeView: { quotes: false, build: () => [{ view: sessionNoticeView('That session is already cancelled.') }] },
  contractingReminderMessage: { quotes: false, build: () => [{ message: contractingReminderMessage({ engagementId: ID, coachId: COACH }) }] },
  sessionHeldQuestionMessage: { quotes: false, build: () => [{ message: sessionHeldQuestionMessage({ nudgeId: ID, sessionId: ID, seq: 3, scheduledAt: later, leaderId: LEADER, tz: 'UTC' }) }] },
  sessionHeldAnsweredMessage: {
    quotes: false,
    build: () => (['held', 'cancelled'] as const).flatMap((o) => [true, false].map((already) => ({ message: sessionHeldAnsweredMessage({ seq: 3, scheduledAt: later, leaderId: LEADER, tz: 'UTC' }, o, already) }))),
  },
  sessionCancelledNotice: { quotes: false, build: () => [{ message: sessionCancelledNotice(COACH, 2, later, 'UTC') }] },
  sessionRow: { quotes: false, build: () => sessions.map((s) => ({ blocks: [sessionRow(s, 'UTC', now)] })) },
  endEngagementBlock: { quotes: false, build: () => [{ blocks: [endEngagementBlock(ID, false)] }] },
  ownWordsBlocks: {
    quotes: true,
    build: (t) => [{ blocks: ownWordsBlocks([{ kind: 'follow_up', createdAt: now, answers: { happened: t, learned: t }, permalink: null }, { kind: 'moment', createdAt: now, answers: { note: t, channel: t }, permalink: t }], 'UTC') }],
  },
  historyBlocks: { quotes: true, build: (t) => [{ blocks: historyBlocks(history(t), () => 'Mon 9 Mar') }] },
  leaderHomeView: { quotes: true, build: (t) => [{ view: leaderHomeView({ currentAction: { id: ID, text: t, dueLabel: 'Thu 12 Mar' }, recent: history(t), editableCheckInId: ID, localDate: () => 'Mon 9 Mar', moments: [{ kind: 'moment', createdAt: new Date('2026-03-06T10:00:00Z'), answers: { note: t }, permalink: null }] }) }] },
  currentActionButtons: { quotes: false, build: () => [{ blocks: [currentActionButtons(ID)] }] },
  actionDateModal: { quotes: true, build: (t) => [{ view: actionDateModal({ actionId: ID, text: t, dueAt: later, tz: 'Europe/Paris' }) }] },
  actionReplaceModal: { quotes: true, build: (t) => (['private', 'summary', 'shared'] as const).map((visibility) => ({ view: actionReplaceModal({ actionId: ID, text: t, dueAt: later, tz: 'Europe/Paris', visibility }) })) },
  momentModal: { quotes: true, build: (t) => [{ view: momentModal({ channel: 'C0123', ts: '1700000000.000100', excerpt: t }) }] },
  buildCheckInPromptMessage: { quotes: false, build: () => [{ message: buildCheckInPromptMessage({ nudgeId: ID, sessionId: ID }) }] },
  buildFollowUpMessage: { quotes: true, build: (t) => [{ message: buildFollowUpMessage({ nudgeId: ID, actionId: ID, actionText: t, dueAt: later, tz: 'UTC' }) }] },
  buildReviewMessage: {
    quotes: true,
    build: (t) => [
      ...(['midpoint', 'closing'] as const).map((stage) => ({ message: buildReviewMessage({ nudgeId: ID, engagementId: ID, stage, targets: targets(t) }) })),
      {
        message: buildReviewMessage({
          nudgeId: ID,
          engagementId: ID,
          stage: 'closing',
          targets: targets(t),
          experiments: Array.from({ length: 7 }, (_, i) => ({ at: new Date(i * 1000), expected: t, action: t, status: 'partly' as const, happened: i % 2 ? t : null })),
        }),
      },
    ],
  },
  buildSessionPrepMessage: { quotes: true, build: (t) => [{ message: buildSessionPrepMessage({ nudgeId: ID, sessionId: ID, sessionAt: later, tz: 'UTC', actionText: t, answeredSince: [{ text: t, status: 'partly', answeredAt: later }], saidSince: [{ kind: 'follow_up', createdAt: later, answers: { happened: t }, permalink: null }, { kind: 'moment', createdAt: later, answers: { note: t }, permalink: null }] }) }] },
  prepModal: { quotes: false, build: () => [{ view: prepModal({ meta: { ...meta, sessionId: ID }, sessionAt: later, tz: 'UTC' }) }] },
  prepAnsweredMessage: { quotes: false, build: () => (['answered', 'passed', 'ended', 'gone'] as const).map((r) => ({ message: prepAnsweredMessage(r, later, 'UTC') })) },
  reflectModal: { quotes: true, build: (t) => [{ view: reflectModal({ meta: { ...meta, actionId: ID }, actionText: t }) }] },
  reviewModal: {
    quotes: true,
    build: (t) =>
      (['midpoint', 'closing'] as const).map((stage) => ({
        view: reviewModal({ meta: { ...meta, engagementId: ID }, stage, targets: pulseTargets(t).map((x) => ({ ...targets(t)[0]!, id: x.id, position: x.position })), stakeholders: { answered: 8, byTarget: Object.fromEntries(pulseRelease(t).targets.map((r) => [r.targetId, r.distribution])) } }),
      })),
  },
  closingSummaryMessage: { quotes: true, build: (t) => [{ message: closingSummaryMessage(targets(t)) }] },
  reviewAnsweredMessage: { quotes: false, build: () => (['saved', 'answered', 'ended', 'gone', 'no_targets'] as const).map((n) => ({ message: reviewAnsweredMessage(n) })) },
  supportSignpostMessage: { quotes: false, build: () => [{ message: supportSignpostMessage(DEFAULT_SUPPORT_MESSAGE) }] },
  settingsHomeBlocks: { quotes: false, build: () => [{ blocks: settingsHomeBlocks(window, 'Europe/Paris') }] },
  settingsModal: { quotes: false, build: () => [{ view: settingsModal({ window, tz: 'Europe/Paris' }) }, { view: settingsModal({ window, tz: 'Europe/Paris', digest: { day: 5, minute: 16 * 60 + 30 } }) }] },
  pulseQuestionMessage: {
    quotes: true,
    build: (t) =>
      (['baseline', 'closing'] as const).flatMap((stage) =>
        [false, true].map((reminder) => ({ message: pulseQuestionMessage({ roundId: ID, stage, leaderId: LEADER, targets: [t, t, t], closesAt: later, tz: 'Asia/Tokyo', reminder }) })),
      ),
  },
  pulseAnsweredMessage: { quotes: false, build: () => (['saved', 'declined', 'answered', 'closed', 'not_open', 'ended'] as const).map((n) => ({ message: pulseAnsweredMessage(n) })) },
  pulseAnswerModal: {
    quotes: true,
    build: (t) => (['baseline', 'midpoint'] as const).map((stage) => ({ view: pulseAnswerModal({ meta: { roundId: ID, channel: 'D0STAKE01', ts: '1700000000.000100' }, stage, leaderId: LEADER, targets: targets(t) }) })),
  },
  pulseResultsMessage: {
    quotes: true,
    build: (t) =>
      (['baseline', 'midpoint'] as const).flatMap((stage) =>
        (['private', 'shared'] as const).map((visibility) => ({ message: pulseResultsMessage({ roundId: ID, stage, visibility, asked: 8, targets: pulseTargets(t), release: pulseRelease(t) }) })),
      ).concat([{ message: pulseResultsMessage({ roundId: ID, stage: 'closing', visibility: 'private', asked: 8, targets: pulseTargets(t), release: { released: false, reason: 'too_few_answers', answered: 2 } }) }]),
  },
  pulseResultsModal: { quotes: true, build: (t) => [{ view: pulseResultsModal({ roundId: ID, stage: 'closing', visibility: 'private', asked: 8, targets: pulseTargets(t), release: pulseRelease(t) }) }] },
  pulseSharedMessage: {
    quotes: true,
    build: (t) => [true, false].map((withSuggestions) => ({ message: pulseSharedMessage({ leaderId: LEADER, stage: 'closing', targets: pulseTargets(t), view: { answered: 8, withSuggestions, targets: pulseRelease(t).targets } }) })),
  },
  stakeholdersModal: { quotes: true, build: (t) => [{ view: stakeholdersModal({ meta: { engagementId: ID }, targets: [t, t, t], initial: [LEADER] }) }, { view: stakeholdersModal({ meta: { engagementId: ID }, targets: [], initial: [] }) }] },
  sponsorQuestionMessage: { quotes: false, build: () => (['outcomes', 'change'] as const).map((question) => ({ message: sponsorQuestionMessage({ question, nudgeId: ID, leaderId: LEADER, coachId: COACH }) })) },
  sponsorAnswerModal: { quotes: false, build: () => (['outcomes', 'change'] as const).map((question) => ({ view: sponsorAnswerModal({ meta, question, leaderId: LEADER }) })) },
  sponsorAnsweredMessage: { quotes: false, build: () => (['saved', 'answered', 'ended', 'gone'] as const).map((n) => ({ message: sponsorAnsweredMessage(n) })) },
  programmeHomeBlocks: {
    quotes: true,
    build: (t) => [
      { blocks: programmeHomeBlocks({ report: programmeReport(t), roles: { admins: [LEADER], coaches: Array.from({ length: 30 }, () => COACH) }, minLeaders: 5, tz: 'Asia/Kolkata' }) },
      { blocks: programmeHomeBlocks({ report: buildProgrammeReport({ engagements: [], minLeaders: 5 }), roles: { admins: [], coaches: [] }, minLeaders: 5, tz: 'UTC' }) },
    ],
  },
  sponsorHomeBlocks: { quotes: false, build: () => [{ blocks: sponsorHomeBlocks(sponsorViews(null), 'UTC') }] },
  programmeRolesModal: { quotes: false, build: () => [{ view: programmeRolesModal({ admins: [LEADER], coaches: [COACH] }) }, { view: programmeRolesModal({ admins: [], coaches: [] }) }] },
  programmeNameModal: { quotes: true, build: (t) => [{ view: programmeNameModal({ engagementId: ID, leaderId: LEADER, current: t.slice(0, 60) }) }] },
  leaderSponsorBlocks: {
    quotes: true,
    build: (t) => [false, true].map((changeShared) => ({ blocks: leaderSponsorBlocks([{ engagementId: ID, seen: { sponsorId: COACH, outcomes: t, change: t, changeShared } }]) })),
  },
  coachSponsorBlocks: {
    quotes: true,
    build: (t) => [{ message: buildBriefMessage({ model: brief(t), tz: 'UTC', sponsor: coachSponsorBlocks({ sponsorId: COACH, outcomes: t, change: t, changeShared: true }, LEADER) }) }],
  },
  contractingSponsorBlocks: { quotes: true, build: (t) => [{ view: contractingModal({ engagementId: ID, coachId: COACH, sponsor: contractingSponsorBlocks({ sponsorId: COACH, outcomes: t }) }) }] },
  stakeholdersSection: {
    quotes: false,
    build: () => [
      { blocks: stakeholdersSection({ engagementId: ID, stakeholders: [LEADER, COACH], tz: 'UTC', rounds: pulseRounds }) },
      { blocks: stakeholdersSection({ engagementId: ID, stakeholders: [], tz: 'UTC', rounds: [] }) },
    ],
  },
};

/**
 * Exports of src/slack/blocks that make no Slack surface of their own: Block Kit
 * primitives, formatters, value codecs and input fragments. Their output reaches Slack
 * only through the builders above, which is where it is checked.
 */
const PARTS = new Set([
  'parseDmReplyValue',
  'mention', 'formatShortDate', 'formatCoachTime', 'safePermalink', 'sharedItemLines', 'fitLines', 'fittedSection',
  'ratingInput', 'visibilityInput', 'messagesInput', 'styleSummary', 'textAnswer', 'selectInput', 'newEngagementErrors', 'sessionsToShow',
  'encodeEngagementValue', 'parseEngagementValue', 'encodeSessionMenu', 'parseSessionMenu',
  'plain', 'section', 'header', 'context', 'divider', 'option', 'actionsBlock', 'inputBlock', 'textInput', 'message',
  'userTextSection', 'formatSessionTime', 'visibilityRadio', 'describeDays', 'describeWindow',
  'formatDay', 'pulseQuestion', 'pulseTargetSection', 'distributionLines', 'rosterPageCount', 'packDigest', 'SPONSOR_QUESTIONS', 'WHO_READS', 'SPONSOR_ANSWER_BLOCK',
  'sponsorTerms', 'processLine', 'cohortLines', 'coachEngagementModal', 'goalInput', 'preconditionCheckbox',
]);

const PIECES = ['<!channel>', '<!here>', '<!everyone>', '<@U123>', '<#C123>', '<https://x|y>', 'https://evil.example', '&', '&amp;', '*', '_', '~', '`', '```', '>', '\u202e', '\u200f', '👩🏽‍💻', '\n'];
const hostileText = fc
  .tuple(fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 20 })), { maxLength: 12 }), fc.nat({ max: 3000 }), fc.boolean())
  .map(([parts, n, huge]) => {
    const body = parts.join(' ');
    return `${MARK} ${huge ? body.padEnd(3000, '<!here> & ').slice(0, 3000 - MARK.length - 1 + (n % 2)) : body}`;
  });

/** Every mrkdwn string in an output, with the path it sits at. */
function walk(node: unknown, path: string, visit: (path: string, key: string, value: string, parent: Record<string, unknown>) => void): void {
  if (Array.isArray(node)) node.forEach((item, i) => walk(item, `${path}[${i}]`, visit));
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (typeof value === 'string') visit(`${path}.${key}`, key, value, node as Record<string, unknown>);
      else walk(value, `${path}.${key}`, visit);
    }
  }
}

/** Live markup Grow did not put there: anything in `<…>` but a mention of a known person. */
const LIVE = /<[^>]*>/g;
// Grow's own mentions: the coach, the leader, and the numbered leaders of a long digest.
const ownMention = new RegExp(`^<@(${COACH}|${LEADER}|U0LEADX\\d{3})>$`);
const strayMarkup = (text: string) => (text.match(LIVE) ?? []).filter((tag) => !ownMention.test(tag));

function problemsOf(output: Output): string[] {
  const problems: string[] = [];
  if ('message' in output) {
    const { text, blocks } = output.message;
    if (text.includes(MARK)) problems.push('notification text quotes the leader');
    if (/[<>]/.test(text)) problems.push(`notification text has markup: ${text}`);
    problems.push(...validateMessageBlocks(blocks));
  }
  if ('view' in output) problems.push(...validateView(output.view as unknown as Record<string, unknown>));
  if ('blocks' in output) problems.push(...validateView({ type: 'home', blocks: output.blocks }));
  walk(output, '$', (path, key, value, parent) => {
    // Plain text is never parsed by Slack; mrkdwn is, so whatever is in it must be Grow's own.
    if (parent.type === 'mrkdwn' && key === 'text') for (const tag of strayMarkup(value)) problems.push(`${path}: live ${tag}`);
    // A button's value is sent back to Grow on a click and never shown or parsed by Slack.
    else if (value.includes(MARK) && !(parent.type === 'plain_text' && key === 'text') && key !== 'initial_value' && !(parent.type === 'button' && key === 'value')) problems.push(`${path}: leader text outside plain text`);
  });
  return problems;
}

const quotedSomewhere = (outputs: Output[]) => JSON.stringify(outputs).includes(MARK);

describe('hostile leader text through every builder', () => {
  it('covers every builder src/slack/blocks exports', async () => {
    const dir = new URL('../../../src/slack/blocks/', import.meta.url);
    const exported: string[] = [];
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      const module = (await import(new URL(file, dir).href)) as Record<string, unknown>;
      exported.push(...Object.entries(module).filter(([, v]) => typeof v === 'function').map(([name]) => name));
    }
    expect(exported.filter((name) => !(name in CASES) && !PARTS.has(name))).toEqual([]);
    expect(Object.keys(CASES).filter((name) => !exported.includes(name))).toEqual([]);
  });

  it.each(Object.entries(CASES))('%s: nothing of the leader is live, the notification says none of it, Block Kit limits hold', (_name, { quotes, build }) => {
    fc.assert(
      fc.property(hostileText, (t) => {
        const outputs = build(t);
        expect(outputs.length).toBeGreaterThan(0);
        // A property of what is rendered holds only if the leader's text is rendered at all.
        expect(quotedSomewhere(outputs)).toBe(quotes);
        expect(outputs.flatMap(problemsOf)).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it('turns each hostile piece into visible text, not markup', () => {
    const { blocks } = buildFollowUpMessage({ nudgeId: ID, actionId: ID, actionText: `${MARK} <!channel> <@U123> <https://x|y> & *b*`, dueAt: later, tz: 'UTC' });
    expect(JSON.stringify(blocks)).toContain('&lt;!channel&gt; &lt;@U123&gt; &lt;https://x|y&gt; &amp; *b*');
  });
});
