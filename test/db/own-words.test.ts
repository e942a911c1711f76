// What a leader wrote since the last session, read back for the leader alone.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listActionsAnsweredSince } from '../../db/follow-ups.js';
import { listOwnWordsSince, listRecentMoments, reflectionValues } from '../../db/reflections.js';
import { actions, checkIns, engagements, reflections, sessions } from '../../db/schema/index.js';
import { previousSessionAt } from '../../db/sessions.js';
import { createCipher } from '../../src/crypto.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';

const cipher = createCipher(randomBytes(32));
const TEAM = 'T1';
const LEADER = 'U0LEADER01';
const at = (iso: string) => new Date(iso);
let t: TestDatabase;
let engagementId: string;
let otherEngagementId: string;

const reflection = (over: { leaderId?: string; engagementId: string | null; kind: string; body: Record<string, string>; createdAt: Date; permalink?: string; erased?: boolean }) => ({
  ...reflectionValues(cipher, { teamId: TEAM, leaderId: over.leaderId ?? LEADER, engagementId: over.engagementId, kind: over.kind, body: over.body, permalink: over.permalink ?? null, visibility: 'private' }),
  createdAt: over.createdAt,
  contentErasedAt: over.erased ? over.createdAt : null,
});

beforeAll(async () => {
  t = await createTestDatabase();
  const [e] = await t.db.insert(engagements).values({ teamId: TEAM, coachId: 'U0COACH001', leaderId: LEADER, status: 'active', startDate: '2026-11-02' }).returning();
  const [o] = await t.db.insert(engagements).values({ teamId: TEAM, coachId: 'U0COACH001', leaderId: 'U0OTHER001', status: 'active', startDate: '2026-11-02' }).returning();
  engagementId = e!.id;
  otherEngagementId = o!.id;
  await t.db.insert(sessions).values([
    { teamId: TEAM, engagementId, seq: 1, scheduledAt: at('2026-11-02T09:00:00Z'), status: 'held' },
    { teamId: TEAM, engagementId, seq: 2, scheduledAt: at('2026-11-16T09:00:00Z'), status: 'held' },
    { teamId: TEAM, engagementId, seq: 3, scheduledAt: at('2026-11-23T09:00:00Z'), status: 'cancelled' },
    { teamId: TEAM, engagementId, seq: 4, scheduledAt: at('2026-11-30T09:00:00Z') },
  ]);
  await t.db.insert(reflections).values([
    reflection({ engagementId, kind: 'follow_up', body: { happened: 'before the last session' }, createdAt: at('2026-11-10T12:00:00Z') }),
    reflection({ engagementId, kind: 'follow_up', body: { happened: 'I asked first', learned: 'Silence is fine' }, createdAt: at('2026-11-20T12:00:00Z') }),
    reflection({ engagementId: null, kind: 'moment', body: { note: 'Sam pushed back', channel: 'C1', ts: '1.2' }, createdAt: at('2026-11-25T12:00:00Z'), permalink: 'https://acme.slack.com/archives/C1/p12' }),
    reflection({ engagementId, kind: 'session_prep', body: { example: 'an earlier prep answer' }, createdAt: at('2026-11-26T12:00:00Z') }),
    reflection({ engagementId: null, kind: 'moment', body: { note: 'erased by retention' }, createdAt: at('2026-11-27T12:00:00Z'), erased: true }),
    reflection({ leaderId: 'U0OTHER001', engagementId: otherEngagementId, kind: 'follow_up', body: { happened: 'someone else' }, createdAt: at('2026-11-21T12:00:00Z') }),
    reflection({ leaderId: 'U0OTHER001', engagementId: null, kind: 'moment', body: { note: 'someone else’s moment' }, createdAt: at('2026-11-22T12:00:00Z') }),
  ]);
});
afterAll(async () => t?.drop());

describe('since the last session', () => {
  it('starts at the latest session before this one that was not cancelled, or the engagement’s start', async () => {
    expect(await previousSessionAt(t.db, TEAM, engagementId, at('2026-11-30T09:00:00Z'))).toEqual(at('2026-11-16T09:00:00Z'));
    const [fresh] = await t.db.insert(engagements).values({ teamId: TEAM, coachId: 'U0COACH001', leaderId: 'U0NEW00001', status: 'active', startDate: '2026-12-07' }).returning();
    const start = await previousSessionAt(t.db, TEAM, fresh!.id, at('2026-12-07T09:00:00Z'));
    expect(start).toEqual(fresh!.createdAt);
  });

  it('reads the leader’s own reflections in this engagement and their moments, newest first, decrypted; nothing older, erased or anyone else’s', async () => {
    const words = await listOwnWordsSince(t.db, cipher, { teamId: TEAM, leaderId: LEADER, engagementId, since: at('2026-11-16T09:00:00Z'), limit: 5 });
    expect(words.map((w) => [w.kind, w.answers])).toEqual([
      ['moment', { note: 'Sam pushed back', channel: 'C1', ts: '1.2' }],
      ['follow_up', { happened: 'I asked first', learned: 'Silence is fine' }],
    ]);
    expect(words[0]!.permalink).toBe('https://acme.slack.com/archives/C1/p12');
    expect(await listOwnWordsSince(t.db, cipher, { teamId: TEAM, leaderId: LEADER, engagementId, since: at('2026-11-16T09:00:00Z'), limit: 1 })).toHaveLength(1);
  });

  it('lists the leader’s recent moments for App Home, not erased ones, not anyone else’s', async () => {
    const moments = await listRecentMoments(t.db, cipher, { teamId: TEAM, leaderId: LEADER, limit: 3 });
    expect(moments.map((m) => m.answers.note)).toEqual(['Sam pushed back']);
  });

  it('reads the actions the leader answered since, newest first, not open ones or older answers', async () => {
    const [c] = await t.db
      .insert(checkIns)
      .values({ teamId: TEAM, leaderId: LEADER, engagementId, visibility: 'private', commitment: 8, goalEnc: cipher.encrypt('g'), realityEnc: cipher.encrypt('r'), optionsEnc: cipher.encrypt('o'), willEnc: cipher.encrypt('w') })
      .returning();
    const action = (text: string, status: 'open' | 'done' | 'partly' | 'not_yet', answeredAt: Date | null) => ({
      teamId: TEAM, leaderId: LEADER, engagementId, checkInId: c!.id, textEnc: cipher.encrypt(text), dueAt: at('2026-11-20T16:00:00Z'), status, answeredAt,
    });
    await t.db.insert(actions).values([
      action('answered before', 'done', at('2026-11-12T12:00:00Z')),
      action('half of it', 'partly', at('2026-11-19T12:00:00Z')),
      action('all of it', 'done', at('2026-11-24T12:00:00Z')),
      action('still open', 'open', null),
    ]);
    const answered = await listActionsAnsweredSince(t.db, cipher, { teamId: TEAM, leaderId: LEADER, engagementId, since: at('2026-11-16T09:00:00Z'), limit: 5 });
    expect(answered.map((a) => [a.text, a.status])).toEqual([
      ['all of it', 'done'],
      ['half of it', 'partly'],
    ]);
  });
});
