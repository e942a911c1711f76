// The shape every "submit a modal, a service verb saves it" listener shares: name who
// submitted in the log, read the form (unreadable: said on the form), save, and answer
// Slack for the outcome. A failure, a refusal or an answer the service finds invalid keeps
// the modal open with the reason on a field; any other outcome closes it, and what follows
// (updating a DM, redrawing App Home) runs after.
import type { App } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Logger } from '../../logger.js';
import type { SlackDeps } from '../deps.js';
import { friendlyMessage } from '../friendly-errors.js';
import { errorOn, UNREADABLE_FORM, type SubmittedView } from '../modal-submission.js';
import { whoActed } from './engagement-interaction.js';
import { REFUSED } from './follow-up-answer.js';

type Outcome = { outcome: string };
type Invalid = { outcome: 'invalid'; error: string } | { outcome: 'invalid'; errors: Record<string, string> };
/** The outcomes that keep the modal open, whatever the flow. */
type KeptOpen = { outcome: 'refused' } | { outcome: 'invalid' };

export interface Submission<F> {
  client: WebClient;
  teamId: string;
  userId: string;
  form: F;
  log: Logger;
}

export interface ModalSubmitListener<F, R extends Outcome> {
  /** The input block that shows an error that is no one field's. */
  field: string;
  /** The submitted form; null or undefined when it cannot be read. */
  read: (view: SubmittedView) => F | null | undefined;
  save: (submission: Submission<F>) => Promise<R | Invalid>;
  /** The log line for a failed save, e.g. "sponsor answer not saved". */
  failed: string;
  /** Other outcomes that keep the modal open, with the sentence shown on `field`. */
  keepOpen?: Partial<Record<R['outcome'], string>>;
  /** Runs once the modal has closed. */
  saved?: (submission: Submission<F>, result: Exclude<R, KeptOpen>) => Promise<void>;
}

export function onModalSubmit<F, R extends Outcome>(app: App, deps: SlackDeps, callbackId: string, listener: ModalSubmitListener<F, R>): void {
  const { field } = listener;
  app.view(callbackId, async ({ ack, body, view, client }) => {
    const { teamId, userId, log } = whoActed(deps, body, { view: callbackId });
    const form = listener.read(view);
    if (form == null) return void (await ack(errorOn(field, UNREADABLE_FORM)));
    const submission = { client, teamId, userId, form, log };
    let result;
    try {
      result = await listener.save(submission);
    } catch (error) {
      log.error({ err: error }, listener.failed);
      return void (await ack(errorOn(field, friendlyMessage(error))));
    }
    if (isInvalid(result)) return void (await ack('errors' in result ? { response_action: 'errors', errors: result.errors } : errorOn(field, result.error)));
    const reason = result.outcome === 'refused' ? REFUSED : listener.keepOpen?.[result.outcome as R['outcome']];
    if (reason) return void (await ack(errorOn(field, reason)));
    await ack();
    await listener.saved?.(submission, result as Exclude<R, KeptOpen>);
  });
}

const isInvalid = (result: Outcome): result is Invalid => result.outcome === 'invalid';
