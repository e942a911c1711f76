// Interaction payloads shaped as Slack sends them — a click on a button or an overflow
// menu, a modal submission with each input in its element's shape — posted signed.
import { FORM, interactionBody, TEAM, viewSubmission, waitFor, type Harness } from '../support/app-harness.js';

type Json = Record<string, unknown>;

export interface ClickInput {
  userId: string;
  actionId: string;
  value?: string;
  selectedValue?: string;
  /** The message the element sat in; omitted for App Home. */
  message?: { channel: string; ts: string };
  blockId?: string;
}

/** A block_actions payload as Slack sends it, with a fresh trigger for modals. */
export function clickBody(h: Harness, input: ClickInput): string {
  const action = input.selectedValue
    ? { type: 'overflow', action_id: input.actionId, block_id: input.blockId ?? 'b', selected_option: { text: { type: 'plain_text', text: 'x' }, value: input.selectedValue }, action_ts: '1' }
    : { type: 'button', action_id: input.actionId, block_id: input.blockId ?? 'b', value: input.value, text: { type: 'plain_text', text: 'x' }, action_ts: '1' };
  const container = input.message
    ? { type: 'message', message_ts: input.message.ts, channel_id: input.message.channel, is_ephemeral: false }
    : { type: 'view', view_id: 'VHOME' };
  return interactionBody({
    type: 'block_actions',
    team: { id: TEAM, domain: 'acme' },
    user: { id: input.userId, username: 'u', name: 'u', team_id: TEAM },
    api_app_id: 'A0GROW0001',
    token: 'deprecated-verification-token',
    trigger_id: h.emu.issueTrigger(TEAM, input.userId),
    container,
    ...(input.message ? { channel: { id: input.message.channel, name: 'directmessage' }, message: { type: 'message', ts: input.message.ts, text: '' } } : { view: { id: 'VHOME', type: 'home' } }),
    actions: [action],
    response_url: 'https://hooks.slack.invalid/actions/1',
    is_enterprise_install: false,
  });
}

export async function click(h: Harness, input: ClickInput): Promise<void> {
  const res = await h.post(clickBody(h, input), FORM);
  if (res.status !== 200) throw new Error(`click answered ${res.status}`);
}

type ViewLike = { id: string; callback_id: string; private_metadata?: string; blocks: Json[] };

/** Fills a view's inputs by block id, each in the shape its element type reports. */
export function stateFor(view: ViewLike, answers: Record<string, string | undefined>): Record<string, Record<string, Json>> {
  const values: Record<string, Record<string, Json>> = {};
  for (const block of view.blocks) {
    if (block.type !== 'input') continue;
    const id = block.block_id as string;
    const element = block.element as { type: string; action_id: string };
    const v = answers[id];
    const option = v === undefined ? null : { text: { type: 'plain_text', text: v }, value: v };
    const shaped: Record<string, Json> = {
      plain_text_input: { value: v ?? null },
      static_select: { selected_option: option },
      radio_buttons: { selected_option: option },
      datepicker: { selected_date: v ?? null },
      timepicker: { selected_time: v ?? null },
      users_select: { selected_user: v ?? null },
    };
    values[id] = { [element.action_id]: { type: element.type, ...(shaped[element.type] ?? {}) } };
  }
  return values;
}

export async function submit(h: Harness, userId: string, view: ViewLike, answers: Record<string, string | undefined>): Promise<{ status: number; body: Json | undefined }> {
  const res = await h.post(
    interactionBody(viewSubmission(view, stateFor(view, answers), userId)),
    FORM,
  );
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Json) : undefined };
}

/** The n-th modal the app opened (views.open), as Slack stored it. */
export async function openedView(h: Harness, index: number): Promise<ViewLike> {
  const call = await waitFor(() => h.emu.callsTo('views.open')[index]);
  if (!call.ok) throw new Error(`views.open failed: ${call.error}`);
  return (call.response as { view: ViewLike }).view;
}
