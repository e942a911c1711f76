// Changes one row of a workspace, by id, only while a condition still holds: the writes
// that must not undo what another click or job already settled ("only while the session
// is scheduled", "only the first choice counts"). The caller learns whether it changed.
import { and, eq, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable, PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { Db } from './client.js';

type WorkspaceTable = PgTable & { id: PgColumn; teamId: PgColumn };

/** True when the row exists in the workspace, the condition held and the row was changed. */
export async function updateRowIf<T extends WorkspaceTable>(db: Db, table: T, key: { teamId: string; id: string }, set: PgUpdateSetSource<T>, condition?: SQL): Promise<boolean> {
  const rows = await db
    .update(table)
    .set(set)
    .where(and(eq(table.teamId, key.teamId), eq(table.id, key.id), condition))
    .returning({ id: table.id });
  return rows.length > 0;
}
