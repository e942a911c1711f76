// Engagements whose last session is behind them, with what decides whether they are over:
// when that session ends and whether every target has its closing rating. One query; the
// rule itself is `isCompletionDue` (src/domain/engagement/completion.ts).
import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from './client.js';

export interface CompletionCandidate {
  id: string;
  teamId: string;
  lastSessionEndsAt: Date;
  closingReviewDone: boolean;
}

export async function findCompletionCandidates(db: Db, input: { now: Date; limit: number }): Promise<CompletionCandidate[]> {
  const result = await db.execute(sql`
    select e.id, e.team_id, last.ends_at as last_ends_at,
      (select count(*)::int from targets t where t.engagement_id = e.id) as targets,
      (select count(*)::int from targets t where t.engagement_id = e.id and t.closing_rating is not null) as rated
    from engagements e
    cross join lateral (
      select max(s.scheduled_at) + make_interval(mins => e.session_minutes) as ends_at
      from sessions s where s.engagement_id = e.id and s.status <> 'cancelled'
    ) last
    where e.status = 'active'
      and last.ends_at <= ${input.now.toISOString()}::timestamptz
      and not exists (select 1 from installations i where i.team_id = e.team_id and i.uninstalled_at is not null)
    order by last.ends_at
    limit ${input.limit}`);
  return rowsOf<{ id: string; team_id: string; last_ends_at: string | Date; targets: number; rated: number }>(result).map((r) => ({
    id: r.id,
    teamId: r.team_id,
    lastSessionEndsAt: new Date(r.last_ends_at),
    closingReviewDone: r.targets > 0 && r.rated === r.targets,
  }));
}
