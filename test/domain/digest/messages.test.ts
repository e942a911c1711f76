// The digest and brief messages as Slack will receive them: within Block Kit's limits
// however much the leaders wrote and however many leaders a coach has, with every
// leader's word escaped, and — over random records — nothing private or beyond a
// summary ever rendered.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { composeBrief, composeDigest, type BriefModel, type DigestLeader, type Signal } from '../../../src/domain/digest/index.js';
import { coachViewOf } from '../../../src/domain/privacy/index.js';
import { buildBriefMessage } from '../../../src/slack/blocks/brief-message.js';
import { buildDigestMessage, buildDigestParts } from '../../../src/slack/blocks/digest-message.js';
import type { NudgeMessage } from '../../../src/slack/blocks/nudge-message.js';
import { validateMessageBlocks } from '../../emulator/block-kit/validate-surface.js';
import { COACH, forbiddenMarkers, markedRecordArb, summaryHiddenMarkers } from '../privacy/arbitraries.js';

const now = new Date('2026-03-09T09:00:00Z');
const HOSTILE = '<!channel> & <@U0BOSS0001> <https://evil.example|click> *bold* ';
const long = (n: number) => HOSTILE.repeat(Math.ceil(n / HOSTILE.length)).slice(0, n);
const signals: Signal[] = [{ kind: 'quiet', days: 30 }, { kind: 'commitment_dropping', from: 10, to: 1 }, { kind: 'follow_ups_unanswered', count: 12 }];
const sharedItem = (i: number) => ({
  kind: i % 2 ? 'moment' : 'follow_up',
  createdAt: now,
  answers: [{ question: 'What happened?', text: long(1500) }, { question: null, text: long(1500) }],
  permalink: `https://acme.slack.com/archives/C0123/p${i}?thread_ts=1.2&cid=C0123`,
});
const fullLeader = (i: number): DigestLeader => ({
  leaderId: `U0LEAD${String(i).padStart(4, '0')}`,
  engagementId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  checkInCount: 40,
  scores: Array.from({ length: 40 }, (_, k) => (k % 10) + 1),
  goals: Array.from({ length: 30 }, () => long(500)),
  actions: Array.from({ length: 30 }, (_, k) => ({ text: k % 2 ? null : long(500), status: 'not_yet' as const, dueAt: now })),
  shared: Array.from({ length: 20 }, (_, k) => sharedItem(k)),
  summarisedCount: 9,
  nextSessionAt: now,
  progress: { past: 3, total: 12 },
  signals,
  attention: [{ kind: 'not_yet_twice' }, { kind: 'low_commitment', score: 3 }, { kind: 'pulse_shared', stage: 'baseline' }],
  briefAt: null,
});
const fullBrief: BriefModel = {
  leaderId: 'U0LEAD0001', engagementId: '00000000-0000-4000-8000-0000000000e1', session: { id: 's', seq: 12, scheduledAt: now }, progress: { past: 12, total: 12 }, previousAt: now,
  targets: [1, 2, 3].map((position) => ({ position, description: long(300), level: position, baseline: 3, midpointRating: 6, closingRating: 9 })),
  goals: Array.from({ length: 30 }, () => long(500)),
  commitments: Array.from({ length: 10 }, (_, k) => k + 1),
  latestShared: { createdAt: now, goal: long(500), reality: long(2000), options: long(2000), will: long(500), makeItTen: long(1000) },
  prep: { visibility: 'shared', answers: [{ question: 'What do you want from the next session?', text: long(1500) }, { question: 'What happened with your commitment?', text: long(1500) }] },
  actions: Array.from({ length: 30 }, () => ({ text: long(500), status: 'partly' as const, dueAt: now })),
  shared: Array.from({ length: 20 }, (_, k) => sharedItem(k)),
  summarisedCount: 4,
  signals,
  contractingRatings: [{ question: 'How open are you to being coached right now, 1 to 10?', rating: 7 }],
};

const allText = (m: NudgeMessage) => JSON.stringify(m);
/** Every `<…>` in the message is Grow's own: a leader mention or a checked permalink. */
function liveMarkup(m: NudgeMessage): string[] {
  const texts = m.blocks.flatMap((b) => {
    // Context elements carry mrkdwn as a string; a button's label is plain text in an object.
    const block = b as { text?: { text: string }; elements?: { text?: string | { text: string } }[] };
    return [block.text?.text ?? '', ...(block.elements ?? []).map((e) => (typeof e.text === 'string' ? e.text : e.text?.text ?? ''))];
  });
  return texts.flatMap((t) => t.match(/<[^>]*>/g) ?? []).filter((tag) => !/^<@U0[A-Z0-9]+>$|^<https:\/\/acme\.slack\.com\/[^|<>\s]+\|open the message>$/.test(tag));
}

/** Slack asks for every `&` to be escaped; a bare one is a leader's word that slipped through. */
const bareAmpersands = (m: NudgeMessage) => JSON.stringify(m.blocks).match(/&(?!amp;|lt;|gt;)/g) ?? [];

describe('digest message', () => {
  it.each([1, 5, 12, 40, 400])('stays within Block Kit limits with %i leaders who wrote the most they can', (count) => {
    const message = buildDigestMessage({ model: { since: now, until: now, leaders: Array.from({ length: count }, (_, i) => fullLeader(i)) }, tz: 'Pacific/Chatham' });
    expect(validateMessageBlocks(message.blocks)).toEqual([]);
    expect(message.blocks.length).toBeLessThanOrEqual(50);
  });

  it('names leaders it has no room for rather than dropping them silently', () => {
    const message = buildDigestMessage({ model: { since: now, until: now, leaders: Array.from({ length: 40 }, (_, i) => fullLeader(i)) }, tz: 'UTC' });
    expect(allText(message)).toContain('<@U0LEAD0039>');
  });

  it('escapes leaders’ words: no mention, broadcast or link of theirs turns live', () => {
    const message = buildDigestMessage({ model: { since: now, until: now, leaders: [fullLeader(1)] }, tz: 'UTC' });
    expect(allText(message)).toContain('&lt;!channel&gt; &amp; &lt;@U0BOSS0001&gt;');
    expect(liveMarkup(message)).toEqual([]);
    expect(bareAmpersands(message)).toEqual([]);
    expect(message.text).not.toContain('channel');
  });

  it('shows an action kept to a summary by its status only', () => {
    const leader: DigestLeader = { ...fullLeader(1), goals: [], shared: [], actions: [{ text: null, status: 'done', dueAt: now }] };
    const message = buildDigestMessage({ model: { since: now, until: now, leaders: [leader] }, tz: 'UTC' });
    expect(allText(message)).toContain('An action (kept to a summary) — done');
  });
});

describe('digest of a large roster', () => {
  const calm = (i: number): DigestLeader => ({ ...fullLeader(i), checkInCount: 1, scores: [9], goals: [], actions: [], shared: [], summarisedCount: 0, signals: [], attention: [] });

  it('gives leaders with something to ask about the full entry, the others one line', () => {
    const parts = buildDigestParts({ model: { since: now, until: now, leaders: [fullLeader(1), calm(2)] }, tz: 'UTC' });
    const text = allText(parts.message);
    expect(text).toContain('Questions you might bring');
    expect(text).toContain('They answered \\"Not yet\\" twice in a row');
    expect(text).toContain('• *<@U0LEAD0002>* · next session');
    expect(parts.replies).toEqual([]);
  });

  it('says "brief tomorrow" instead of repeating what the brief will carry', () => {
    const soon: DigestLeader = { ...fullLeader(3), briefAt: new Date(now.getTime() + 3_600_000) };
    const text = allText(buildDigestParts({ model: { since: now, until: now, leaders: [soon] }, tz: 'UTC' }).message);
    expect(text).toContain('brief tomorrow');
    expect(text).not.toContain('Questions you might bring');
  });

  it('puts 25 leaders in need, in full, into the message and its thread, each once', () => {
    const leaders = Array.from({ length: 25 }, (_, i) => fullLeader(i));
    const parts = buildDigestParts({ model: { since: now, until: now, leaders }, tz: 'UTC' });
    const all = [{ message: parts.message, about: parts.about }, ...parts.replies];
    expect(all.length).toBeGreaterThan(1);
    expect(all.flatMap((p) => p.about)).toEqual(leaders.map((l) => l.leaderId));
    for (const p of all) expect(validateMessageBlocks(p.message.blocks)).toEqual([]);
    expect(allText(parts.message)).toContain('More in the thread below');
  });

  it('dates the digest by the week it covers', () => {
    const since = new Date('2026-03-02T09:00:00Z');
    const text = allText(buildDigestParts({ model: { since, until: now, leaders: [] }, tz: 'UTC' }).message);
    expect(text).toContain('From Mon 2 Mar to Mon 9 Mar.');
  });
});

describe('brief message', () => {
  it('stays within Block Kit limits with the most a leader can write', () => {
    const message = buildBriefMessage({ model: fullBrief, tz: 'Asia/Kathmandu' });
    expect(validateMessageBlocks(message.blocks)).toEqual([]);
  });

  it('escapes leaders’ words and links only to checked Slack permalinks', () => {
    const model: BriefModel = { ...fullBrief, shared: [{ ...sharedItem(1), permalink: 'javascript:alert(1)' }, sharedItem(3)] };
    const message = buildBriefMessage({ model, tz: 'UTC' });
    expect(liveMarkup(message)).toEqual([]);
    expect(bareAmpersands(message)).toEqual([]);
    expect(allText(message)).not.toContain('javascript:');
    expect(allText(message)).toContain('<https://acme.slack.com/archives/C0123/p3?thread_ts=1.2&amp;cid=C0123|open the message>');
  });
});

describe('rendered from random records', () => {
  it('never carries a private or beyond-summary word into a digest or a brief, and always fits', () => {
    fc.assert(
      fc.property(markedRecordArb, (m) => {
        const view = coachViewOf(COACH, m.record);
        const digest = buildDigestMessage({ model: composeDigest([view], m.now), tz: 'Europe/Berlin' });
        const briefs = view.sessions.map((s) => buildBriefMessage({ model: composeBrief(view, s.id, m.now)!, tz: 'Europe/Berlin' }));
        for (const message of [digest, ...briefs]) {
          const out = allText(message);
          for (const marker of [...forbiddenMarkers(m), ...summaryHiddenMarkers(m)]) expect(out).not.toContain(marker.value);
          expect(validateMessageBlocks(message.blocks)).toEqual([]);
        }
      }),
      { numRuns: 200 },
    );
  });
});
