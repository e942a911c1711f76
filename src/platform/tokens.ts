// Which bot token speaks for a workspace. Single-workspace mode has one token from the
// environment; OAuth installs keep an encrypted token per team in `installations`.
import { sealContext } from '../../db/encrypted-columns.js';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { installations } from '../../db/schema/index.js';
import type { Config } from '../config.js';
import type { Cipher } from '../crypto.js';
import { DomainError } from '../domain/errors.js';

export type ResolveBotToken = (teamId: string) => Promise<string>;

export function createTokenResolver(config: Config, db: Db, cipher: Cipher): ResolveBotToken {
  return async (teamId) => {
    if (config.slack.botToken) return config.slack.botToken;
    const [row] = await db.select().from(installations).where(eq(installations.teamId, teamId));
    if (!row?.botTokenEnc || row.uninstalledAt) throw new DomainError('not_found', `workspace ${teamId} has not installed Grow`);
    return cipher.decrypt(row.botTokenEnc, sealContext('installations', 'bot_token_enc', teamId, teamId));
  };
}
