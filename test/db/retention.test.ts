// Retention erases exactly what it says: the free text of engagements that ended more
// than RETENTION_DAYS ago, and nothing else; the process facts a report needs stay.
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eraseExpiredContent } from '../../db/retention.js';
import { openReflection, reflectionValues } from '../../db/reflections.js';
import { rowSeal } from '../../db/sealed.js';
import { actions, checkIns, engagements, nudges, reflections, sessions, targets } from '../../db/schema/index.js';
import { createApplyRetentionProcessor } from '../../jobs/apply-retention.js';
import { createCipher } from '../../src/crypto.js';
import { createLogger } from '../../src/logger.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';

const DAY = 86_400_000;
const now = new Date('2026-11-30T12:00:00Z');
const cipher = createCipher(randomBytes(32));
let t: TestDatabase;

async function seedEngagement(leaderId: string, status: 'active' | 'ended', endedDaysAgo?: number) {
  const [e] = await t.db
    .insert(engagements)
    .values({ teamId: 'T1', coachId: 'UCOACH', leaderId, status, startDate: '2025-01-06', endedAt: endedDaysAgo === undefined ? null : new Date(now.getTime() - endedDaysAgo * DAY) })
    .returning();
  const id = e!.id;
  await t.db.insert(sessions).values({ teamId: 'T1', engagementId: id, seq: 1, scheduledAt: new Date('2025-01-06T10:00:00Z'), status: 'held' });
  await t.db.insert(targets).values({ teamId: 'T1', engagementId: id, position: 1, descriptionEnc: cipher.encrypt(`target of ${leaderId}`), baseline: 4, level: 2, closingRating: 8 });
  const [c] = await t.db
    .insert(checkIns)
    .values({
      teamId: 'T1', leaderId, engagementId: id, commitment: 7, revisited: true, visibility: 'shared',
      goalEnc: cipher.encrypt('goal'), realityEnc: cipher.encrypt('reality'), optionsEnc: cipher.encrypt('options'), willEnc: cipher.encrypt('will'),
      makeItTenEnc: cipher.encrypt('more time'),
    })
    .returning();
  await t.db.insert(actions).values({ teamId: 'T1', leaderId, engagementId: id, checkInId: c!.id, textEnc: cipher.encrypt('talk to the team'), dueAt: now, status: 'done' });
  await t.db.insert(reflections).values(
    reflectionValues(cipher, { teamId: 'T1', leaderId, engagementId: id, kind: 'moment', body: { note: 'felt heard' }, rating: 6, permalink: 'https://x.slack.com/archives/C1/p1', visibility: 'summary' }),
  );
  await t.db.insert(nudges).values({ teamId: 'T1', recipientId: leaderId, engagementId: id, kind: 'follow_up', dedupeKey: `f-${leaderId}`, dueAt: now, status: 'sent' });
  return id;
}

async function contentOf(engagementId: string) {
  const [target] = await t.db.select().from(targets).where(eq(targets.engagementId, engagementId));
  const [checkIn] = await t.db.select().from(checkIns).where(eq(checkIns.engagementId, engagementId));
  const [action] = await t.db.select().from(actions).where(eq(actions.engagementId, engagementId));
  const [reflection] = await t.db.select().from(reflections).where(eq(reflections.engagementId, engagementId));
  const c = rowSeal(cipher, 'check_ins', checkIn!);
  const opened = openReflection(cipher, reflection!);
  return {
    text: {
      target: rowSeal(cipher, 'targets', target!).open('description_enc', target!.descriptionEnc),
      checkIn: (['goal_enc', 'reality_enc', 'options_enc', 'will_enc'] as const).map((col, i) => c.open(col, [checkIn!.goalEnc, checkIn!.realityEnc, checkIn!.optionsEnc, checkIn!.willEnc][i]!)),
      makeItTen: c.openNullable('make_it_ten_enc', checkIn!.makeItTenEnc),
      action: rowSeal(cipher, 'actions', action!).open('text_enc', action!.textEnc),
      reflection: opened.body,
      permalink: opened.permalink,
    },
    facts: {
      target: [target!.baseline, target!.level, target!.closingRating],
      checkIn: [checkIn!.commitment, checkIn!.revisited, checkIn!.visibility, checkIn!.createdAt.toISOString()],
      action: [action!.status, action!.dueAt.toISOString()],
      reflection: [reflection!.kind, opened.rating],
      sessions: (await t.db.select().from(sessions).where(eq(sessions.engagementId, engagementId))).map((s) => s.status),
      nudges: (await t.db.select().from(nudges).where(eq(nudges.engagementId, engagementId))).map((n) => [n.kind, n.status]),
    },
  };
}

const untouched = {
  checkIn: ['goal', 'reality', 'options', 'will'],
  makeItTen: 'more time',
  action: 'talk to the team',
  reflection: '{"note":"felt heard"}',
  permalink: 'https://x.slack.com/archives/C1/p1',
};

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.drop());

describe('retention', () => {
  it('erases the free text of engagements ended longer ago than RETENTION_DAYS, keeping the process facts', async () => {
    const old = await seedEngagement('UOLD', 'ended', 366);
    const recent = await seedEngagement('URECENT', 'ended', 364);
    const active = await seedEngagement('UACTIVE', 'active');
    const before = { old: await contentOf(old), recent: await contentOf(recent), active: await contentOf(active) };

    expect(await eraseExpiredContent(t.db, cipher, { now, retentionDays: 365 })).toEqual({ engagements: 1 });

    const after = { old: await contentOf(old), recent: await contentOf(recent), active: await contentOf(active) };
    expect(after.old.text).toEqual({ target: '', checkIn: ['', '', '', ''], makeItTen: null, action: '', reflection: '{}', permalink: null });
    expect(after.old.facts).toEqual(before.old.facts);
    expect(after.recent).toEqual(before.recent);
    expect(after.active).toEqual(before.active);
    expect(after.recent.text).toMatchObject({ target: 'target of URECENT', ...untouched });
    const [erased] = await t.db.select().from(engagements).where(eq(engagements.id, old));
    expect(erased).toMatchObject({ status: 'ended', contentErasedAt: now });
  });

  it('runs daily without redoing work, and honours a shorter RETENTION_DAYS', async () => {
    const process = createApplyRetentionProcessor({ db: t.db, cipher, logger: createLogger('silent'), retentionDays: 365 }, () => now);
    expect(await process({ data: {} } as never)).toEqual({ engagements: 0 });
    const shorter = createApplyRetentionProcessor({ db: t.db, cipher, logger: createLogger('silent'), retentionDays: 30 }, () => now);
    expect(await shorter({ data: {} } as never)).toEqual({ engagements: 1 });
    const [active] = await t.db.select().from(engagements).where(eq(engagements.leaderId, 'UACTIVE'));
    expect((await contentOf(active!.id)).text).toMatchObject({ target: 'target of UACTIVE', ...untouched });
  });
});
