// Retention erases exactly what it says: the free text of engagements that ended, and of
// invitations declined or left unanswered, more than RETENTION_DAYS ago, and of check-ins
// and moments outside any engagement written that long ago; nothing newer, and the
// process facts a report needs stay.
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

    expect(await eraseExpiredContent(t.db, cipher, { now, retentionDays: 365 })).toEqual({ engagements: 1, checkIns: 0, reflections: 0 });

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
    expect(await process({ data: {} } as never)).toEqual({ engagements: 0, checkIns: 0, reflections: 0 });
    const shorter = createApplyRetentionProcessor({ db: t.db, cipher, logger: createLogger('silent'), retentionDays: 30 }, () => now);
    expect(await shorter({ data: {} } as never)).toEqual({ engagements: 1, checkIns: 0, reflections: 0 });
    const [active] = await t.db.select().from(engagements).where(eq(engagements.leaderId, 'UACTIVE'));
    expect((await contentOf(active!.id)).text).toMatchObject({ target: 'target of UACTIVE', ...untouched });
  });
});

describe('retention of invitations and of writing outside any engagement', () => {
  const daysAgo = (days: number) => new Date(now.getTime() - days * DAY);

  async function invitation(leaderId: string, status: 'invited' | 'declined', days: number) {
    const [e] = await t.db
      .insert(engagements)
      .values({ teamId: 'T2', coachId: 'UCOACH2', leaderId, status, startDate: '2025-01-06', createdAt: daysAgo(days), respondedAt: status === 'declined' ? daysAgo(days) : null })
      .returning();
    await t.db.insert(targets).values({ teamId: 'T2', engagementId: e!.id, position: 1, descriptionEnc: cipher.encrypt(`target of ${leaderId}`), baseline: 3 });
    return e!.id;
  }

  async function looseCheckIn(leaderId: string, days: number) {
    const [c] = await t.db
      .insert(checkIns)
      .values({
        teamId: 'T2', leaderId, commitment: 8, visibility: 'private', createdAt: daysAgo(days),
        goalEnc: cipher.encrypt('goal'), realityEnc: cipher.encrypt('reality'), optionsEnc: cipher.encrypt('options'), willEnc: cipher.encrypt('will'), makeItTenEnc: cipher.encrypt('more'),
      })
      .returning();
    await t.db.insert(actions).values({ teamId: 'T2', leaderId, checkInId: c!.id, textEnc: cipher.encrypt('call Sam'), dueAt: now, status: 'open' });
    return c!.id;
  }

  async function looseMoment(leaderId: string, days: number) {
    const [r] = await t.db
      .insert(reflections)
      .values({ teamId: 'T2', leaderId, kind: 'moment', bodyEnc: cipher.encrypt('{"note":"good call"}'), ratingEnc: cipher.encrypt('7'), permalinkEnc: cipher.encrypt('https://x.slack.com/archives/C2/p2'), createdAt: daysAgo(days) })
      .returning();
    return r!.id;
  }

  const targetText = async (id: string) => {
    const [target] = await t.db.select().from(targets).where(eq(targets.engagementId, id));
    return rowSeal(cipher, 'targets', target!).open('description_enc', target!.descriptionEnc);
  };
  async function checkInText(id: string) {
    const [c] = await t.db.select().from(checkIns).where(eq(checkIns.id, id));
    const [a] = await t.db.select().from(actions).where(eq(actions.checkInId, id));
    // Erased values are sealed to their row; values written before (unbound) open anywhere.
    const s = rowSeal(cipher, 'check_ins', c!);
    return {
      text: (['goal_enc', 'reality_enc', 'options_enc', 'will_enc'] as const).map((col, i) => s.open(col, [c!.goalEnc, c!.realityEnc, c!.optionsEnc, c!.willEnc][i]!)),
      makeItTen: s.openNullable('make_it_ten_enc', c!.makeItTenEnc),
      action: rowSeal(cipher, 'actions', a!).open('text_enc', a!.textEnc),
      facts: [c!.commitment, c!.visibility, c!.createdAt.toISOString(), a!.status],
    };
  }
  async function momentOf(id: string) {
    const [r] = await t.db.select().from(reflections).where(eq(reflections.id, id));
    const opened = openReflection(cipher, r!);
    return { body: opened.body, permalink: opened.permalink, facts: [r!.kind, opened.rating, r!.createdAt.toISOString()] };
  }

  it('erases declined and expired invitations and loose check-ins and moments older than RETENTION_DAYS, and nothing newer', async () => {
    const declinedOld = await invitation('UDECL1', 'declined', 366);
    const declinedNew = await invitation('UDECL2', 'declined', 364);
    const expired = await invitation('UINV1', 'invited', 366);
    const pending = await invitation('UINV2', 'invited', 364);
    const checkInOld = await looseCheckIn('ULOOSE', 366);
    const checkInNew = await looseCheckIn('ULOOSE', 364);
    const momentOld = await looseMoment('ULOOSE', 366);
    const momentNew = await looseMoment('ULOOSE', 364);
    const before = { checkInOld: await checkInText(checkInOld), momentOld: await momentOf(momentOld) };

    expect(await eraseExpiredContent(t.db, cipher, { now, retentionDays: 365 })).toEqual({ engagements: 2, checkIns: 1, reflections: 1 });

    expect(await targetText(declinedOld)).toBe('');
    expect(await targetText(expired)).toBe('');
    expect(await targetText(declinedNew)).toBe('target of UDECL2');
    expect(await targetText(pending)).toBe('target of UINV2');
    const [expiredRow] = await t.db.select().from(engagements).where(eq(engagements.id, expired));
    expect(expiredRow).toMatchObject({ status: 'invited', contentErasedAt: now });

    expect(await checkInText(checkInOld)).toEqual({ text: ['', '', '', ''], makeItTen: null, action: '', facts: before.checkInOld.facts });
    expect(await checkInText(checkInNew)).toMatchObject({ text: ['goal', 'reality', 'options', 'will'], makeItTen: 'more', action: 'call Sam' });
    expect(await momentOf(momentOld)).toEqual({ body: '{}', permalink: null, facts: before.momentOld.facts });
    expect(await momentOf(momentNew)).toMatchObject({ body: '{"note":"good call"}', permalink: 'https://x.slack.com/archives/C2/p2' });

    // Done once: the next day's run finds nothing more to erase.
    expect(await eraseExpiredContent(t.db, cipher, { now, retentionDays: 365 })).toEqual({ engagements: 0, checkIns: 0, reflections: 0 });
  });
});
