// A file Grow sends someone in their DM (`/grow export`, `/grow report`), recorded so that
// erasing that person's data removes the file from Slack too.
import type { WebClient } from '@slack/web-api';
import { notePosted } from '../../services/posted-messages.js';
import type { SlackDeps } from '../deps.js';

export interface DmFile {
  filename: string;
  title: string;
  content: string;
  initial_comment: string;
}

/** Uploads the file into the person's DM with Grow and records it; returns the file ids. */
export async function sendFileInDm(deps: SlackDeps, client: WebClient, who: { teamId: string; userId: string }, file: DmFile): Promise<string[]> {
  const dm = await client.conversations.open({ users: who.userId });
  const uploaded = await client.filesUploadV2({ channel_id: dm.channel!.id!, ...file });
  const fileIds = (uploaded.files ?? []).flatMap((f) => (f.files ?? []).map((entry) => entry.id)).filter((id): id is string => typeof id === 'string');
  await notePosted(deps, fileIds.map((fileId) => ({ teamId: who.teamId, recipientId: who.userId, kind: 'export_file' as const, fileId })));
  return fileIds;
}
