// Anonymity by construction: what a stakeholder answered cannot be joined to who they are.
// The test walks the drizzle schema itself — every column and foreign key of every table —
// so a column or a key added later that would link the two fails it.
import { getTableConfig, PgTable, type PgColumn } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import * as schema from '../../db/schema/index.js';

const tables = (Object.values(schema) as unknown[]).filter((v): v is PgTable => v instanceof PgTable);
const config = new Map(tables.map((t) => [getTableConfig(t).name, getTableConfig(t)]));

/** Table → the tables its foreign keys point at. */
const references = new Map(
  [...config].map(([name, c]) => [name, c.foreignKeys.map((fk) => getTableConfig(fk.reference().foreignTable).name)]),
);

/** Every table whose row a row of `start` determines: foreign keys followed outward, transitively. */
function determined(start: string): Set<string> {
  const seen = new Set([start]);
  const queue = [start];
  while (queue.length) {
    for (const next of references.get(queue.shift()!) ?? []) {
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return seen;
}

const responses = config.get('pulse_responses')!;
const columnNames = responses.columns.map((c: PgColumn) => c.name);

describe('pulse responses are anonymous by construction', () => {
  it('the schema walked here holds the pulse tables', () => {
    expect([...config.keys()]).toEqual(expect.arrayContaining(['pulse_stakeholders', 'pulse_rounds', 'pulse_invitations', 'pulse_responses', 'nudges', 'people']));
    expect(columnNames).toEqual(expect.arrayContaining(['round_id', 'target_id', 'score', 'suggestion_enc']));
  });

  it('a response has no person, no Slack id, no message and no time of its own', () => {
    const identifying = /user|stakeholder|person|people|recipient|leader|coach|member|slack|channel|_ts$|^ts$|message|invitation|nudge|answered_by/i;
    expect(columnNames.filter((name) => identifying.test(name))).toEqual([]);
    const timed = responses.columns.filter((c: PgColumn) => /timestamp|date|time|interval/i.test(c.getSQLType()));
    expect(timed.map((c: PgColumn) => c.name)).toEqual([]);
    // Its id is random, not a sequence: ids in order would be answers in order.
    const id = responses.columns.find((c: PgColumn) => c.name === 'id')!;
    expect(id.getSQLType()).toBe('uuid');
    expect(id.hasDefault).toBe(true);
  });

  it('nothing points at a response, and a response points only at its round and target', () => {
    expect(references.get('pulse_responses')!.sort()).toEqual(['pulse_rounds', 'targets']);
    expect([...references].filter(([, to]) => to.includes('pulse_responses'))).toEqual([]);
  });

  it('no path of foreign keys from a response leads to one person: the finest thing it shares with who was asked is the round', () => {
    const fromResponse = determined('pulse_responses');
    for (const table of ['pulse_invitations', 'pulse_stakeholders', 'nudges', 'people', 'posted_messages']) {
      expect(fromResponse.has(table), `pulse_responses determines ${table}`).toBe(false);
    }
    // Whatever a response and a record of a person both lead to is the round or coarser.
    const coarse = determined('pulse_rounds');
    for (const personal of ['pulse_invitations', 'pulse_stakeholders', 'nudges']) {
      const shared = [...determined(personal)].filter((t) => fromResponse.has(t));
      expect(shared.length, `${personal} shares nothing with a response`).toBeGreaterThan(0);
      expect(shared.filter((t) => !coarse.has(t)), `${personal} meets a response below the round`).toEqual([]);
    }
    const round = config.get('pulse_rounds')!;
    expect(round.columns.map((c: PgColumn) => c.name).filter((n) => /user|stakeholder|recipient/i.test(n))).toEqual([]);
  });

  it('an invitation records whether someone answered, never what or when', () => {
    const invitation = config.get('pulse_invitations')!;
    const names = invitation.columns.map((c: PgColumn) => c.name);
    expect(names.filter((n) => /score|suggestion|answer|response|target/i.test(n))).toEqual([]);
    expect(invitation.columns.filter((c: PgColumn) => /timestamp|date|time/i.test(c.getSQLType())).map((c: PgColumn) => c.name)).toEqual([]);
  });
});
