// files.getUploadURLExternal, files.completeUploadExternal and files.delete. The upload URL points back
// at the emulator (POST /upload/v1/<file id>), so the client's byte upload is observable.

import {
  authedTeam, optionalJson, optionalNumber, optionalString, requireString,
  type MethodContext, type MethodSpec,
} from '../method-context.js';
import { SlackError } from '../slack-error.js';
import type { Json, StoredMessage } from '../state-types.js';

function getUploadUrl(ctx: MethodContext) {
  const team = authedTeam(ctx);
  const filename = requireString(ctx.args, 'filename', 'invalid_arguments');
  const length = optionalNumber(ctx.args, 'length');
  if (length === undefined || length < 1) {
    throw SlackError.withMessages('invalid_arguments', ['[ERROR] missing required field: length']);
  }
  const id = ctx.store.ids.next('F');
  ctx.store.uploads.set(id, { id, teamId: team.id, filename, length, completed: false, uploaderId: ctx.token?.userId ?? team.botUserId });
  return { upload_url: `${ctx.origin}/upload/v1/${id}`, file_id: id };
}

function completeUpload(ctx: MethodContext) {
  const team = authedTeam(ctx);
  const files = optionalJson(ctx.args, 'files', 'invalid_arguments');
  if (!Array.isArray(files) || files.length === 0) {
    throw SlackError.withMessages('invalid_arguments', ['[ERROR] missing required field: files']);
  }
  const channelId = optionalString(ctx.args, 'channel_id');
  const channel = channelId ? ctx.store.resolveChannel(team.id, channelId) : undefined;
  if (channel && !channel.members.has(team.botUserId)) throw new SlackError('not_in_channel');
  const completed: Json[] = [];
  for (const entry of files as Array<{ id?: unknown; title?: unknown }>) {
    const upload = typeof entry.id === 'string' ? ctx.store.uploads.get(entry.id) : undefined;
    if (!upload || upload.teamId !== team.id) throw new SlackError('file_not_found');
    // Slack refuses to complete a file whose bytes never arrived.
    if (!upload.received) throw new SlackError('file_upload_not_found');
    upload.completed = true;
    if (typeof entry.title === 'string') upload.title = entry.title;
    completed.push({
      id: upload.id, name: upload.filename, title: upload.title ?? upload.filename,
      size: upload.received.length, mimetype: 'application/octet-stream', user: team.botUserId,
      url_private: `${ctx.origin}/files/${upload.id}`,
    });
  }
  if (channel) {
    const message: StoredMessage = {
      type: 'message', ts: ctx.store.ids.ts(ctx.now()), channel: channel.id,
      text: optionalString(ctx.args, 'initial_comment') ?? '', user: team.botUserId,
      bot_id: team.botId, app_id: team.appId, team: team.id, files: completed,
      ...(optionalString(ctx.args, 'thread_ts') ? { thread_ts: optionalString(ctx.args, 'thread_ts') as string } : {}),
    };
    channel.messages.push(message);
  }
  return { files: completed.map((f) => ({ id: f.id, title: f.title })) };
}

/**
 * Slack lets a bot delete only files it uploaded (`cant_delete_file` otherwise); an
 * unknown or already deleted file is `file_not_found`. The message that shared the file
 * goes with it.
 */
function deleteFile(ctx: MethodContext) {
  const team = authedTeam(ctx);
  const fileId = requireString(ctx.args, 'file', 'file_not_found');
  const upload = ctx.store.uploads.get(fileId);
  if (!upload || upload.teamId !== team.id || !upload.completed) throw new SlackError('file_not_found');
  const caller = ctx.token?.userId ?? team.botUserId;
  if (upload.uploaderId !== caller) throw new SlackError('cant_delete_file');
  ctx.store.uploads.delete(fileId);
  for (const channel of ctx.store.channels.values()) {
    if (channel.teamId !== team.id) continue;
    const at = channel.messages.findIndex((m) => (m.files ?? []).some((f) => f.id === fileId));
    if (at >= 0) channel.messages.splice(at, 1);
  }
  return {};
}

export const fileMethods: Record<string, MethodSpec> = {
  'files.getUploadURLExternal': { tier: 4, auth: 'token', handle: getUploadUrl },
  'files.completeUploadExternal': { tier: 4, auth: 'token', handle: completeUpload },
  'files.delete': { tier: 3, auth: 'token', handle: deleteFile },
};
