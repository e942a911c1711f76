// Request bodies shaped like Slack's real ones: slash commands (form fields), interaction
// payloads (block_actions, view_submission, view_closed, message_action) and Events API
// envelopes.

import type { Json, Team, User } from '../state-types.js';

export function userRef(user: User): Json {
  return { id: user.id, username: user.name, name: user.name, team_id: user.teamId };
}

export function teamRef(team: Team): Json {
  return { id: team.id, domain: team.domain, ...(team.enterpriseId ? { enterprise_id: team.enterpriseId } : {}) };
}

function enterpriseFields(team: Team): Json {
  return {
    is_enterprise_install: false,
    enterprise: team.enterpriseId ? { id: team.enterpriseId, name: team.enterpriseId } : null,
  };
}

export interface SlashCommandFields {
  team: Team;
  user: User;
  command: string;
  text: string;
  channelId: string;
  channelName: string;
  responseUrl: string;
  triggerId: string;
}

/** Slack's slash command form fields, in Slack's order. */
export function slashCommandForm(f: SlashCommandFields): string {
  const fields: Record<string, string> = {
    token: 'deprecated-verification-token',
    team_id: f.team.id,
    team_domain: f.team.domain,
    ...(f.team.enterpriseId ? { enterprise_id: f.team.enterpriseId, enterprise_name: f.team.enterpriseId } : {}),
    channel_id: f.channelId,
    channel_name: f.channelName,
    user_id: f.user.id,
    user_name: f.user.name,
    command: f.command,
    text: f.text,
    api_app_id: f.team.appId,
    is_enterprise_install: 'false',
    response_url: f.responseUrl,
    trigger_id: f.triggerId,
  };
  return new URLSearchParams(fields).toString();
}

/** Interactions arrive form-encoded with one field, `payload`, holding JSON. */
export function interactionForm(payload: Json): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

export function interactionBase(type: string, team: Team, user: User, triggerId?: string): Json {
  return {
    type,
    token: 'deprecated-verification-token',
    user: userRef(user),
    api_app_id: team.appId,
    team: teamRef(team),
    ...(triggerId ? { trigger_id: triggerId } : {}),
    ...enterpriseFields(team),
  };
}

export function eventEnvelope(team: Team, event: Json, eventId: string, eventTime: number): Json {
  return {
    token: 'deprecated-verification-token',
    team_id: team.id,
    ...(team.enterpriseId ? { enterprise_id: team.enterpriseId } : {}),
    api_app_id: team.appId,
    event,
    type: 'event_callback',
    event_id: eventId,
    event_time: eventTime,
    authorizations: [{
      enterprise_id: team.enterpriseId ?? null, team_id: team.id, user_id: team.botUserId,
      is_bot: true, is_enterprise_install: false,
    }],
    is_ext_shared_channel: false,
    event_context: `4-${Buffer.from(`${team.id}/${eventId}`).toString('base64url')}`,
  };
}
