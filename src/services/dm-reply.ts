// What a leader types in Grow's DM: Grow offers to keep it as a reflection on their current
// action. Nothing is stored until they choose to keep it, and then only with the
// visibility they chose; the text is never passed on anywhere else.
import { findOpenAction } from '../../db/check-ins.js';
import { insertReflection } from '../../db/reflections.js';
import type { Visibility } from '../domain/checkin/rules.js';
import { REFLECTION_TEXT_MAX } from '../domain/engagement/reflection.js';
import type { ServiceContext } from './context.js';

/** The action a reply would be kept with, if the leader has one open. */
export async function findActionForReply(ctx: ServiceContext, teamId: string, leaderId: string): Promise<{ id: string; text: string } | null> {
  const action = await findOpenAction(ctx.db, ctx.cipher, teamId, leaderId);
  return action ? { id: action.id, text: action.text } : null;
}

export type KeepReplyResult = { outcome: 'kept'; visibility: Visibility } | { outcome: 'stale' } | { outcome: 'empty' };

/** Keeps `text` as a reflection on the leader's open action `actionId`; stale if that action is no longer their open one. */
export async function keepReplyAsReflection(
  ctx: ServiceContext,
  input: { teamId: string; leaderId: string; actionId: string; text: string; visibility: Visibility },
): Promise<KeepReplyResult> {
  const text = input.text.trim().slice(0, REFLECTION_TEXT_MAX);
  if (!text) return { outcome: 'empty' };
  const action = await findOpenAction(ctx.db, ctx.cipher, input.teamId, input.leaderId);
  if (!action || action.id !== input.actionId) return { outcome: 'stale' };
  await insertReflection(ctx.db, ctx.cipher, {
    teamId: input.teamId,
    leaderId: input.leaderId,
    engagementId: action.engagementId,
    actionId: action.id,
    kind: 'follow_up',
    body: { happened: text },
    visibility: input.visibility,
  });
  ctx.logger.info({ teamId: input.teamId, userId: input.leaderId, actionId: action.id, visibility: input.visibility }, 'DM reply kept as a reflection');
  return { outcome: 'kept', visibility: input.visibility };
}
