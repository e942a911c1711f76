// What the sender needs to know, at send time, about a pulse message: whether it still
// applies (the person still asked, the round still open, the engagement still running;
// the results only to the leader, the shared results only to the coach after the leader
// shared them) and the facts to render it from. Rendering is the nudge kind's job.
import type { Db } from '../../db/client.js';
import { findRoundByStage, roundEngagement, invitationStatus, type PulseRoundRow } from '../../db/pulse.js';
import { listTargets } from '../../db/targets.js';
import type { Cipher } from '../crypto.js';
import { coachPulseView, type CoachPulseView } from '../domain/privacy/index.js';
import { isClosed, PULSE_STAGES, type PulseStage } from '../domain/pulse/index.js';
import { roundResults, summariseRounds, type RoundResults } from './pulse-results.js';

export interface PulseRow {
  teamId: string;
  recipientId: string;
  engagementId: string | null;
  ref: Record<string, string | number>;
}

export interface PulseSendInput {
  db: Db;
  cipher: Cipher;
  row: PulseRow;
  now: Date;
}

export type NotSent = { applies: false; status: 'skipped' | 'cancelled' | 'failed'; reason: string };
const notSent = (status: NotSent['status'], reason: string): NotSent => ({ applies: false, status, reason });

type Engagement = NonNullable<Awaited<ReturnType<typeof roundEngagement>>>;

async function loadRound(input: PulseSendInput): Promise<NotSent | { round: PulseRoundRow; engagement: Engagement }> {
  const stage = PULSE_STAGES.find((s) => s === input.row.ref.stage);
  if (!stage || !input.row.engagementId) return notSent('failed', 'missing_round_ref');
  const round = await findRoundByStage(input.db, input.row.teamId, input.row.engagementId, stage);
  if (!round) return notSent('cancelled', 'round_gone');
  const engagement = await roundEngagement(input.db, round);
  if (!engagement) return notSent('cancelled', 'engagement_gone');
  return { round, engagement };
}

/** Loads the row's round and engagement, then lets `facts` decide from them. */
async function fromRound<T>(input: PulseSendInput, facts: (round: PulseRoundRow, engagement: Engagement) => Promise<NotSent | T>): Promise<NotSent | T> {
  const found = await loadRound(input);
  return 'applies' in found ? found : facts(found.round, found.engagement);
}

export interface QuestionFacts {
  applies: true;
  roundId: string;
  stage: PulseStage;
  leaderId: string;
  closesAt: Date;
  targets: string[];
}

/** The question and its reminder: only to someone still asked, while the round is open. */
export const pulseQuestionFacts = (input: PulseSendInput): Promise<NotSent | QuestionFacts> => fromRound(input, async (round, engagement) => {
  if (engagement.status !== 'active') return notSent('cancelled', `engagement_${engagement.status}`);
  const status = await invitationStatus(input.db, input.row.teamId, round.id, input.row.recipientId);
  if (!status) return notSent('cancelled', 'not_invited');
  if (status !== 'asked') return notSent('skipped', status);
  if (isClosed(round, input.now)) return notSent('skipped', 'round_closed');
  // Planned for the moment the round opens; a row moved earlier by hand has nothing to ask yet.
  if (round.opensAt > input.now) return notSent('skipped', 'round_not_open');
  const targets = await listTargets(input.db, input.cipher, round.teamId, round.engagementId);
  if (targets.length === 0) return notSent('skipped', 'no_targets');
  return { applies: true, roundId: round.id, stage: round.stage, leaderId: engagement.leaderId, closesAt: round.closesAt, targets: targets.map((t) => t.description) };
});

export interface ResultsFacts {
  applies: true;
  results: RoundResults;
  asked: number;
  leaderId: string;
}

/** The results: to the leader, once the round has closed. */
export const pulseResultsFacts = (input: PulseSendInput): Promise<NotSent | ResultsFacts> => fromRound(input, async (round, engagement) => {
  if (engagement.leaderId !== input.row.recipientId) return notSent('failed', 'recipient_not_leader');
  if (!isClosed(round, input.now)) return notSent('skipped', 'round_open');
  const ctx = resultsContext(input);
  const [results, summaries] = await Promise.all([roundResults(ctx, round), summariseRounds(ctx, input.row.teamId, round.engagementId)]);
  return { applies: true, results, asked: summaries.find((s) => s.round.id === round.id)?.asked ?? 0, leaderId: engagement.leaderId };
});

export interface SharedFacts {
  applies: true;
  results: RoundResults;
  view: CoachPulseView;
  leaderId: string;
}

/** The coach's copy: only what the privacy rules let through for the leader's choice. */
export const pulseSharedFacts = (input: PulseSendInput): Promise<NotSent | SharedFacts> => fromRound(input, async (round, engagement) => {
  const results = await roundResults(resultsContext(input), round);
  const view = coachPulseView(input.row.recipientId, engagement, round.visibility, results.release);
  if (!view) return notSent('cancelled', 'not_shared_with_recipient');
  return { applies: true, results, view, leaderId: engagement.leaderId };
});

const resultsContext = (input: PulseSendInput) => ({ db: input.db, cipher: input.cipher, now: () => input.now });
