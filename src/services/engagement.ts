// The engagement verbs: a coach starts one (the leader is invited, nothing else is
// planned), the leader accepts or declines, either of them ends it. Every change re-plans,
// in the transaction that changes the status.
import { newRowId, rowSeal } from '../../db/sealed.js';
import { findEngagement, findInvitationMessage, insertEngagement, listEngagementsOf, moveEngagement, noteEnding, type EngagementRow, type SessionRow } from '../../db/engagements.js';
import type { Db } from '../../db/client.js';
import { mayStartEngagement } from '../../db/programme.js';
import { upsertPersonTz } from '../../db/people.js';
import { syncEngagementPlan } from '../../db/plan-sync.js';
import { checkEngagementDraft, parseEngagementDraft, type DraftErrors, type DraftField, type LeaderFacts } from '../domain/engagement/draft.js';
import { fromStatuses, nextStatus, roleOf, type EngagementEvent } from '../domain/engagement/status.js';
import { DomainError } from '../domain/errors.js';
import type { ServiceContext } from './context.js';

export type { EngagementRow };

export interface CreateEngagementInput {
  teamId: string;
  coachId: string;
  values: Partial<Record<DraftField, unknown>>;
  /** Looks the chosen leader (and sponsor) up in Slack; only called once the form itself is valid. */
  lookUpLeader: (leaderId: string) => Promise<LeaderFacts>;
}

export type CreateEngagementResult =
  | { outcome: 'invalid'; errors: DraftErrors }
  | { outcome: 'created'; engagement: EngagementRow; sessions: SessionRow[]; leaderTz: string };

export const NOT_A_COACH = 'Only the programme’s coaches can start an engagement in this workspace. A programme admin can add you under App Home → Programme.';

export async function createEngagement(ctx: ServiceContext, input: CreateEngagementInput): Promise<CreateEngagementResult> {
  const parsed = parseEngagementDraft(input.values);
  if (!parsed.ok) return { outcome: 'invalid', errors: parsed.errors };
  const draft = parsed.draft;
  const now = ctx.now();
  if (!(await mayStartEngagement(ctx.db, input.teamId, input.coachId))) return { outcome: 'invalid', errors: { leader: NOT_A_COACH } };
  // Yourself is refused before asking Slack anything about you.
  const nobody = { isBot: false, deleted: false, tz: 'UTC' };
  const leader = draft.leaderId === input.coachId ? nobody : await input.lookUpLeader(draft.leaderId);
  const sponsorApart = draft.sponsorId && draft.sponsorId !== input.coachId && draft.sponsorId !== draft.leaderId;
  const sponsor = sponsorApart ? await input.lookUpLeader(draft.sponsorId!) : undefined;
  const checked = checkEngagementDraft({ draft, coachId: input.coachId, leader, sponsor, now });
  if (!checked.ok) return { outcome: 'invalid', errors: checked.errors };
  let created;
  try {
    const { note, ...terms } = draft;
    const id = newRowId();
    const invitationNoteEnc = note ? rowSeal(ctx.cipher, 'engagements', { teamId: input.teamId, id }).seal('invitation_note_enc', note) : null;
    // The engagement, its sessions and the zones Slack gave for its people commit together.
    created = await ctx.db.transaction(async (tx) => {
      const row = await insertEngagement(tx as unknown as Db, { id, teamId: input.teamId, coachId: input.coachId, ...terms, invitationNoteEnc, sessionTimes: checked.sessionTimes });
      await Promise.all([
        upsertPersonTz(tx as unknown as Db, input.teamId, draft.leaderId, leader.tz, now, ctx.defaultWorkingHours),
        draft.sponsorId && sponsor ? upsertPersonTz(tx as unknown as Db, input.teamId, draft.sponsorId, sponsor.tz, now, ctx.defaultWorkingHours) : undefined,
      ]);
      return row;
    });
  } catch (error) {
    if (error instanceof DomainError && error.code === 'conflict') return { outcome: 'invalid', errors: { leader: error.userMessage } };
    throw error;
  }
  // Plans the invitation only: an engagement that is not active has no rhythm yet.
  await ctx.replan?.(input.teamId, created.engagement.id);
  ctx.logger.info({ teamId: input.teamId, userId: input.coachId, engagementId: created.engagement.id, sessions: draft.sessionCount }, 'engagement created');
  return { outcome: 'created', ...created, leaderTz: leader.tz };
}

export interface EngagementMoveInput {
  teamId: string;
  userId: string;
  engagementId: string;
  /** Ending early: why, if the ender said (only the ender and the coach see it). */
  reason?: string;
}

export type EngagementMoveResult =
  | { outcome: 'moved'; engagement: EngagementRow; previous: EngagementRow['status'] }
  /** Already answered or over: nothing changed; `engagement` is how it stands. */
  | { outcome: 'stale'; engagement: EngagementRow };

async function applyEvent(ctx: ServiceContext, input: EngagementMoveInput, event: EngagementEvent): Promise<EngagementMoveResult> {
  const engagement = await findEngagement(ctx.db, input.teamId, input.engagementId);
  if (!engagement) throw new DomainError('not_found', `engagement ${input.engagementId}`);
  let to;
  try {
    to = nextStatus(engagement, event, input.userId);
  } catch (error) {
    if (error instanceof DomainError && error.code === 'stale') return { outcome: 'stale', engagement };
    throw error;
  }
  const now = ctx.now();
  // The new status and its plan commit together: a shutdown or crash between the two would
  // leave an active engagement with nothing planned (or an ended one still sending).
  const moved = await ctx.db.transaction(async (tx) => {
    const row = await moveEngagement(tx as unknown as Db, { teamId: input.teamId, engagementId: engagement.id, from: fromStatuses(event), to, now });
    if (row) await syncEngagementPlan(tx as unknown as Db, { teamId: input.teamId, engagementId: engagement.id, now, rhythm: ctx.rhythm, defaultWorkingHours: ctx.defaultWorkingHours });
    if (row && event === 'end') await noteEnding(tx as unknown as Db, ctx.cipher, { teamId: input.teamId, engagementId: engagement.id, endedBy: input.userId, reason: input.reason?.trim() || null });
    return row;
  });
  if (!moved) {
    // Someone else moved it between our read and our write.
    const current = (await findEngagement(ctx.db, input.teamId, input.engagementId)) ?? engagement;
    return { outcome: 'stale', engagement: current };
  }
  await ctx.handOff?.(input.teamId, engagement.id);
  ctx.logger.info({ teamId: input.teamId, userId: input.userId, engagementId: engagement.id, role: roleOf(engagement, input.userId), status: to }, `engagement ${event}`);
  return { outcome: 'moved', engagement: moved, previous: engagement.status };
}

export const acceptInvitation = (ctx: ServiceContext, input: EngagementMoveInput) => applyEvent(ctx, input, 'accept');
export const declineInvitation = (ctx: ServiceContext, input: EngagementMoveInput) => applyEvent(ctx, input, 'decline');
export const endEngagement = (ctx: ServiceContext, input: EngagementMoveInput) => applyEvent(ctx, input, 'end');

/** The engagements a person leads or coaches that are invited or under way. */
export const listLiveEngagements = (ctx: ServiceContext, teamId: string, userId: string, role?: 'coach' | 'leader') =>
  listEngagementsOf(ctx.db, teamId, userId, ['invited', 'active'], role);

export const loadEngagement = (ctx: ServiceContext, teamId: string, engagementId: string) => findEngagement(ctx.db, teamId, engagementId);

/** Where the leader's invitation DM sits, once it was sent. */
export const findInvitationDm = (ctx: ServiceContext, engagement: Pick<EngagementRow, 'teamId' | 'id'>) => findInvitationMessage(ctx.db, engagement.teamId, engagement.id);
