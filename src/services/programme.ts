// The programme verbs: who is a programme admin (Slack's workspace admins and owners, as
// the caller read them from users.info, plus the people added), the roles an admin
// manages, the cohort name an admin sets on an engagement, the programme report, and a
// sponsor's view of their engagements. Everything is scoped to one workspace.
import { loadLeaderRecords } from '../../db/coach-view.js';
import { isAddedAdmin, listProgrammeRoles, loadSponsorRecords, replaceProgrammeRoles, setEngagementProgramme } from '../../db/programme.js';
import { coachViewOf, processFactsOf, sponsorViewOf, type SponsorView } from '../domain/privacy/index.js';
import { buildProgrammeReport, outcomesOf, type ProgrammeReport } from '../domain/report/index.js';
import type { ServiceContext } from './context.js';

/** Who is asking, with what Slack said of them (workspace admin or owner). */
export interface Asker {
  teamId: string;
  userId: string;
  slackAdmin: boolean;
}

export async function isProgrammeAdmin(ctx: Pick<ServiceContext, 'db'>, asker: Asker): Promise<boolean> {
  return asker.slackAdmin || (await isAddedAdmin(ctx.db, asker.teamId, asker.userId));
}

export const loadProgrammeRoles = (ctx: Pick<ServiceContext, 'db'>, teamId: string) => listProgrammeRoles(ctx.db, teamId);

const MAX_LISTED = 100;

export async function saveProgrammeRoles(
  ctx: ServiceContext,
  input: Asker & { admins: string[]; coaches: string[] },
): Promise<{ outcome: 'refused' } | { outcome: 'invalid'; field: 'admins' | 'coaches'; error: string } | { outcome: 'saved' }> {
  if (!(await isProgrammeAdmin(ctx, input))) return { outcome: 'refused' };
  const admins = [...new Set(input.admins)];
  const coaches = [...new Set(input.coaches)];
  if (admins.length > MAX_LISTED) return { outcome: 'invalid', field: 'admins', error: `Up to ${MAX_LISTED} people, please.` };
  if (coaches.length > MAX_LISTED) return { outcome: 'invalid', field: 'coaches', error: `Up to ${MAX_LISTED} people, please.` };
  // An added admin who leaves themselves out would lock themselves out mid-save.
  if (!input.slackAdmin && !admins.includes(input.userId)) {
    return { outcome: 'invalid', field: 'admins', error: 'Keep yourself on this list: only Slack’s workspace admins can remove you.' };
  }
  await replaceProgrammeRoles(ctx.db, { teamId: input.teamId, byUserId: input.userId, admins, coaches });
  ctx.logger.info({ teamId: input.teamId, userId: input.userId, admins: admins.length, coaches: coaches.length }, 'programme roles saved');
  return { outcome: 'saved' };
}

export const PROGRAMME_NAME_MAX = 60;

export async function setProgramme(
  ctx: ServiceContext,
  input: Asker & { engagementId: string; name: string | undefined },
): Promise<{ outcome: 'refused' } | { outcome: 'invalid'; error: string } | { outcome: 'saved' }> {
  if (!(await isProgrammeAdmin(ctx, input))) return { outcome: 'refused' };
  const name = (input.name ?? '').trim().replace(/\s+/g, ' ');
  if (name.length > PROGRAMME_NAME_MAX) return { outcome: 'invalid', error: `Up to ${PROGRAMME_NAME_MAX} characters, please.` };
  const saved = await setEngagementProgramme(ctx.db, { teamId: input.teamId, engagementId: input.engagementId, programme: name === '' ? null : name });
  if (!saved) return { outcome: 'refused' };
  ctx.logger.info({ teamId: input.teamId, userId: input.userId, engagementId: input.engagementId }, 'programme set on engagement');
  return { outcome: 'saved' };
}

/** The workspace's report, for a programme admin only; built from sponsor-view facts and coach views. */
export async function loadProgrammeReport(ctx: ServiceContext, input: Asker & { minLeaders: number }): Promise<{ outcome: 'refused' } | { outcome: 'report'; report: ProgrammeReport }> {
  if (!(await isProgrammeAdmin(ctx, input))) return { outcome: 'refused' };
  const now = ctx.now();
  const records = await loadSponsorRecords(ctx.db, input.teamId, { all: true });
  const parties = records.map((r) => ({ id: r.engagement.id, coachId: r.engagement.coachId, leaderId: r.engagement.leaderId, status: r.engagement.status }));
  const leaderRecords = await loadLeaderRecords(ctx.db, ctx.cipher, { teamId: input.teamId, engagements: parties });
  const engagements = records.flatMap((record, i) => {
    const facts = processFactsOf(record, now);
    if (!facts) return [];
    // Outcomes come only from what the leader lets their coach see.
    const view = coachViewOf(record.engagement.coachId, leaderRecords[i]!);
    return [{ facts, outcomes: outcomesOf(view) }];
  });
  return { outcome: 'report', report: buildProgrammeReport({ engagements, minLeaders: input.minLeaders }) };
}

/** The engagements `userId` sponsors, as the sponsor view shows them. */
export async function loadSponsoredEngagements(ctx: ServiceContext, teamId: string, userId: string): Promise<SponsorView[]> {
  const now = ctx.now();
  const records = await loadSponsorRecords(ctx.db, teamId, { sponsorId: userId });
  return records.flatMap((r) => {
    const view = sponsorViewOf(userId, r, now);
    return view ? [view] : [];
  });
}
