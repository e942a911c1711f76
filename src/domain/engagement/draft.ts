// The new-engagement form as rules: what a coach may choose (sessions, cadence, length),
// what makes a draft acceptable, and the session calendar it implies. Pure: the Slack
// layer supplies what it learned about the leader and the clock.
import { z } from 'zod';
import { sessionTimes } from '../planner/session-times.js';
import { atLocalTime, localDateOf } from '../time/local-time.js';

export const SESSION_COUNT = { min: 6, max: 12, default: 8 } as const;
export const SESSION_MINUTES = { min: 60, max: 90, default: 60, choices: [60, 75, 90] } as const;
export const CADENCES = [
  { days: 7, label: 'Every week' },
  { days: 14, label: 'Every two weeks' },
  { days: 21, label: 'Every three weeks' },
] as const;
export const DEFAULT_CADENCE_DAYS = 14;

export type DraftField = 'leader' | 'sponsor' | 'startDate' | 'sessionTime' | 'sessions' | 'cadence' | 'sessionLength' | 'note';

/** The coach's personal note in the invitation: why this leader, in the coach's words. */
export const INVITATION_NOTE_MAX = 1000;
export type DraftErrors = Partial<Record<DraftField, string>>;

export interface EngagementDraft {
  leaderId: string;
  /** The organisation's person (manager, HR partner), optional: sees process facts only. */
  sponsorId: string | null;
  /** 'yyyy-MM-dd' on the leader's calendar. */
  startDate: string;
  /** 'HH:mm' on the leader's clock. */
  sessionTime: string;
  sessionCount: number;
  cadenceDays: number;
  sessionMinutes: number;
  /** The coach's personal note for the invitation, or null. */
  note: string | null;
}

const intIn = (min: number, max: number, message: string) =>
  z.coerce.number({ invalid_type_error: message }).int(message).min(min, message).max(max, message);

const draftSchema = z.object({
  leader: z.string({ required_error: 'Who is the leader you will coach?' }).regex(/^[UW][A-Z0-9]{2,}$/, 'Please pick a person.'),
  sponsor: z
    .string()
    .regex(/^[UW][A-Z0-9]{2,}$/, 'Please pick a person, or leave this empty.')
    .nullish()
    .transform((v) => v ?? null),
  startDate: z.string({ required_error: 'When does the engagement start?' }).regex(/^\d{4}-\d{2}-\d{2}$/, 'Please pick a date.'),
  sessionTime: z.string({ required_error: 'At what time is the first session?' }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Please pick a time.'),
  sessions: intIn(SESSION_COUNT.min, SESSION_COUNT.max, `Between ${SESSION_COUNT.min} and ${SESSION_COUNT.max} sessions, please.`).default(SESSION_COUNT.default),
  cadence: intIn(7, 21, 'Please pick a cadence.')
    .refine((d) => CADENCES.some((c) => c.days === d), 'Please pick a cadence.')
    .default(DEFAULT_CADENCE_DAYS),
  sessionLength: intIn(SESSION_MINUTES.min, SESSION_MINUTES.max, `Sessions last ${SESSION_MINUTES.min} to ${SESSION_MINUTES.max} minutes.`).default(
    SESSION_MINUTES.default,
  ),
  note: z.string().trim().max(INVITATION_NOTE_MAX, `Please keep the note under ${INVITATION_NOTE_MAX} characters.`).optional(),
});

/** Reads raw form values (strings from Slack) into a draft, or says what to fix, field by field. */
export function parseEngagementDraft(values: Partial<Record<DraftField, unknown>>): { ok: true; draft: EngagementDraft } | { ok: false; errors: DraftErrors } {
  const parsed = draftSchema.safeParse(values);
  if (!parsed.success) {
    const errors: DraftErrors = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as DraftField;
      errors[field] ??= issue.message;
    }
    return { ok: false, errors };
  }
  const d = parsed.data;
  return {
    ok: true,
    draft: { leaderId: d.leader, sponsorId: d.sponsor, startDate: d.startDate, sessionTime: d.sessionTime, sessionCount: d.sessions, cadenceDays: d.cadence, sessionMinutes: d.sessionLength, note: d.note || null },
  };
}

/** What Slack told us about the person the coach picked. */
export interface LeaderFacts {
  isBot: boolean;
  deleted: boolean;
  tz: string;
}

export interface DraftCheckInput {
  draft: EngagementDraft;
  coachId: string;
  leader: LeaderFacts;
  /** What Slack said of the sponsor, when one was picked. */
  sponsor?: LeaderFacts;
  now: Date;
}

/**
 * Whether the coach may start this engagement, and if so its session calendar: every
 * `cadenceDays` from the first session, at the same time on the leader's clock.
 */
export function checkEngagementDraft(input: DraftCheckInput): { ok: true; sessionTimes: Date[] } | { ok: false; errors: DraftErrors } {
  const { draft, leader, now } = input;
  if (draft.leaderId === input.coachId) return { ok: false, errors: { leader: 'You cannot coach yourself here. Who is the leader?' } };
  if (leader.isBot) return { ok: false, errors: { leader: 'That is an app, not a person. Who is the leader?' } };
  if (leader.deleted) return { ok: false, errors: { leader: 'That account is no longer active. Who is the leader?' } };
  if (draft.sponsorId === draft.leaderId) return { ok: false, errors: { sponsor: 'The sponsor is someone other than the leader — their manager or HR partner, for example.' } };
  if (draft.sponsorId === input.coachId) return { ok: false, errors: { sponsor: 'The sponsor is someone other than you, the coach.' } };
  if (input.sponsor?.isBot) return { ok: false, errors: { sponsor: 'That is an app, not a person. Who is the sponsor?' } };
  if (input.sponsor?.deleted) return { ok: false, errors: { sponsor: 'That account is no longer active. Who is the sponsor?' } };
  const today = localDateOf(now, leader.tz);
  // 'yyyy-MM-dd' strings order like the dates they name.
  if (draft.startDate < today) return { ok: false, errors: { startDate: 'That date has passed where the leader is. When does it start?' } };
  const first = atLocalTime(draft.startDate, draft.sessionTime, leader.tz);
  if (first.getTime() <= now.getTime()) return { ok: false, errors: { sessionTime: 'That time has already passed today where the leader is. What time works?' } };
  return { ok: true, sessionTimes: sessionTimes(first, draft.sessionCount, draft.cadenceDays, leader.tz) };
}

export function cadenceLabel(days: number): string {
  return CADENCES.find((c) => c.days === days)?.label ?? `Every ${days} days`;
}
