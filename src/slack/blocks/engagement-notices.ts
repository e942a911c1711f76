// Short DMs about an engagement to the other party: the coach hears that an invitation
// went out, was accepted or declined (only that), and either hears when it ends.
import { cadenceLabel } from '../../domain/engagement/draft.js';
import { formatSessionTime } from './nudge-session-prep.js';
import { context, section, type Block } from './kit.js';

export interface Notice {
  text: string;
  blocks: Block[];
}

const notice = (line: string, note?: string): Notice => ({ text: line.replace(/\*/g, ''), blocks: [section(line), ...(note ? [context(note)] : [])] });

export function invitationSentNotice(f: { leaderId: string; sessionCount: number; cadenceDays: number; sessionMinutes: number; firstSessionAt: Date; leaderTz: string; coachTz: string }): Notice {
  const theirs = formatSessionTime(f.firstSessionAt, f.leaderTz);
  const yours = formatSessionTime(f.firstSessionAt, f.coachTz);
  const when = theirs === yours ? theirs : `${theirs} their time (${yours} yours)`;
  return notice(
    `*Your invitation to <@${f.leaderId}> is on its way.* ${f.sessionCount} sessions of ${f.sessionMinutes} minutes, ${cadenceLabel(f.cadenceDays).toLowerCase()}, from ${when}.`,
    'Nothing is scheduled for them until they accept.',
  );
}

export const acceptedNotice = (leaderId: string, firstSessionAt: Date | null, coachTz: string): Notice =>
  notice(`*<@${leaderId}> accepted your invitation.*${firstSessionAt ? ` First session: ${formatSessionTime(firstSessionAt, coachTz)} (your time).` : ''}`);

export const declinedNotice = (leaderId: string): Notice => notice(`<@${leaderId}> declined your coaching invitation.`);

export const endedNotice = (byId: string): Notice =>
  notice(`<@${byId}> ended your coaching engagement.`, 'Nothing more will be sent for it. What was written stays with its author.');

export const sessionMovedNotice = (byId: string, seq: number, at: Date, tz: string): Notice =>
  notice(`<@${byId}> moved session ${seq} to *${formatSessionTime(at, tz)}* (your time).`);
