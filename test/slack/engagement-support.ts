import type { Logger } from '../../src/logger.js';
import { randomUUID } from 'node:crypto';
// What the engagement tests share: the real app with its extensions and the real plan
// sync (with the configured rhythm, as src/grow.ts wires it), the real nudge sender to
// deliver a planned DM, and small factories for engagement rows. Click and submission
// payloads live in engagement-payloads.ts.
import { pino } from 'pino';
import { and, eq } from 'drizzle-orm';
import { syncEngagementPlan } from '../../db/plan-sync.js';
import { engagements, nudges, sessions } from '../../db/schema/index.js';
import { createSendNudgeProcessor, type SendNudgeJob } from '../../jobs/send-nudge.js';
import { createSlackClients } from '../../jobs/slack-client.js';
import { createAppSurface } from '../../src/app-surface.js';
import { COACH, FORM, LEADER, slashCommandBody, startHarness, TEAM, waitFor, type Harness } from '../support/app-harness.js';
import { openedView, submit } from './engagement-payloads.js';

export { COACH, LEADER, TEAM, waitFor };
export { click, clickBody, openedView, stateFor, submit } from './engagement-payloads.js';
type Json = Record<string, unknown>;

export interface EngagementHarness extends Harness {
  replans: string[];
}

export async function startEngagementHarness(options: { logger?: Logger } = {}): Promise<EngagementHarness> {
  const replans: string[] = [];
  let harness: Harness | undefined;
  harness = await startHarness({
    logger: options.logger,
    extensions: createAppSurface(),
    replan: async (teamId, engagementId) => {
      replans.push(engagementId);
      const { rhythm, defaultWorkingHours } = harness!.config;
      await syncEngagementPlan(harness!.db.db, { teamId, engagementId, now: new Date(), rhythm, defaultWorkingHours });
    },
  });
  return Object.assign(harness, { replans });
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

/** Opens App Home as Slack does (app_home_opened) and returns the view the app published for `userId`. */
export async function openHomeView(h: Harness, userId: string): Promise<Json> {
  const before = h.emu.callsTo('views.publish').length;
  const body = JSON.stringify({
    token: 'x', team_id: TEAM, api_app_id: 'A0GROW0001', type: 'event_callback', event_id: `Ev${randomUUID().slice(0, 8)}`, event_time: Math.floor(Date.now() / 1000),
    event: { type: 'app_home_opened', user: userId, channel: 'D0HOME0001', tab: 'home', event_ts: '1.2' },
  });
  const res = await h.post(body, 'application/json');
  if (res.status !== 200) throw new Error(`app_home_opened answered ${res.status}`);
  const call = await waitFor(() => h.emu.callsTo('views.publish').slice(before).find((c) => c.args.user_id === userId));
  if (!call.ok) throw new Error(`views.publish refused: ${call.error}`);
  return call.args.view as Json;
}
