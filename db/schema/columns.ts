// Columns most tables share, made fresh for each table (a drizzle column builder belongs
// to one table): the row's key and workspace, and timestamps, which are always with zone.
import { text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const keyAndTeam = () => ({ id: uuid('id').primaryKey().defaultRandom(), teamId: text('team_id').notNull() });

export const at = (name: string) => timestamp(name, { withTimezone: true });

export const createdAt = () => at('created_at').notNull().defaultNow();
