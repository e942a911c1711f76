// Which engagement a check-in goes to: the pick, else the last pick, else the oldest; only
// the leader's own active engagements are ever chosen.
import { describe, expect, it } from 'vitest';
import { chooseEngagement } from '../../../src/domain/checkin/engagement-choice.js';

const active = [{ id: 'a' }, { id: 'b' }];

describe('chooseEngagement', () => {
  it('takes the pick, else the last pick, else the oldest', () => {
    expect(chooseEngagement(active, { chosenId: 'b', lastId: 'a' })).toEqual({ id: 'b' });
    expect(chooseEngagement(active, { lastId: 'b' })).toEqual({ id: 'b' });
    expect(chooseEngagement(active, {})).toEqual({ id: 'a' });
  });

  it('never chooses an id that is not among the active engagements', () => {
    expect(chooseEngagement(active, { chosenId: 'forged' })).toEqual({ id: 'a' });
    expect(chooseEngagement(active, { lastId: 'ended' })).toEqual({ id: 'a' });
    expect(chooseEngagement([], { chosenId: 'a', lastId: 'a' })).toBeUndefined();
  });
});
