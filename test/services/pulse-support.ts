// A running engagement with saved targets and a clock the test moves, for the pulse's
// service tests on a real Postgres.
import { randomBytes } from 'node:crypto';
import { pino, type Logger } from 'pino';
import { Writable } from 'node:stream';
import { engagements, people, sessions, targets } from '../../db/schema/index.js';
import { newRowId, rowSeal } from '../../db/sealed.js';
import { createCipher } from '../../src/crypto.js';
import { defaultRhythm } from '../../src/domain/planner/rhythm.js';
import { sessionTimes } from '../../src/domain/planner/index.js';
import { atLocalTime, defaultWorkingHours } from '../../src/domain/time/index.js';
import type { ServiceContext } from '../../src/services/context.js';
import type { TestDatabase } from '../support/db.js';

export const TEAM = 'T0PULSE001';
export const COACH = 'U0COACH001';
export const LEADER = 'U0LEAD0001';
export const TZ = 'Europe/Berlin';
export const STAKEHOLDERS = ['U0STAKE001', 'U0STAKE002', 'U0STAKE003', 'U0STAKE004', 'U0STAKE005'];
export const TARGET_TEXTS = ['Qzsecret-target listening in meetings', 'Qzsecret-target giving feedback early'];
export const berlin = (date: string, time: string) => atLocalTime(date, time, TZ);

export interface PulseWorld {
  ctx: ServiceContext;
  clock: { now: Date };
  logLines: string[];
}

export function pulseWorld(database: TestDatabase, start: Date): PulseWorld {
  const clock = { now: start };
  const logLines: string[] = [];
  const sink = new Writable({ write: (chunk, _enc, done) => (logLines.push(String(chunk)), done()) });
  const logger = pino({ level: 'debug' }, sink) as unknown as Logger;
  const ctx: ServiceContext = {
    db: database.db,
    cipher: createCipher(randomBytes(32)),
    logger: logger as never,
    now: () => clock.now,
    rhythm: defaultRhythm,
    defaultWorkingHours: { ...defaultWorkingHours, workDays: [...defaultWorkingHours.workDays] },
  };
  return { ctx, clock, logLines };
}

/** An active engagement, weekly Tuesday 10:00 Berlin sessions from `firstDate`, targets saved at `contractedAt`. */
export async function seedContracted(world: PulseWorld, input: { leaderId?: string; firstDate: string; count?: number; contractedAt: Date }) {
  const { db, cipher } = world.ctx;
  const leaderId = input.leaderId ?? LEADER;
  await db.insert(people).values({ teamId: TEAM, userId: leaderId, tz: TZ }).onConflictDoNothing();
  const count = input.count ?? 8;
  const [engagement] = await db
    .insert(engagements)
    .values({ teamId: TEAM, coachId: COACH, leaderId, status: 'active', startDate: input.firstDate, sessionCount: count, cadenceDays: 14 })
    .returning();
  const times = sessionTimes(atLocalTime(input.firstDate, '10:00', TZ), count, 14, TZ);
  await db.insert(sessions).values(times.map((scheduledAt, i) => ({ teamId: TEAM, engagementId: engagement!.id, seq: i + 1, scheduledAt })));
  const rows = TARGET_TEXTS.map((text, i) => {
    const id = newRowId();
    return { id, teamId: TEAM, engagementId: engagement!.id, position: i + 1, baseline: 4, createdAt: input.contractedAt, descriptionEnc: rowSeal(cipher, 'targets', { teamId: TEAM, id }).seal('description_enc', text) };
  });
  await db.insert(targets).values(rows);
  return { engagement: engagement!, targetIds: rows.map((r) => r.id) };
}
