// Tells the demo's story: a line for what a person does, then every message and modal
// Grow produced since, as that person would read it, headed by who received it and when
// Grow planned it on their own clock. The story runs ahead of the real clock (a planned
// message is delivered by moving its time to now), so the narrator keeps the story's
// clock: the latest planned time shown. A message Grow sends in answer to a click, or
// planned for "as soon as they are at work" when the real clock was behind the story's,
// arrives at the story's clock; a planned time before it is out of order and reported.
import { DateTime } from 'luxon';
import type { Emulator, Json, RecordedCall } from '../emulator/index.js';
import { quiet } from '../e2e/walk/stage.js';
import { renderBlocks, renderMessage, type RenderOptions } from './render-blocks.js';

export interface Cast {
  [userId: string]: { name: string; role: string; tz: string };
}

type Write = (line: string) => void;

const MODAL_LINES = 6;
const OPENED = (name: string, title: string) => `▭ ${name} sees the “${title}” modal`;
const UPDATED = (name: string, title: string) => `▭ ${name}'s “${title}” modal fills in`;

export class Narrator {
  private seen = 0;
  /** Nudge id → when Grow planned to send it, recorded before the demo moved it to now. */
  readonly planned = new Map<string, Date>();
  /** Nudge id → when its row was written, to tell "as soon as possible" rows from planned ones. */
  readonly written = new Map<string, Date>();
  /** Where the story is: the latest planned time shown so far (the real clock before any). */
  private storyAt = new Date(0);
  /** Planned times shown before a time already shown: the story told out of order. */
  readonly outOfOrder: string[] = [];

  constructor(
    private readonly emu: Emulator,
    private readonly cast: Cast,
    private readonly write: Write,
    private readonly style: Required<Pick<RenderOptions, 'bold' | 'dim'>>,
  ) {}

  private get render(): RenderOptions {
    return { ...this.style, names: Object.fromEntries(Object.entries(this.cast).map(([id, p]) => [id, p.name])) };
  }

  /** What a person does, as one narration line, after everything Grow did before it. */
  async act(text: string): Promise<void> {
    await this.settle();
    this.say(text);
  }

  /** A narration line for something that happens between Grow's answers. */
  say(text: string): void {
    this.flush();
    this.write('');
    this.write(this.style.bold(`▸ ${text}`));
  }

  /** Waits until Grow has made no Slack call for a moment, then prints what it made. */
  async settle(): Promise<void> {
    await quiet(this.emu);
    this.flush();
  }

  /** A modal that changed in answer to a submission (no Web API call shows it). */
  showModal(userId: string, view: Json): void {
    this.flush();
    this.modal(userId, view, (name, title) => `▭ ${name}'s “${title}” modal moves to its next step`);
  }

  /** Prints every successful message and modal call since the last flush, in order. */
  flush(): void {
    const calls = this.emu.calls.slice(this.seen);
    this.seen = this.emu.calls.length;
    for (const call of calls) if (call.ok) this.show(call);
  }

  private show(call: RecordedCall): void {
    const args = call.args;
    const response = (call.response ?? {}) as Json;
    if (call.method === 'chat.postMessage') {
      const person = this.recipient(String(response.channel ?? args.channel));
      const nudgeId = ((args.metadata as Json | undefined)?.event_payload as Json | undefined)?.nudge_id;
      const planned = typeof nudgeId === 'string' ? this.planned.get(nudgeId) : undefined;
      const written = typeof nudgeId === 'string' ? this.written.get(nudgeId) : undefined;
      const when = this.when(person, new Date(call.at), planned, written);
      this.block(`→ ${this.who(person)} · ${when}`, renderMessage(args, this.render));
    } else if (call.method === 'chat.update') {
      const person = this.recipient(String(args.channel));
      this.block(`↻ ${this.cast[person]?.name ?? person}'s message changes in place`, renderMessage(args, this.render));
    } else if (call.method === 'chat.postEphemeral') {
      const person = String(args.user);
      this.block(`→ ${this.who(person)} · only they can see this, ${this.clock(this.now(new Date(call.at)), person)}`, renderMessage(args, this.render));
    } else if (call.method === 'files.completeUploadExternal') {
      this.showFiles(args);
    } else if (call.method === 'views.open' || call.method === 'views.push' || call.method === 'views.update') {
      const view = args.view as Json;
      const person = this.viewOwner(String((response.view as Json | undefined)?.id));
      const head = call.method === 'views.update' ? UPDATED : OPENED;
      this.modal(person, view, head);
    }
  }

  /** A file Grow shared in a DM (an export, the programme report): its first lines. */
  private showFiles(args: Json): void {
    const person = this.recipient(String(args.channel_id ?? ''));
    let files: { id?: string }[] = [];
    try {
      files = (Array.isArray(args.files) ? args.files : JSON.parse(String(args.files ?? '[]'))) as { id?: string }[];
    } catch {
      files = [];
    }
    for (const file of files) {
      const upload = file.id ? this.emu.store.uploads.get(file.id) : undefined;
      if (!upload?.received) continue;
      const lines = upload.received.toString('utf8').trimEnd().split('\n');
      const shown = lines.slice(0, MODAL_LINES);
      if (lines.length > shown.length) shown.push(this.style.dim(`… ${lines.length - shown.length} more lines`));
      this.block(`→ ${this.who(person)} · a file, ${upload.filename}`, shown);
    }
  }

  private modal(person: string, view: Json, head: (name: string, title: string) => string): void {
    const title = String((view.title as Json | undefined)?.text ?? 'a modal');
    const lines = renderBlocks(view.blocks as unknown[], this.render);
    const shown = lines.slice(0, MODAL_LINES);
    if (lines.length > shown.length) {
      const more = lines.length - shown.length;
      shown.push(this.style.dim(`… ${more} more line${more === 1 ? '' : 's'}`));
    }
    this.block(head(this.cast[person]?.name ?? 'Someone', title), shown);
  }

  private block(head: string, lines: string[]): void {
    this.write('');
    this.write(head);
    for (const line of lines) this.write(`  │ ${line}`);
  }

  private who(userId: string): string {
    const person = this.cast[userId];
    return person ? `${person.name} (${person.role})` : userId;
  }

  /** The story's clock at a real moment: the real clock until the story has run ahead of it. */
  private now(real: Date): Date {
    return real > this.storyAt ? real : this.storyAt;
  }

  /**
   * "would arrive <planned>" for a planned message, which moves the story's clock on;
   * "right away, <story clock>" for one sent at once, or planned as soon as possible
   * (due within a day of being written) at a real moment the story has passed.
   */
  private when(person: string, at: Date, planned: Date | undefined, written: Date | undefined): string {
    if (!planned) return `right away, ${this.clock(this.now(at), person)}`;
    const asap = written !== undefined && planned.getTime() - written.getTime() < 86_400_000;
    if (planned < this.storyAt && asap) return `right away, ${this.clock(this.storyAt, person)}`;
    if (planned < this.storyAt) this.outOfOrder.push(`out of order: a message to ${this.cast[person]?.name ?? person} planned for ${this.clock(planned, person)}, after one planned for ${this.clock(this.storyAt, person)}`);
    else this.storyAt = planned;
    return `would arrive ${this.clock(planned, person)}`;
  }

  /** "Tue 24 Nov 10:30 America/New_York", on the person's own clock. */
  private clock(at: Date, userId: string): string {
    const tz = this.cast[userId]?.tz ?? 'UTC';
    return `${DateTime.fromJSDate(at, { zone: tz }).toFormat('ccc d LLL HH:mm')} ${tz}`;
  }

  /** A user id, or the person on the other side of a DM channel. */
  private recipient(channel: string): string {
    if (this.cast[channel]) return channel;
    for (const userId of Object.keys(this.cast)) {
      if (this.emu.dmChannelId(this.teamOf(), userId) === channel) return userId;
    }
    return channel;
  }

  private viewOwner(viewId: string): string {
    return this.emu.store.views.get(viewId)?.userId ?? '';
  }

  private teamOf(): string {
    return [...this.emu.store.teams.keys()][0] ?? '';
  }
}
