// A brief on demand: the coach asks (from App Home or `/grow brief @leader`) and gets the
// brief for the next session with that leader now, for an ad-hoc session or the evening
// before. Built like the scheduled brief: the leader's record through `coachViewOf`.
import { loadLeaderRecords } from '../../db/coach-view.js';
import { listEngagementsOf } from '../../db/engagements.js';
import { composeBrief, type BriefModel } from '../domain/digest/index.js';
import { DomainError } from '../domain/errors.js';
import { coachViewOf } from '../domain/privacy/index.js';
import type { ServiceContext } from './context.js';

export type BriefTarget = { engagementId: string } | { leaderId: string };

const NOT_YOURS = "You don't coach anyone by that name right now. Your running engagements are on your App Home.";

export async function briefNow(ctx: ServiceContext, input: { teamId: string; coachId: string; target: BriefTarget; now: Date }): Promise<BriefModel> {
  const { teamId, coachId, target, now } = input;
  const running = await listEngagementsOf(ctx.db, teamId, coachId, ['active'], 'coach');
  const engagement = running.find((e) => ('engagementId' in target ? e.id === target.engagementId : e.leaderId === target.leaderId));
  if (!engagement) throw new DomainError('not_found', 'no running engagement of this coach', NOT_YOURS);
  const parties = { id: engagement.id, coachId: engagement.coachId, leaderId: engagement.leaderId, status: engagement.status };
  const [record] = await loadLeaderRecords(ctx.db, ctx.cipher, { teamId, engagements: [parties] });
  const view = coachViewOf(coachId, record!);
  // The next session ahead; with none ahead, the last one, so notes and actions still show.
  const live = view.sessions.filter((s) => s.status !== 'cancelled');
  const session = live.find((s) => s.status === 'scheduled' && s.scheduledAt > now) ?? live.at(-1);
  const model = session ? composeBrief(view, session.id, now) : null;
  if (!model) throw new DomainError('not_found', 'engagement without sessions', 'This engagement has no sessions, so there is nothing to brief you on yet.');
  return model;
}
