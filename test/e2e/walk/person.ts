// A person in the emulated workspace doing what people do in Slack: typing `/grow`,
// clicking buttons in DMs, filling in modals, opening App Home, using a message
// shortcut. Every step fails loudly when Slack would have shown the person an error.
import type { Json, SubmittedValues, SubmitViewResult } from '../../emulator/index.js';
import { poll, type Stage } from './stage.js';

export interface MessageRef {
  channel: string;
  ts: string;
}

type Outcome = SubmitViewResult['outcome'];

export class Person {
  constructor(
    readonly stage: Stage,
    readonly userId: string,
    readonly name: string,
  ) {}

  private get teamId(): string {
    return this.stage.teamId;
  }

  /** Types `/grow <text>` in the DM with the app. */
  async grow(text = ''): Promise<void> {
    const result = await this.stage.emu.slashCommand({ teamId: this.teamId, userId: this.userId, command: '/grow', text });
    if (result.status !== 200 || result.failure) throw new Error(`/grow ${text} → ${result.status} ${result.failure ?? ''}`);
  }

  /** Clicks a button in a message the person can see. */
  async click(where: MessageRef, actionId: string): Promise<void> {
    const result = await this.stage.emu.clickButton({ teamId: this.teamId, userId: this.userId, channelId: where.channel, ts: where.ts, actionId });
    if (result.status !== 200 || result.failure) throw new Error(`clicking ${actionId} → ${result.status} ${result.failure ?? ''}`);
  }

  /** Runs `act`, then waits for a new modal with this callback id on top of the person's stack. */
  async opensModal(callbackId: string, act: () => Promise<void>): Promise<Json> {
    const before = new Set(this.openModals().map((v) => v.id));
    await act();
    return poll(`the ${callbackId} modal for ${this.name}`, () => {
      const top = this.openModals().at(-1);
      return top && top.callback_id === callbackId && !before.has(top.id) ? top : undefined;
    });
  }

  openModals(): Json[] {
    return this.stage.emu.openViews(this.teamId, this.userId);
  }

  /** Submits a modal; anything but `expect` (default: closed) fails the step. */
  async submit(view: Json, values: SubmittedValues, expect: Outcome = 'closed'): Promise<SubmitViewResult> {
    const result = await this.stage.emu.submitView({ teamId: this.teamId, userId: this.userId, viewId: String(view.id), values });
    if (result.outcome !== expect) {
      const detail = result.errors ? JSON.stringify(result.errors) : (result.reason ?? result.failure ?? '');
      throw new Error(`submitting ${String(view.callback_id)}: ${result.outcome}, expected ${expect} ${detail}`);
    }
    return result;
  }

  /** Opens App Home and waits for the app to publish it. */
  async openHome(): Promise<Json> {
    const before = this.stage.emu.homeView(this.teamId, this.userId)?.hash;
    const result = await this.stage.emu.openHome({ teamId: this.teamId, userId: this.userId });
    if (result.status !== 200 || result.failure) throw new Error(`app_home_opened → ${result.status} ${result.failure ?? ''}`);
    return poll(`${this.name}'s App Home`, () => {
      const home = this.stage.emu.homeView(this.teamId, this.userId);
      return home && home.hash !== before ? home : undefined;
    });
  }

  /** Messages the app has sent this person in their DM, oldest first. */
  dms(): Json[] {
    return this.stage.emu.dmWith(this.teamId, this.userId);
  }

  /** Waits for the `n`-th DM (0-based) to exist, and returns it with where it lives. */
  async dm(n: number): Promise<{ message: Json; where: MessageRef }> {
    const message = await poll(`DM #${n + 1} to ${this.name}`, () => this.dms()[n]);
    return { message, where: { channel: String(message.channel), ts: String(message.ts) } };
  }

  /** The current state of one message (after any chat.update). */
  message(where: MessageRef): Json {
    const found = this.stage.emu.messagesIn(this.teamId, where.channel).find((m) => m.ts === where.ts);
    if (!found) throw new Error(`no message ${where.ts} in ${where.channel}`);
    return found;
  }

  /** Waits until a message no longer offers the button `actionId` (the app answered the click). */
  async buttonGone(where: MessageRef, actionId: string): Promise<Json> {
    return poll(`${actionId} to leave the message`, () => {
      const message = this.message(where);
      return actionIdsIn(message.blocks).includes(actionId) ? undefined : message;
    });
  }
}

/** Every action_id of the interactive elements in a block list. */
export function actionIdsIn(blocks: unknown): string[] {
  return [...JSON.stringify(blocks ?? []).matchAll(/"action_id":"([^"]+)"/g)].map((m) => m[1]!);
}
