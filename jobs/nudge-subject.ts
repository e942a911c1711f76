// What a nudge is about, re-read from Postgres at send time, and whether it still
// applies: an answered action, a passed session or an ended engagement means the
// message would be noise. Free text is decrypted here and only handed to a renderer.
import { rowSeal } from '../db/sealed.js';
import { and, asc, desc, eq, gte } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import type { NudgeRow } from '../db/nudges.js';
import type { Person } from '../db/people.js';
import { actions, checkIns, engagements, sessions, targets } from '../db/schema/index.js';
import type { Cipher } from '../src/crypto.js';
import type { RhythmSettings } from '../src/domain/planner/rhythm.js';
import { buildCheckInPromptMessage } from '../src/slack/blocks/nudge-checkin-prompt.js';
import { buildFollowUpMessage } from '../src/slack/blocks/nudge-follow-up.js';
import type { NudgeMessage } from '../src/slack/blocks/nudge-message.js';
import { buildReviewMessage } from '../src/slack/blocks/nudge-review.js';
import { buildSessionPrepMessage } from '../src/slack/blocks/nudge-session-prep.js';

export type NudgeSubject =
  | { applies: true; message: NudgeMessage; /** Leaders a coach's message covers, recorded so erasing one finds it. */ about?: string[] }
  | { applies: false; status: 'skipped' | 'cancelled' | 'failed'; reason: string };

export interface SubjectInput {
  db: Db;
  cipher: Cipher;
  row: NudgeRow;
  person: Person;
  now: Date;
  /** The operator's rhythm: its back-off threshold decides what still goes out. */
  rhythm: RhythmSettings;
}

const skip = (reason: string): NudgeSubject => ({ applies: false, status: 'skipped', reason });
const send = (message: NudgeMessage): NudgeSubject => ({ applies: true, message });

async function loadOpenAction(db: Db, row: NudgeRow) {
  const [action] = await db
    .select()
    .from(actions)
    .where(
      and(eq(actions.teamId, row.teamId), eq(actions.leaderId, row.recipientId), eq(actions.engagementId, row.engagementId!), eq(actions.status, 'open')),
    )
    .orderBy(desc(actions.createdAt))
    .limit(1);
  return action;
}

const backedOff = ({ person, rhythm }: SubjectInput) => person.unansweredFollowUps >= rhythm.backOffAfterUnanswered;

async function followUp(input: SubjectInput): Promise<NudgeSubject> {
  const { db, cipher, row, person, now } = input;
  if (backedOff(input)) return skip('backed_off');
  const actionId = typeof row.ref.actionId === 'string' ? row.ref.actionId : undefined;
  if (!actionId) return { applies: false, status: 'failed', reason: 'missing_action_ref' };
  const [action] = await db.select().from(actions).where(and(eq(actions.id, actionId), eq(actions.teamId, row.teamId)));
  if (!action) return { applies: false, status: 'cancelled', reason: 'action_gone' };
  if (action.status !== 'open') return skip('action_answered');
  // A snooze moves the follow-up to a new row; the earlier one has nothing left to ask.
  if (action.snoozedUntil && action.snoozedUntil > now && row.dueAt < action.snoozedUntil) return skip('action_snoozed');
  const actionText = rowSeal(cipher, 'actions', action).open('text_enc', action.textEnc);
  return send(buildFollowUpMessage({ nudgeId: row.id, actionId, actionText, dueAt: action.dueAt, tz: person.tz }));
}

async function loadSession(db: Db, row: NudgeRow) {
  if (!row.sessionId) return undefined;
  const [session] = await db.select().from(sessions).where(and(eq(sessions.id, row.sessionId), eq(sessions.teamId, row.teamId)));
  return session;
}

async function sessionPrep(input: SubjectInput): Promise<NudgeSubject> {
  const { db, cipher, row, person, now } = input;
  const session = await loadSession(db, row);
  if (!session || session.status === 'cancelled') return skip('session_cancelled');
  if (session.status === 'held' || session.scheduledAt <= now) return skip('session_passed');
  const action = await loadOpenAction(db, row);
  return send(
    buildSessionPrepMessage({
      nudgeId: row.id,
      sessionId: session.id,
      sessionAt: session.scheduledAt,
      tz: person.tz,
      actionText: action ? rowSeal(cipher, 'actions', action).open('text_enc', action.textEnc) : null,
    }),
  );
}

async function checkInPrompt(input: SubjectInput): Promise<NudgeSubject> {
  const { db, row } = input;
  if (backedOff(input)) return skip('backed_off');
  const session = await loadSession(db, row);
  if (!session || session.status === 'cancelled') return skip('session_cancelled');
  const [since] = await db
    .select({ id: checkIns.id })
    .from(checkIns)
    .where(and(eq(checkIns.teamId, row.teamId), eq(checkIns.leaderId, row.recipientId), gte(checkIns.createdAt, session.scheduledAt)))
    .limit(1);
  if (since) return skip('checked_in');
  return send(buildCheckInPromptMessage({ nudgeId: row.id, sessionId: session.id }));
}

async function review({ db, cipher, row }: SubjectInput, stage: 'midpoint' | 'closing'): Promise<NudgeSubject> {
  const rows = await db
    .select()
    .from(targets)
    .where(and(eq(targets.teamId, row.teamId), eq(targets.engagementId, row.engagementId!)))
    .orderBy(asc(targets.position));
  const list = rows.map((t) => ({ description: rowSeal(cipher, 'targets', t).open('description_enc', t.descriptionEnc), baseline: t.baseline }));
  return send(buildReviewMessage({ nudgeId: row.id, engagementId: row.engagementId!, stage, targets: list }));
}

export type SubjectBuilder = (input: SubjectInput) => Promise<NudgeSubject>;

/** Other kinds (invitations, digests…) bring their own builder, which does its own checks. */
export type ExtraSubjects = Record<string, SubjectBuilder>;

const rhythmSubjects: Record<string, SubjectBuilder> = {
  follow_up: followUp,
  session_prep: sessionPrep,
  checkin_prompt: checkInPrompt,
  midpoint_review: (input) => review(input, 'midpoint'),
  closing_review: (input) => review(input, 'closing'),
};

/** Decides, from current data, whether the nudge still applies and renders it if so. */
export async function loadNudgeSubject(input: SubjectInput, extra: ExtraSubjects = {}): Promise<NudgeSubject> {
  const own = extra[input.row.kind];
  if (own) return own(input);
  const build = rhythmSubjects[input.row.kind];
  if (!build) return { applies: false, status: 'failed', reason: `unsupported_kind:${input.row.kind}` };
  // A check-in outside any engagement still gets its follow-up; everything else needs one.
  if (!input.row.engagementId) return input.row.kind === 'follow_up' ? build(input) : { applies: false, status: 'failed', reason: 'missing_engagement' };
  const [engagement] = await input.db
    .select({ status: engagements.status })
    .from(engagements)
    .where(and(eq(engagements.id, input.row.engagementId), eq(engagements.teamId, input.row.teamId)));
  if (!engagement) return { applies: false, status: 'cancelled', reason: 'engagement_gone' };
  if (engagement.status !== 'active') return { applies: false, status: 'cancelled', reason: `engagement_${engagement.status}` };
  return build(input);
}
