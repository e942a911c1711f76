// views.open, views.push, views.update and views.publish: trigger exchange, modal stacks,
// Home tabs, hashes and external ids.

import {
  authedTeam, optionalJson, optionalString, requireString, type MethodContext, type MethodSpec,
} from '../method-context.js';
import { SlackError } from '../slack-error.js';
import type { Json, StoredView, Team } from '../state-types.js';
import { saveView } from '../view-store.js';

export const TRIGGER_TTL_MS = 3_000;
const MAX_MODAL_STACK = 3;

/** Exchanges a trigger_id once, within its 3 seconds, for the user who caused it. */
function exchangeTrigger(ctx: MethodContext, team: Team): string {
  const id = optionalString(ctx.args, 'trigger_id') ?? optionalString(ctx.args, 'interactivity_pointer');
  if (!id) throw SlackError.withMessages('invalid_arguments', ['[ERROR] missing required field: trigger_id']);
  const trigger = ctx.store.triggers.get(id);
  if (!trigger || trigger.teamId !== team.id) throw new SlackError('invalid_trigger_id');
  if (trigger.exchanged) throw new SlackError('exchanged_trigger_id');
  if (ctx.now() - trigger.issuedAt > TRIGGER_TTL_MS) throw new SlackError('expired_trigger_id');
  trigger.exchanged = true;
  return trigger.userId;
}

function readView(ctx: MethodContext, expectedType: 'modal' | 'home'): Json {
  const raw = optionalJson(ctx.args, 'view', 'invalid_arguments');
  if (raw === undefined) throw SlackError.withMessages('invalid_arguments', ['[ERROR] missing required field: view']);
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw SlackError.withMessages('invalid_arguments', ['[ERROR] must be an object [json-pointer:/view]']);
  }
  const view = raw as Json;
  if (view.type !== expectedType) {
    throw SlackError.withMessages('invalid_arguments', [`[ERROR] must be '${expectedType}' [json-pointer:/view/type]`]);
  }
  const problems = ctx.blockKit.view(view);
  if (problems.length > 0) throw SlackError.withMessages('invalid_arguments', problems);
  return view;
}

function open(ctx: MethodContext) {
  const team = authedTeam(ctx);
  const view = readView(ctx, 'modal');
  const userId = exchangeTrigger(ctx, team);
  const stored = saveView(ctx.store, ctx.now(), team, userId, view, { previousViewId: null });
  const stack = ctx.store.modalStack(team.id, userId);
  stack.splice(0, stack.length, stored.id);
  return { view: stored.view };
}

function push(ctx: MethodContext) {
  const team = authedTeam(ctx);
  const view = readView(ctx, 'modal');
  const userId = exchangeTrigger(ctx, team);
  const stack = ctx.store.modalStack(team.id, userId);
  if (stack.length >= MAX_MODAL_STACK) throw new SlackError('push_limit_reached');
  const top = stack[stack.length - 1];
  const stored = saveView(ctx.store, ctx.now(), team, userId, view, {
    previousViewId: top ?? null, ...(stack[0] ? { rootViewId: stack[0] } : {}),
  });
  stack.push(stored.id);
  return { view: stored.view };
}

function isLive(ctx: MethodContext, view: StoredView): boolean {
  if (view.type === 'home') return ctx.store.homeViews.get(`${view.teamId}/${view.userId}`) === view.id;
  return ctx.store.modalStack(view.teamId, view.userId).includes(view.id);
}

function update(ctx: MethodContext) {
  const team = authedTeam(ctx);
  const viewId = optionalString(ctx.args, 'view_id');
  const externalId = optionalString(ctx.args, 'external_id');
  if (!viewId && !externalId) {
    throw SlackError.withMessages('invalid_arguments', ['[ERROR] either view_id or external_id is required']);
  }
  const existing = viewId
    ? ctx.store.views.get(viewId)
    : [...ctx.store.views.values()].find((v) => v.teamId === team.id && v.externalId === externalId);
  if (!existing || existing.teamId !== team.id || !isLive(ctx, existing)) throw new SlackError('not_found');
  const hash = optionalString(ctx.args, 'hash');
  if (hash !== undefined && hash !== existing.hash) throw new SlackError('hash_conflict');
  const view = readView(ctx, existing.type);
  const stored = saveView(ctx.store, ctx.now(), team, existing.userId, view, {
    id: existing.id, rootViewId: existing.rootViewId, previousViewId: existing.previousViewId,
  });
  return { view: stored.view };
}

function publish(ctx: MethodContext) {
  const team = authedTeam(ctx);
  const userId = requireString(ctx.args, 'user_id', 'invalid_arguments');
  const user = ctx.store.findUser(team.id, userId);
  if (!user || user.deleted) throw new SlackError('user_not_found');
  const key = `${team.id}/${userId}`;
  const currentId = ctx.store.homeViews.get(key);
  const current = currentId ? ctx.store.views.get(currentId) : undefined;
  const hash = optionalString(ctx.args, 'hash');
  if (hash !== undefined && current && hash !== current.hash) throw new SlackError('hash_conflict');
  const view = readView(ctx, 'home');
  const stored = saveView(ctx.store, ctx.now(), team, userId, view, { ...(current ? { id: current.id } : {}), previousViewId: null });
  ctx.store.homeViews.set(key, stored.id);
  return { view: stored.view };
}

export const viewMethods: Record<string, MethodSpec> = {
  'views.open': { tier: 4, auth: 'token', handle: open },
  'views.push': { tier: 4, auth: 'token', handle: push },
  'views.update': { tier: 4, auth: 'token', handle: update },
  'views.publish': { tier: 4, auth: 'token', handle: publish },
};
