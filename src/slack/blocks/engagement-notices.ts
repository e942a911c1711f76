// Short DMs about an engagement to the other party: the coach hears that an invitation
// went out, was accepted or declined (only that), and either hears when it ends or when
// a session was moved or cancelled. The
// blocks name the other person; the notification does not, so it never mentions anyone.
import { cadenceLabel } from '../../domain/engagement/draft.js';
import { formatSessionTime } from './nudge-session-prep.js';
import { context, message, section, type Message } from './kit.js';
import { END_REASON_MAX } from './engagement-session-modal.js';
import { userTextSection } from './nudge-message.js';

export type Notice = Message;

const notice = (notification: string, line: string, note?: string): Notice =>
  message({ notification, blocks: [section(line), ...(note ? [context(note)] : [])] });

export function invitationSentNotice(f: { leaderId: string; sessionCount: number; cadenceDays: number; sessionMinutes: number; firstSessionAt: Date; leaderTz: string; coachTz: string }): Notice {
  const theirs = formatSessionTime(f.firstSessionAt, f.leaderTz);
  const yours = formatSessionTime(f.firstSessionAt, f.coachTz);
  const when = theirs === yours ? theirs : `${theirs} their time (${yours} yours)`;
  return notice(
    'Grow: your invitation is on its way.',
    `*Your invitation to <@${f.leaderId}> is on its way.* ${f.sessionCount} sessions of ${f.sessionMinutes} minutes, ${cadenceLabel(f.cadenceDays).toLowerCase()}, from ${when}.`,
    'Nothing is scheduled for them until they accept.',
  );
}

export const acceptedNotice = (leaderId: string, firstSessionAt: Date | null, coachTz: string): Notice =>
  notice(
    'Grow: your coaching invitation was accepted.',
    `*<@${leaderId}> accepted your invitation.*${firstSessionAt ? ` First session: ${formatSessionTime(firstSessionAt, coachTz)} (your time).` : ''}`,
  );

export const declinedNotice = (leaderId: string): Notice =>
  notice('Grow: your coaching invitation was declined.', `<@${leaderId}> declined your coaching invitation.`);

/** To the other person; the reason only when the coach is the one told (the leader ended it). */
export const endedNotice = (byId: string, reason?: string | null): Notice =>
  message({
    notification: 'Grow: your coaching engagement has ended.',
    blocks: [
      section(`<@${byId}> ended your coaching engagement.`),
      ...(reason ? [userTextSection('*Their reason, seen only by them and you:*', reason, END_REASON_MAX)] : []),
      context('Nothing more will be sent for it. What was written stays with its author.'),
    ],
  });

export const sessionMovedNotice = (byId: string, seq: number, at: Date, tz: string): Notice =>
  notice(`Grow: session ${seq} was moved.`, `<@${byId}> moved session ${seq} to *${formatSessionTime(at, tz)}* (your time).`);

export const sessionCancelledNotice = (byId: string, seq: number, at: Date, tz: string): Notice =>
  notice(`Grow: session ${seq} was cancelled.`, `<@${byId}> cancelled session ${seq}, which was *${formatSessionTime(at, tz)}* (your time).`);
