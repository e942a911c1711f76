// App Home: rebuilt from current data each time the leader opens it. Other features add
// sections through `homeSections` (engagement progress, the coach's roster).
import type { App } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { formatLocalDate } from '../../domain/checkin/due-date.js';
import type { Block } from '../blocks/kit.js';
import { leaderHomeView } from '../blocks/leader-home.js';
import type { SlackDeps } from '../deps.js';
import { loadLeaderHome } from '../../services/leader-records.js';
import { syncPersonTz } from '../../services/people-sync.js';

/** What the person asked to see, when they asked for more than the Home tab's first view. */
export interface HomeRequest {
  /** The page of the coach's roster, from 0. */
  rosterPage?: number;
}

/** One part of App Home; `client` is there for what only Slack can say (is this person a workspace admin?). */
export type HomeSection = (deps: SlackDeps, teamId: string, userId: string, tz: string, request: HomeRequest, client: WebClient) => Promise<Block[]>;

export async function publishHome(deps: SlackDeps, client: WebClient, teamId: string, userId: string, sections: HomeSection[] = [], request: HomeRequest = {}): Promise<void> {
  const tz = await syncPersonTz(deps, client, teamId, userId);
  const [{ recent, action, moments }, ...extra] = await Promise.all([loadLeaderHome(deps, teamId, userId), ...sections.map((s) => s(deps, teamId, userId, tz, request, client))]);
  const localDate = (d: Date) => formatLocalDate(d, tz);
  const view = leaderHomeView({
    currentAction: action ? { text: action.text, dueLabel: localDate(action.dueAt) } : null,
    recent,
    moments,
    tz,
    localDate,
    extra: extra.flat(),
  });
  await client.views.publish({ user_id: userId, view });
}

export function registerAppHome(app: App, deps: SlackDeps, sections: HomeSection[] = []): void {
  app.event('app_home_opened', async ({ event, client, context }) => {
    if (event.tab !== 'home') return;
    const teamId = context.teamId ?? '';
    try {
      await publishHome(deps, client, teamId, event.user, sections);
    } catch (error) {
      deps.logger.error({ teamId, userId: event.user, err: error }, 'App Home not published');
    }
  });
}
