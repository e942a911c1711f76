// The sponsor's two questions: whether one still applies when it is due (the sender asks),
// whether a click may open it, and saving the answer. Only the engagement's sponsor may
// answer, once; the answer is the sponsor's, stored encrypted, and who sees it is decided
// where it is shown (leader and coach for the outcomes; the leader, then the coach only if
// the leader shares it, for the change seen).
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { findEngagement, type EngagementRow } from '../../db/engagements.js';
import { nudges } from '../../db/schema/index.js';
import { saveSponsorAnswer, type SponsorAnswerKind } from '../../db/sponsor-answers.js';
import { parseSponsorAnswer } from '../domain/notes/sponsor-answer.js';
import type { ServiceContext } from './context.js';

export type NotSent = { applies: false; status: 'skipped' | 'cancelled' | 'failed'; reason: string };

export interface SponsorAsk {
  applies: true;
  question: SponsorAnswerKind;
  nudgeId: string;
  engagementId: string;
  leaderId: string;
  coachId: string;
}

const questionOf = (kind: string): SponsorAnswerKind | null => (kind === 'sponsor_outcomes' ? 'outcomes' : kind === 'sponsor_change' ? 'change' : null);

/** The outcomes question only while the engagement runs; the change question also once it has ended. */
function stillAsked(question: SponsorAnswerKind, engagement: EngagementRow): boolean {
  return engagement.status === 'active' || (question === 'change' && engagement.status === 'ended');
}

export async function sponsorAskFacts(input: { db: Db; row: { id: string; teamId: string; kind: string; recipientId: string; engagementId: string | null } }): Promise<NotSent | SponsorAsk> {
  const { row } = input;
  const question = questionOf(row.kind);
  if (!question || !row.engagementId) return { applies: false, status: 'failed', reason: 'not_a_sponsor_question' };
  const engagement = await findEngagement(input.db, row.teamId, row.engagementId);
  if (!engagement) return { applies: false, status: 'cancelled', reason: 'engagement_gone' };
  if (engagement.sponsorId !== row.recipientId) return { applies: false, status: 'cancelled', reason: 'not_the_sponsor' };
  if (!stillAsked(question, engagement)) return { applies: false, status: 'cancelled', reason: `engagement_${engagement.status}` };
  return { applies: true, question, nudgeId: row.id, engagementId: engagement.id, leaderId: engagement.leaderId, coachId: engagement.coachId };
}

export interface SponsorClick {
  teamId: string;
  userId: string;
  nudgeId: string;
}

export type SponsorAskCheck =
  | { outcome: 'refused' }
  | { outcome: 'stale'; reason: 'answered' | 'ended' | 'gone' }
  | { outcome: 'open'; question: SponsorAnswerKind; leaderId: string; engagementId: string };

export async function checkSponsorAsk(ctx: Pick<ServiceContext, 'db'>, click: SponsorClick): Promise<SponsorAskCheck> {
  const [nudge] = await ctx.db.select().from(nudges).where(and(eq(nudges.teamId, click.teamId), eq(nudges.id, click.nudgeId)));
  if (!nudge) return { outcome: 'stale', reason: 'gone' };
  const question = questionOf(nudge.kind);
  if (!question || nudge.recipientId !== click.userId || !nudge.engagementId) return { outcome: 'refused' };
  const engagement = await findEngagement(ctx.db, click.teamId, nudge.engagementId);
  if (!engagement) return { outcome: 'stale', reason: 'gone' };
  if (engagement.sponsorId !== click.userId) return { outcome: 'refused' };
  if (nudge.answeredAt) return { outcome: 'stale', reason: 'answered' };
  if (!stillAsked(question, engagement)) return { outcome: 'stale', reason: 'ended' };
  return { outcome: 'open', question, leaderId: engagement.leaderId, engagementId: engagement.id };
}

export type SponsorAnswerResult = Exclude<SponsorAskCheck, { outcome: 'open' }> | { outcome: 'invalid'; error: string } | { outcome: 'saved'; question: SponsorAnswerKind; leaderId: string };

export async function answerSponsorAsk(ctx: ServiceContext, click: SponsorClick & { text: string | undefined }): Promise<SponsorAnswerResult> {
  const form = parseSponsorAnswer(click.text);
  if (!form.ok) return { outcome: 'invalid', error: form.error };
  const check = await checkSponsorAsk(ctx, click);
  if (check.outcome !== 'open') return check;
  const saved = await saveSponsorAnswer(ctx.db, ctx.cipher, {
    teamId: click.teamId,
    engagementId: check.engagementId,
    sponsorId: click.userId,
    kind: check.question,
    text: form.text,
    nudgeId: click.nudgeId,
    now: ctx.now(),
  });
  if (!saved) return { outcome: 'stale', reason: 'answered' };
  ctx.logger.info({ teamId: click.teamId, userId: click.userId, engagementId: check.engagementId, question: check.question }, 'sponsor answered');
  return { outcome: 'saved', question: check.question, leaderId: check.leaderId };
}
