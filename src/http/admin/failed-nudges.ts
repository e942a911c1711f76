// GET /admin/nudges: the latest failed nudges with their reasons, as JSON for operators.
// Ids and reasons only, never free text.
import type { ServerResponse } from 'node:http';
import { desc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { nudges } from '../../../db/schema/index.js';

export async function sendFailedNudges(db: Db, res: ServerResponse): Promise<void> {
  const failed = await db
    .select({ id: nudges.id, teamId: nudges.teamId, kind: nudges.kind, reason: nudges.reason, attempts: nudges.attempts, updatedAt: nudges.updatedAt })
    .from(nudges)
    .where(eq(nudges.status, 'failed'))
    .orderBy(desc(nudges.updatedAt))
    .limit(20);
  res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ failedNudges: failed }));
}
