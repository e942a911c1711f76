// Driver actions on views: submitting a modal (with state built from simple answers),
// closing it, and clicking elements inside a modal or the Home tab.

import type { Json, StoredView } from '../state-types.js';
import { toResult, type DriveResult, type DriverContext } from './context.js';
import { describeAction, findElement } from './find-element.js';
import { interactionBase, interactionForm } from './payloads.js';
import { applySubmissionAnswer, type SubmissionOutcome } from './view-responses.js';
import { buildStateValues, type SubmittedValues } from './view-state.js';

export interface SubmitViewInput { teamId: string; userId: string; viewId: string; values?: SubmittedValues }

export interface SubmitViewResult extends DriveResult {
  /** What Slack did with the answer; `blocked` when the client refused to submit at all. */
  outcome: SubmissionOutcome['outcome'] | 'blocked';
  errors?: Record<string, string>;
  view?: Json;
  reason?: string;
}

function liveModal(ctx: DriverContext, teamId: string, userId: string, viewId: string): StoredView {
  const stored = ctx.store.views.get(viewId);
  if (!stored || stored.type !== 'modal' || !ctx.store.modalStack(teamId, userId).includes(viewId)) {
    throw new Error(`emulator: view ${viewId} is not open for ${userId}`);
  }
  return stored;
}

export async function submitView(ctx: DriverContext, input: SubmitViewInput): Promise<SubmitViewResult> {
  const { team, user } = ctx.actor(input.teamId, input.userId);
  const stored = liveModal(ctx, team.id, user.id, input.viewId);
  const state = buildStateValues((stored.view.blocks as Json[]) ?? [], input.values ?? {});
  if (Object.keys(state.clientErrors).length > 0) {
    return { status: 0, body: undefined, outcome: 'blocked', errors: state.clientErrors };
  }
  const view = { ...stored.view, state: { values: state.values } };
  const payload: Json = {
    ...interactionBase('view_submission', team, user, ctx.store.issueTrigger(team.id, user.id, ctx.now())),
    view, response_urls: [],
  };
  const answer = await ctx.post(interactionForm(payload), 'application/x-www-form-urlencoded');
  const applied = applySubmissionAnswer(ctx.store, ctx.now(), stored, answer);
  return { ...toResult(answer), ...applied };
}

export interface CloseViewResult { closed: string[]; notified: boolean; answer?: DriveResult }

/** The user presses Close/Cancel: the stack closes; view_closed goes out if asked for. */
export async function closeView(ctx: DriverContext, input: { teamId: string; userId: string; viewId: string }): Promise<CloseViewResult> {
  const { team, user } = ctx.actor(input.teamId, input.userId);
  const stored = liveModal(ctx, team.id, user.id, input.viewId);
  const stack = ctx.store.modalStack(team.id, user.id);
  // clear_on_close closes the whole stack; otherwise only this view goes.
  const closed = stored.view.clear_on_close === true ? stack.splice(0) : stack.splice(stack.indexOf(stored.id), 1);
  if (stored.view.notify_on_close !== true) return { closed, notified: false };
  const payload: Json = {
    ...interactionBase('view_closed', team, user),
    view: stored.view, is_cleared: stored.view.clear_on_close === true,
  };
  const answer = await ctx.post(interactionForm(payload), 'application/x-www-form-urlencoded');
  return { closed, notified: true, answer: toResult(answer) };
}

export interface ViewActionInput {
  teamId: string; userId: string; actionId: string; blockId?: string; value?: string | string[];
  /** A modal's id; omit to act on the user's Home tab. */
  viewId?: string;
}

export interface ViewActionResult extends DriveResult { triggerId: string }

export async function actOnView(ctx: DriverContext, input: ViewActionInput): Promise<ViewActionResult> {
  const { team, user } = ctx.actor(input.teamId, input.userId);
  const viewId = input.viewId ?? ctx.store.homeViews.get(`${team.id}/${user.id}`);
  const stored = viewId ? ctx.store.views.get(viewId) : undefined;
  if (!stored) throw new Error(`emulator: no ${input.viewId ? `view ${input.viewId}` : 'Home tab'} for ${user.id}`);
  if (stored.type === 'modal') liveModal(ctx, team.id, user.id, stored.id);
  const located = findElement(stored.view.blocks as Json[], input.actionId, input.blockId, input.value);
  const now = ctx.now();
  const triggerId = ctx.store.issueTrigger(team.id, user.id, now);
  const payload: Json = {
    ...interactionBase('block_actions', team, user, triggerId),
    container: { type: 'view', view_id: stored.id },
    view: stored.view,
    actions: [describeAction(located, ctx.store.ids.ts(now), input.value)],
  };
  const answer = await ctx.post(interactionForm(payload), 'application/x-www-form-urlencoded');
  return { ...toResult(answer), triggerId };
}
