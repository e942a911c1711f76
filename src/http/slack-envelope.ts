// The shape of every request body Slack sends, checked after the signature and before
// Bolt sees it: Bolt reads `user`, `team`, `view` and `actions` before any listener
// runs, so a body without them would crash it. A body that does not fit is refused; a
// well-formed one that no listener would answer (an unknown action or callback id, an
// event Grow does not subscribe to) is acknowledged at once instead of after 3 s.
import { z } from 'zod';
import type { ListenerIds } from '../slack/listened-ids.js';
import { viewStateSchema } from '../slack/read-view-state.js';

export type EnvelopeCheck = { verdict: 'handle' } | { verdict: 'acknowledge' | 'refuse'; reason: string };

const slackId = z.string().regex(/^[A-Z0-9]{2,40}$/);
const shortText = z.string().max(255);
const person = z.object({ id: slackId }).passthrough();
const workspace = z.object({ id: slackId }).passthrough();
/** What Bolt reads of every body to find the installation, whatever the type. */
const tenancy = {
  enterprise: z.object({ id: slackId }).passthrough().nullish(),
  enterprise_id: slackId.nullish(),
  is_enterprise_install: z.boolean().optional(),
  authorizations: z.array(z.object({ team_id: slackId.nullish(), user_id: slackId.nullish(), enterprise_id: slackId.nullish() }).passthrough()).max(10).optional(),
};

const viewSchema = z
  .object({
    id: slackId,
    type: z.string().max(32),
    callback_id: shortText.optional(),
    private_metadata: z.string().max(3000).optional(),
    state: z.object({ values: viewStateSchema }).passthrough().optional(),
  })
  .passthrough();

const blockActions = z
  .object({
    ...tenancy,
    type: z.literal('block_actions'),
    user: person,
    team: workspace,
    actions: z
      .array(z.object({ action_id: shortText, block_id: shortText.optional(), type: z.string().max(64), value: z.string().max(2000).optional() }).passthrough())
      .min(1)
      .max(5),
    view: viewSchema.optional(),
    container: z.object({ type: z.string() }).passthrough().optional(),
    channel: z.object({ id: slackId }).passthrough().optional(),
    message: z.object({ ts: z.string().max(40) }).passthrough().optional(),
    trigger_id: z.string().max(255).optional(),
    response_url: z.string().url().max(1000).optional(),
  })
  .passthrough();

const viewEvent = z
  .object({ ...tenancy, type: z.enum(['view_submission', 'view_closed']), user: person, team: workspace, view: viewSchema.and(z.object({ callback_id: shortText })) })
  .passthrough();

const shortcut = z
  .object({ ...tenancy, type: z.enum(['shortcut', 'message_action']), callback_id: shortText, user: person, team: workspace, trigger_id: z.string().max(255) })
  .passthrough();

const slashCommand = z
  .object({
    command: z.string().regex(/^\/[a-z0-9_-]{1,32}$/i),
    text: z.string().max(4000),
    user_id: slackId,
    enterprise_id: slackId.optional(),
    is_enterprise_install: z.enum(['true', 'false']).optional(),
    team_id: slackId,
    channel_id: slackId,
    trigger_id: z.string().max(255).optional(),
    response_url: z.string().url().max(1000).optional(),
  })
  .passthrough();

const eventCallback = z
  .object({
    ...tenancy,
    type: z.literal('event_callback'),
    team_id: slackId,
    // Bolt reads who and where from any event before a listener runs.
    event: z
      .object({
        type: z.string().max(64),
        user: z.union([slackId, z.object({ id: slackId }).passthrough()]).optional(),
        channel: z.union([slackId, z.object({ id: slackId }).passthrough()]).optional(),
        item: z.object({ channel: slackId.optional() }).passthrough().optional(),
      })
      .passthrough(),
  })
  .passthrough();

/** The fields each event Grow subscribes to is read by, checked before its listener runs. */
const eventFields: Record<string, z.ZodTypeAny> = {
  app_home_opened: z.object({ user: slackId, tab: z.string().max(32).optional() }).passthrough(),
  user_change: z.object({ user: z.object({ id: slackId, tz: z.string().max(64).optional() }).passthrough() }).passthrough(),
  app_uninstalled: z.object({}).passthrough(),
  // message.im: what a person types in Grow's DM (edits and bot messages carry a subtype or bot_id and are ignored).
  message: z.object({ channel_type: z.string().max(32).optional(), ts: z.string().max(32).optional(), user: slackId.optional(), subtype: z.string().max(64).optional() }).passthrough(),
  tokens_revoked: z.object({ tokens: z.object({ oauth: z.array(slackId).optional(), bot: z.array(slackId).optional() }).passthrough() }).passthrough(),
};

const refuse = (reason: string): EnvelopeCheck => ({ verdict: 'refuse', reason });
const acknowledge = (reason: string): EnvelopeCheck => ({ verdict: 'acknowledge', reason });
const handle: EnvelopeCheck = { verdict: 'handle' };

export function checkEnvelope(body: Record<string, unknown>, ids: ListenerIds): EnvelopeCheck {
  if (typeof body.command === 'string' || body.type === undefined) {
    const command = slashCommand.safeParse(body);
    if (!command.success) return refuse('slash_command_shape');
    return ids.commands.has(command.data.command) ? handle : acknowledge('unknown_command');
  }
  switch (body.type) {
    case 'block_actions': {
      const action = blockActions.safeParse(body);
      if (!action.success) return refuse('block_actions_shape');
      return action.data.actions.every((a) => ids.actions.has(a.action_id)) ? handle : acknowledge('unknown_action');
    }
    case 'view_submission':
    case 'view_closed': {
      const view = viewEvent.safeParse(body);
      if (!view.success) return refuse(`${String(body.type)}_shape`);
      return ids.callbacks.has(view.data.view.callback_id) ? handle : acknowledge('unknown_callback');
    }
    case 'event_callback': {
      const event = eventCallback.safeParse(body);
      if (!event.success) return refuse('event_shape');
      const fields = eventFields[event.data.event.type];
      if (!fields || !ids.events.has(event.data.event.type)) return acknowledge('unsubscribed_event');
      return fields.safeParse(event.data.event).success ? handle : refuse('event_fields');
    }
    case 'shortcut':
    case 'message_action': {
      const call = shortcut.safeParse(body);
      if (!call.success) return refuse(`${String(body.type)}_shape`);
      return ids.shortcuts.has(call.data.callback_id) ? handle : acknowledge('unknown_shortcut');
    }
    default:
      // Suggestions and legacy attachments: Grow registers none of them.
      return acknowledge('unhandled_type');
  }
}
