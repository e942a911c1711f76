// Columns most tables share, made fresh for each table (a drizzle column builder belongs
// to one table): the row's key and workspace, timestamps, which are always with zone,
// a row's status, and the two people of an engagement; and a way to declare tables whose
// rows all begin alike (every row of one engagement, of one pulse round).
import type { BuildExtraConfigColumns } from 'drizzle-orm';
import { pgTable, text, timestamp, uuid, type PgColumnBuilderBase, type PgTableExtraConfigValue } from 'drizzle-orm/pg-core';

export const keyAndTeam = () => ({ id: uuid('id').primaryKey().defaultRandom(), teamId: text('team_id').notNull() });

export const at = (name: string) => timestamp(name, { withTimezone: true });

export const createdAt = () => at('created_at').notNull().defaultNow();

/** A row's status: one of `values`, and a new row starts at the first. */
export const statusOf = <const T extends readonly [string, ...string[]]>(values: T) => text('status', { enum: values }).notNull().default(values[0]);

/** The coach and the leader of an engagement. */
export const coachAndLeader = () => ({ coachId: text('coach_id').notNull(), leaderId: text('leader_id').notNull() });

type Columns = Record<string, PgColumnBuilderBase>;

/** Declares tables whose rows all begin with `base`'s columns, then each table's own. */
export const tablesBeginningWith =
  <TBase extends Columns>(base: () => TBase) =>
  <TName extends string, TColumns extends Columns>(name: TName, columns: TColumns, extraConfig?: (self: BuildExtraConfigColumns<TName, TBase & TColumns, 'pg'>) => PgTableExtraConfigValue[]) =>
    pgTable<TName, TBase & TColumns>(name, { ...base(), ...columns }, extraConfig);
