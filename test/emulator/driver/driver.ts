// Drives the app as Slack does: signed slash commands, interactions and events, applying
// the app's answers to the emulated workspace. The Emulator exposes these as its methods.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseArgs, readBody, sendJson } from '../http-io.js';
import { Inspector } from '../inspector.js';
import type { Json } from '../state-types.js';
import type { Store } from '../store.js';
import { makeContext, type DriverContext, type DriverDeps } from './context.js';
import { deliverEvent, openHome, uninstallApp, userChanged, userSaysInDm, type EventInput, type EventResult } from './events.js';
import {
  actOnMessage, messageShortcut, slashCommand,
  type InteractionResult, type MessageActionInput, type ShortcutInput, type SlashCommandInput, type SlashCommandResult,
} from './messaging.js';
import { ResponseUrls, type ResponseUrlPost } from './response-urls.js';
import {
  actOnView, closeView, submitView,
  type CloseViewResult, type SubmitViewInput, type SubmitViewResult, type ViewActionInput, type ViewActionResult,
} from './views.js';

export type { DriverDeps };

export class DriverApi extends Inspector {
  private readonly driver: DriverContext;

  constructor(store: Store, deps: Omit<DriverDeps, 'store'>) {
    super(store);
    this.driver = makeContext({ ...deps, store }, new ResponseUrls(store, deps.now, deps.blockKit));
  }

  /** `/grow help` typed by a user; issues a fresh trigger_id and response_url. */
  slashCommand(input: SlashCommandInput): Promise<SlashCommandResult> {
    return slashCommand(this.driver, input);
  }

  /**
   * Clicks a button in a message (or ephemeral) by its action_id and sends the button's
   * real value; `value` chooses among buttons sharing an action_id.
   */
  clickButton(input: Omit<MessageActionInput, 'value'> & { value?: string }): Promise<InteractionResult> {
    return actOnMessage(this.driver, input);
  }

  /** Picks option value(s) in a select, overflow, radio or checkbox group inside a message. */
  selectOption(input: MessageActionInput & { value: string | string[] }): Promise<InteractionResult> {
    return actOnMessage(this.driver, input);
  }

  /** Clicks (or picks) inside an open modal (`viewId`) or, without viewId, the Home tab. */
  clickViewButton(input: ViewActionInput): Promise<ViewActionResult> {
    return actOnView(this.driver, input);
  }

  clickHomeButton(input: Omit<ViewActionInput, 'viewId'>): Promise<ViewActionResult> {
    return actOnView(this.driver, input);
  }

  submitView(input: SubmitViewInput): Promise<SubmitViewResult> {
    return submitView(this.driver, input);
  }

  closeView(input: { teamId: string; userId: string; viewId: string }): Promise<CloseViewResult> {
    return closeView(this.driver, input);
  }

  messageShortcut(input: ShortcutInput): Promise<InteractionResult> {
    return messageShortcut(this.driver, input);
  }

  event(input: EventInput): Promise<EventResult> {
    return deliverEvent(this.driver, input);
  }

  /** The user opens the app's Home (or Messages) tab: app_home_opened. */
  openHome(input: { teamId: string; userId: string; tab?: 'home' | 'messages' }): Promise<EventResult> {
    return openHome(this.driver, input);
  }

  /** Uninstalls the app: its tokens answer account_inactive; tokens_revoked and app_uninstalled go out. */
  uninstall(teamId: string): Promise<EventResult[]> {
    return uninstallApp(this.driver, teamId);
  }

  /** Sends user_change with the user's current profile (after setUserTz, deactivateUser...). */
  /** A user types a message in their DM with the app. */
  userSaysInDm(input: { teamId: string; userId: string; text: string }): Promise<EventResult & { ts: string }> {
    return userSaysInDm(this.driver, input);
  }

  userChanged(input: { teamId: string; userId: string }): Promise<EventResult> {
    return userChanged(this.driver, input);
  }

  /** Every POST the app made to a response_url, with Slack's answer. */
  get responseUrlPosts(): readonly ResponseUrlPost[] {
    return this.driver.responseUrls.posts;
  }

  protected clearDriver(): void {
    this.driver.responseUrls.clear();
  }

  /** Route handler for POST /response/<id>. */
  async handleResponseUrl(id: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const parsed = parseArgs(req.headers['content-type'] ?? 'application/json', raw);
    const body: Json = parsed?.args.payload && typeof parsed.args.payload === 'string'
      ? (JSON.parse(parsed.args.payload) as Json)
      : (parsed?.args ?? {});
    const { status, answer } = this.driver.responseUrls.apply(id, body);
    sendJson(res, status, answer);
  }
}
