// Applies an app's answer to a view_submission as Slack does: errors shown on inputs,
// update in place, push, clear the stack, or (empty 200) close the submitted view. An
// answer Slack cannot use leaves the modal open with a connection error.

import { validateView } from '../block-kit/validate-surface.js';
import { SlackError } from '../slack-error.js';
import type { Json, StoredView } from '../state-types.js';
import type { Store } from '../store.js';
import { saveView } from '../view-store.js';
import type { AppAnswer } from './app-client.js';

export type SubmissionOutcome =
  | { outcome: 'closed' | 'cleared' }
  | { outcome: 'errors'; errors: Record<string, string> }
  | { outcome: 'updated' | 'pushed'; view: Json }
  /** Slack shows "We had some trouble connecting" and keeps the modal as it was. */
  | { outcome: 'rejected'; reason: string };

const MAX_STACK = 3;

export function applySubmissionAnswer(store: Store, now: number, submitted: StoredView, answer: AppAnswer): SubmissionOutcome {
  if (answer.failure) return { outcome: 'rejected', reason: answer.failure };
  const stack = store.modalStack(submitted.teamId, submitted.userId);
  const body = answer.body;
  if (body === undefined) {
    stack.splice(stack.indexOf(submitted.id), 1);
    return { outcome: 'closed' };
  }
  if (typeof body !== 'object' || body === null) return { outcome: 'rejected', reason: 'answer is not JSON' };
  const reply = body as Json;
  switch (reply.response_action) {
    case 'errors': return checkErrors(submitted, reply.errors);
    case 'clear':
      stack.length = 0;
      return { outcome: 'cleared' };
    case 'update': case 'push': {
      const view = reply.view as Json | undefined;
      if (!view || view.type !== 'modal') return { outcome: 'rejected', reason: 'response_action needs a modal view' };
      const problems = validateView(view);
      if (problems.length > 0) return { outcome: 'rejected', reason: problems.join('; ') };
      if (reply.response_action === 'push' && stack.length >= MAX_STACK) return { outcome: 'rejected', reason: 'push_limit_reached' };
      const team = store.team(submitted.teamId);
      try {
        if (reply.response_action === 'update') {
          const updated = saveView(store, now, team, submitted.userId, view, {
            id: submitted.id, rootViewId: submitted.rootViewId, previousViewId: submitted.previousViewId,
          });
          return { outcome: 'updated', view: updated.view };
        }
        const pushed = saveView(store, now, team, submitted.userId, view, { rootViewId: submitted.rootViewId, previousViewId: submitted.id });
        stack.push(pushed.id);
        return { outcome: 'pushed', view: pushed.view };
      } catch (error) {
        if (error instanceof SlackError) return { outcome: 'rejected', reason: error.code };
        throw error;
      }
    }
    default:
      // Slack closes the view for a JSON body without response_action, as for an empty one.
      if (reply.response_action === undefined) {
        stack.splice(stack.indexOf(submitted.id), 1);
        return { outcome: 'closed' };
      }
      return { outcome: 'rejected', reason: `unknown response_action ${String(reply.response_action)}` };
  }
}

/** Every error key must name an input block of the submitted view, or Slack refuses it. */
function checkErrors(submitted: StoredView, errors: unknown): SubmissionOutcome {
  if (typeof errors !== 'object' || errors === null || Array.isArray(errors)) {
    return { outcome: 'rejected', reason: 'errors must be an object' };
  }
  const blocks = (submitted.view.blocks as Json[]) ?? [];
  const inputIds = new Set(blocks.filter((b) => b.type === 'input').map((b) => b.block_id as string));
  const entries = Object.entries(errors as Record<string, unknown>);
  for (const [blockId, message] of entries) {
    if (!inputIds.has(blockId)) return { outcome: 'rejected', reason: `errors names "${blockId}", which is not an input block` };
    if (typeof message !== 'string') return { outcome: 'rejected', reason: `error for "${blockId}" must be a string` };
  }
  return { outcome: 'errors', errors: Object.fromEntries(entries) as Record<string, string> };
}
