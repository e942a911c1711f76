// Saving a view the way Slack echoes it back: id, hash, state, stack links and app ids,
// with generated block/action ids. Shared by the views.* methods and by the driver when
// an app answers a submission with response_action update/push.

import { assignIds } from './block-kit/assign-ids.js';
import { SlackError } from './slack-error.js';
import type { Json, StoredView, Team } from './state-types.js';
import type { Store } from './store.js';

export interface ViewPlacement {
  id?: string;
  rootViewId?: string;
  previousViewId: string | null;
}

export function saveView(store: Store, now: number, team: Team, userId: string, input: Json, placement: ViewPlacement): StoredView {
  const id = placement.id ?? store.ids.next('V');
  const externalId = typeof input.external_id === 'string' && input.external_id !== '' ? input.external_id : undefined;
  if (externalId) {
    for (const other of store.views.values()) {
      if (other.teamId === team.id && other.externalId === externalId && other.id !== id) {
        throw new SlackError('duplicate_external_id');
      }
    }
  }
  const hash = `${Math.floor(now / 1000)}.${store.ids.next('h').slice(1)}`;
  const type = input.type as 'modal' | 'home';
  const view: Json = {
    private_metadata: '', callback_id: '', external_id: '', clear_on_close: false, notify_on_close: false,
    ...input,
    blocks: Array.isArray(input.blocks) ? assignIds(input.blocks as Json[], `${id}/${hash}`) : [],
    id, team_id: team.id, type, hash,
    state: { values: {} },
    previous_view_id: placement.previousViewId,
    root_view_id: placement.rootViewId ?? id,
    app_id: team.appId, app_installed_team_id: team.id, bot_id: team.botId,
  };
  const stored: StoredView = {
    id, teamId: team.id, userId, type, view, hash, rootViewId: placement.rootViewId ?? id,
    previousViewId: placement.previousViewId, ...(externalId ? { externalId } : {}),
  };
  store.views.set(id, stored);
  return stored;
}
