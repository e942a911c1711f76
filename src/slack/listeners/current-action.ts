// The "current action" buttons on the leader's Home: Mark done (Slack asks to confirm),
// Change date and Replace (each a modal). Every change goes through the current-action
// service, which re-plans the follow-up; Home is redrawn after it.
import type { App, BlockButtonAction } from '@slack/bolt';
import type { View } from '@slack/types';
import {
  changeCurrentActionDate,
  GONE_TEXT,
  loadCurrentAction,
  markCurrentActionDone,
  replaceCurrentAction,
  type ActionChangeResult,
} from '../../services/current-action.js';
import { actionDateModal, actionReplaceModal, currentActionMetadataSchema } from '../blocks/current-action-modals.js';
import type { SlackDeps } from '../deps.js';
import { friendlyMessage } from '../friendly-errors.js';
import { CALLBACKS, CURRENT_ACTION_ACTIONS } from '../ids.js';
import { decodeJson } from '../metadata.js';
import { readInput, viewStateSchema } from '../read-view-state.js';
import { tellUser, whoActed, type RefreshHome } from './engagement-interaction.js';

const actionIdOf = (value: string | undefined) => currentActionMetadataSchema.safeParse({ actionId: value }).data?.actionId;

export function registerCurrentAction(app: App, deps: SlackDeps, refreshHome: RefreshHome): void {
  app.action<BlockButtonAction>(CURRENT_ACTION_ACTIONS.done, async ({ ack, body, client }) => {
    await ack();
    const { teamId, userId, log } = whoActed(deps, body, { action: CURRENT_ACTION_ACTIONS.done });
    const actionId = actionIdOf(body.actions[0]?.value);
    try {
      const result: ActionChangeResult = actionId ? await markCurrentActionDone(deps, { teamId, leaderId: userId, actionId }) : { outcome: 'gone' };
      if (result.outcome === 'gone') await tellUser(client, body, GONE_TEXT, log);
    } catch (error) {
      log.error({ err: error }, 'action not marked done');
      await tellUser(client, body, friendlyMessage(error), log);
    }
    await refreshHome(deps, client, teamId, [userId]);
  });

  const opens = (id: string, build: (a: NonNullable<Awaited<ReturnType<typeof loadCurrentAction>>>) => View) =>
    app.action<BlockButtonAction>(id, async ({ ack, body, client }) => {
      await ack();
      const { teamId, userId, log } = whoActed(deps, body, { action: id });
      const actionId = actionIdOf(body.actions[0]?.value);
      try {
        const action = actionId ? await loadCurrentAction(deps, { teamId, leaderId: userId, actionId }) : null;
        if (!action) {
          await tellUser(client, body, GONE_TEXT, log);
          await refreshHome(deps, client, teamId, [userId]);
          return;
        }
        await client.views.open({ trigger_id: body.trigger_id, view: build(action) });
      } catch (error) {
        log.info({ err: error }, 'modal not opened');
        await tellUser(client, body, friendlyMessage(error), log);
      }
    });
  opens(CURRENT_ACTION_ACTIONS.dateOpen, actionDateModal);
  opens(CURRENT_ACTION_ACTIONS.replaceOpen, actionReplaceModal);

  const submits = (callbackId: string, change: (values: ReturnType<typeof viewStateSchema.parse>, ref: { teamId: string; leaderId: string; actionId: string }) => Promise<ActionChangeResult>) =>
    app.view(callbackId, async ({ ack, body, view, client }) => {
      const { teamId, userId, log } = whoActed(deps, body, { view: callbackId });
      const meta = decodeJson(currentActionMetadataSchema, view.private_metadata);
      const state = viewStateSchema.safeParse(view.state.values);
      if (!meta || !state.success) {
        await ack({ response_action: 'errors', errors: { dueDate: 'Grow could not read this form. Please close it and try again from your Home.' } });
        return;
      }
      let result: ActionChangeResult;
      try {
        result = await change(state.data, { teamId, leaderId: userId, actionId: meta.actionId });
      } catch (error) {
        log.error({ err: error }, 'current action not changed');
        await ack({ response_action: 'errors', errors: { dueDate: friendlyMessage(error) } });
        return;
      }
      if (result.outcome === 'invalid') {
        await ack({ response_action: 'errors', errors: result.errors });
        return;
      }
      if (result.outcome === 'gone') {
        await ack({ response_action: 'update', view: { type: 'modal', title: { type: 'plain_text', text: 'Already changed' }, close: { type: 'plain_text', text: 'OK' }, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: GONE_TEXT } }] } });
      } else {
        await ack();
      }
      await refreshHome(deps, client, teamId, [userId]);
    });
  submits(CALLBACKS.actionDate, (values, ref) => changeCurrentActionDate(deps, { ...ref, dueDate: readInput(values, 'dueDate') }));
  submits(CALLBACKS.actionReplace, (values, ref) =>
    replaceCurrentAction(deps, { ...ref, text: readInput(values, 'will'), dueDate: readInput(values, 'dueDate'), visibility: readInput(values, 'visibility') }),
  );
}
