// What the engagement tests share: the real app with its extensions and the real plan
// sync, payloads shaped as Slack sends them (clicks and submissions), the real nudge
// sender to deliver a planned DM, and small factories for engagement rows.
import { pino } from 'pino';
import { and, eq } from 'drizzle-orm';
import { syncEngagementPlan } from '../../db/plan-sync.js';
import { engagements, nudges, sessions } from '../../db/schema/index.js';
import { createSendNudgeProcessor, type SendNudgeJob } from '../../jobs/send-nudge.js';
import { createSlackClients } from '../../jobs/slack-client.js';
import { createExtensions, createNudgeSubjects } from '../../src/extensions.js';
import { COACH, FORM, interactionBody, LEADER, slashCommandBody, startHarness, TEAM, waitFor, type Harness } from '../support/app-harness.js';

export { COACH, LEADER, TEAM, waitFor };
type Json = Record<string, unknown>;

export interface EngagementHarness extends Harness {
  replans: string[];
}

export async function startEngagementHarness(): Promise<EngagementHarness> {
  const replans: string[] = [];
  let harness: Harness | undefined;
  harness = await startHarness({
    extensions: createExtensions(),
    replan: async (teamId, engagementId) => {
      replans.push(engagementId);
      await syncEngagementPlan(harness!.db.db, { teamId, engagementId, now: new Date() });
    },
  });
  return Object.assign(harness, { replans });
}

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
    interactionBody({
      type: 'view_submission',
      team: { id: TEAM, domain: 'acme' },
      user: { id: userId, username: 'u', name: 'u', team_id: TEAM },
      api_app_id: 'A0GROW0001',
      token: 'deprecated-verification-token',
      trigger_id: '1.2.3',
      view: { ...view, team_id: TEAM, type: 'modal', state: { values: stateFor(view, answers) } },
      response_urls: [],
      is_enterprise_install: false,
    }),
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

/** Delivers one planned nudge through the real sender, at its due time (inside working hours). */
export async function deliverNudge(h: Harness, nudgeId: string): Promise<string> {
  const [row] = await h.db.db.select().from(nudges).where(eq(nudges.id, nudgeId));
  if (!row) throw new Error('no such nudge');
  const at = new Date(Math.max(row.dueAt.getTime(), Date.now()));
  const logger = pino({ level: 'silent' });
  const send = createSendNudgeProcessor({
    db: h.db.db,
    cipher: h.cipher,
    logger,
    slack: createSlackClients({ apiUrl: h.emu.url, resolveBotToken: h.deps.resolveBotToken, logger }),
    enqueue: async () => {},
    now: () => at,
    extraSubjects: createNudgeSubjects(),
  });
  return send({ data: { nudgeId, teamId: TEAM }, id: `test-${nudgeId}` } as SendNudgeJob);
}

export async function pendingNudges(h: Harness, engagementId: string) {
  return h.db.db.select().from(nudges).where(and(eq(nudges.engagementId, engagementId), eq(nudges.status, 'pending')));
}

/** An engagement row with weekly sessions from `firstAt`, for tests that start past creation. */
export async function seedEngagement(h: Harness, input: { status: 'invited' | 'active'; firstAt: Date; count?: number; coachId?: string; leaderId?: string }) {
  const count = input.count ?? 6;
  const [engagement] = await h.db.db
    .insert(engagements)
    .values({
      teamId: TEAM,
      coachId: input.coachId ?? COACH,
      leaderId: input.leaderId ?? LEADER,
      status: input.status,
      startDate: input.firstAt.toISOString().slice(0, 10),
      sessionCount: count,
      cadenceDays: 7,
    })
    .returning();
  const rows = await h.db.db
    .insert(sessions)
    .values(Array.from({ length: count }, (_, i) => ({ teamId: TEAM, engagementId: engagement!.id, seq: i + 1, scheduledAt: new Date(input.firstAt.getTime() + i * 7 * 86_400_000) })))
    .returning();
  return { engagement: engagement!, sessions: rows };
}

/** A date `days` from today on the leader's calendar (Europe/Paris in the harness). */
export function parisDate(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(d);
}

export const NEW_ENGAGEMENT = { leader: LEADER, start_date: parisDate(10), session_time: '10:00', sessions: '8', cadence: '14', session_length: '60' };

/** `/grow coach` by the coach, then the modal submitted with `answers`. */
export async function createViaModal(h: EngagementHarness, answers: Record<string, string | undefined> = NEW_ENGAGEMENT) {
  const before = h.emu.callsTo('views.open').length;
  const res = await h.post(slashCommandBody({ text: 'coach', triggerId: h.emu.issueTrigger(TEAM, COACH), userId: COACH }), FORM);
  if (res.status !== 200) throw new Error(`/grow coach answered ${res.status}`);
  const view = await openedView(h, before);
  return { view, ...(await submit(h, COACH, view, answers)) };
}

/** Creates an engagement through the modal and delivers its invitation DM; returns ids and the DM. */
export async function inviteLeader(h: EngagementHarness) {
  await createViaModal(h);
  const [engagement] = await h.db.db.select().from(engagements).where(eq(engagements.status, 'invited'));
  const [invitation] = await pendingNudges(h, engagement!.id);
  const outcome = await deliverNudge(h, invitation!.id);
  if (outcome !== 'sent') throw new Error(`invitation not sent: ${outcome}`);
  const [sent] = await h.db.db.select().from(nudges).where(eq(nudges.id, invitation!.id));
  return { engagement: engagement!, message: { channel: sent!.channelId!, ts: sent!.messageTs! } };
}

/** The blocks of a message as the emulator holds it now. */
export function messageBlocks(h: Harness, where: { channel: string; ts: string }): Json[] {
  const message = h.emu.messagesIn(TEAM, where.channel).find((m) => m.ts === where.ts) as { blocks?: Json[] } | undefined;
  return message?.blocks ?? [];
}

/** Every action_id of the interactive elements in a block list. */
export function actionIdsIn(blocks: unknown): string[] {
  return [...JSON.stringify(blocks ?? []).matchAll(/"action_id":"([^"]+)"/g)].map((m) => m[1]!);
}
