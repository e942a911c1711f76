// The sponsor's view and the programme report carry no content, by property: random
// leaders' records whose every free text and id carries a unique marker go through the
// same functions the app uses (sponsorViewOf, processFactsOf, coachViewOf → outcomesOf,
// buildProgrammeReport) and every surface a sponsor or programme admin receives (App Home
// blocks, the CSV) is searched for the markers. Paired with checks that the surfaces are
// actually produced, so a builder that emitted nothing would fail.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coachViewOf, processFactsOf, sponsorViewOf, type SponsorRecord, type SponsorView } from '../../../src/domain/privacy/index.js';
import { buildProgrammeReport, outcomesOf, programmeReportCsv, OUTCOME_KEYS } from '../../../src/domain/report/index.js';
import { programmeHomeBlocks, sponsorHomeBlocks } from '../../../src/slack/blocks/programme.js';
import { markedRecordArb, type MarkedRecord } from '../privacy/arbitraries.js';

const SPONSOR = 'U0SPONSOR1';
const now = new Date(Date.UTC(2026, 2, 2, 9));

const VIEW_KEYS = [
  'engagementId', 'teamId', 'leaderId', 'coachId', 'sponsorId', 'programme', 'status', 'sessionsHeld', 'sessionsPlanned',
  'contractedOn', 'midpointReviewOn', 'closingReviewOn', 'pulseRoundsOn',
].sort();

const extraArb: fc.Arbitrary<Extra> = fc.record({
  sessionStatuses: fc.array(fc.constantFrom('scheduled', 'held', 'cancelled' as const), { maxLength: 12 }),
  midpoint: fc.boolean(),
  closing: fc.boolean(),
  rounds: fc.integer({ min: 0, max: 3 }),
  programme: fc.constantFrom(null, 'Leaders 2026', 'New managers'),
  sponsored: fc.boolean(),
});

/** The sponsor view's input for a marked record, given a leader id of its own. */
function sponsorRecordOf(m: MarkedRecord, i: number, extra: Extra): SponsorRecord {
  return {
    engagement: {
      id: `e0000000-0000-4000-8000-${String(100 + i).padStart(12, '0')}`, teamId: 'T0TEAM0001', coachId: m.record.engagement.coachId, leaderId: `U0LEADER${String(i).padStart(2, '0')}`,
      sponsorId: extra.sponsored ? SPONSOR : null, programme: extra.programme, status: m.record.engagement.status, sessionCount: 8,
    },
    sessions: extra.sessionStatuses.map((status) => ({ status })),
    contractedAt: m.record.targets.length > 0 ? now : null,
    reviews: [
      { stage: 'midpoint', answeredAt: extra.midpoint ? now : null },
      { stage: 'closing', answeredAt: extra.closing ? now : null },
    ],
    pulseRounds: Array.from({ length: extra.rounds }, (_, r) => ({ closesAt: new Date(now.getTime() + (r - 1) * 86_400_000 * 20) })),
  };
}
type Extra = { sessionStatuses: ('scheduled' | 'held' | 'cancelled')[]; midpoint: boolean; closing: boolean; rounds: number; programme: string | null; sponsored: boolean };

const programmeArb = fc.array(fc.tuple(markedRecordArb, extraArb), { minLength: 1, maxLength: 9 });

function surfaces(pairs: [MarkedRecord, Extra][], minLeaders: number) {
  const built = pairs.map(([m, extra], i) => {
    const record = sponsorRecordOf(m, i, extra);
    return { record, facts: processFactsOf(record, now)!, outcomes: outcomesOf(coachViewOf(m.record.engagement.coachId, m.record)) };
  });
  const report = buildProgrammeReport({ engagements: built.map(({ facts, outcomes }) => ({ facts, outcomes })), minLeaders });
  const sponsorViews = built.map((b) => sponsorViewOf(SPONSOR, b.record, now)).filter((v): v is SponsorView => v !== null);
  return {
    report,
    sponsorViews,
    outputs: {
      sponsorViews: JSON.stringify(sponsorViews),
      sponsorHome: JSON.stringify(sponsorHomeBlocks(sponsorViews, 'Europe/Paris')),
      programmeHome: JSON.stringify(programmeHomeBlocks({ report, roles: { admins: [], coaches: [] }, minLeaders, tz: 'UTC' })),
      csv: programmeReportCsv(report),
    },
  };
}

describe('what a sponsor or programme admin receives', () => {
  it('never carries a leader’s text or an item id, whatever its visibility, on Home or in the CSV', () => {
    fc.assert(
      fc.property(programmeArb, fc.integer({ min: 3, max: 6 }), (pairs, minLeaders) => {
        const { outputs, report, sponsorViews } = surfaces(pairs as [MarkedRecord, Extra][], minLeaders);
        // Produced at all: one row per engagement, a sponsor view per sponsored one.
        expect(report.rows).toHaveLength(pairs.length);
        expect(sponsorViews).toHaveLength(pairs.filter(([, e]) => e.sponsored).length);
        expect(outputs.csv.split('\n').length).toBeGreaterThan(pairs.length + 2);
        for (const [name, text] of Object.entries(outputs)) {
          for (const [m] of pairs) for (const marker of m.markers) expect(text, `${name}: ${marker.type}.${marker.field}`).not.toContain(marker.value);
          expect(text, name).not.toContain('§');
        }
      }),
      { numRuns: 150 },
    );
  });

  it('gives a sponsor view exactly the process facts, and only to the engagement’s sponsor', () => {
    fc.assert(
      fc.property(markedRecordArb, extraArb, (m, extra) => {
        const record = sponsorRecordOf(m, 0, { ...extra, sponsored: true });
        const view = sponsorViewOf(SPONSOR, record, now)!;
        expect(Object.keys(view).sort()).toEqual(VIEW_KEYS);
        expect(view.sessionsHeld).toBe(extra.sessionStatuses.filter((s) => s === 'held').length);
        expect(view.pulseRoundsOn.every((d) => d.getTime() <= now.getTime())).toBe(true);
        for (const other of [m.record.engagement.coachId, record.engagement.leaderId, 'U0SOMEONE1']) expect(sponsorViewOf(other, record, now)).toBeNull();
      }),
    );
  });

  it('shows no outcome figure of a single leader, nor of any cohort under the threshold', () => {
    fc.assert(
      fc.property(programmeArb, fc.integer({ min: 3, max: 10 }), (pairs, minLeaders) => {
        const { report } = surfaces(pairs as [MarkedRecord, Extra][], minLeaders);
        for (const cohort of report.cohorts) {
          for (const key of OUTCOME_KEYS) {
            const figure = cohort.figures[key];
            if (figure.leaders < minLeaders) expect(figure.shown).toBe(false);
          }
        }
      }),
    );
  });
});
