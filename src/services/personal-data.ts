// A leader's data is theirs: `/grow export` collects everything Grow keeps about them,
// `/grow delete` erases it in one transaction. What the erase leaves in Slack is cleaned
// up afterwards from what these return: the digests that also covered other leaders are
// composed again from those leaders only (the erased person is gone by then).
import { loadLeaderRecords } from '../../db/coach-view.js';
import { findEngagementsOfCoach } from '../../db/engagements.js';
import { collectPersonalData, erasePersonalData, type ErasedData } from '../../db/personal-data.js';
import { digestCoverage } from '../../db/posted-messages.js';
import { composeDigest } from '../domain/digest/index.js';
import { coachViewOf } from '../domain/privacy/index.js';
import type { ServiceContext } from './context.js';
import { personZone } from './people-sync.js';

export type { ErasedData };

export const exportPersonalData = (ctx: ServiceContext, teamId: string, userId: string) => collectPersonalData(ctx.db, ctx.cipher, teamId, userId);

export const erasePerson = (ctx: ServiceContext, teamId: string, userId: string): Promise<ErasedData> => erasePersonalData(ctx.db, teamId, userId, ctx.now());

/** The other leaders a digest at this location covered. */
export const leadersInDigest = (ctx: ServiceContext, teamId: string, where: { channel: string; ts: string }) => digestCoverage(ctx.db, teamId, where.channel, where.ts);

/** The digest the coach got at `sentAt`, composed again from the leaders still in it, and the coach's zone. */
export async function composeDigestAgain(ctx: ServiceContext, teamId: string, coachId: string, leaderIds: string[], sentAt: Date) {
  const running = await findEngagementsOfCoach(ctx.db, teamId, coachId, leaderIds);
  const tz = await personZone(ctx, teamId, coachId);
  const records = await loadLeaderRecords(ctx.db, ctx.cipher, { teamId, engagements: running });
  const views = records.map((record) => coachViewOf(coachId, record));
  return { model: composeDigest(views, sentAt), tz };
}
