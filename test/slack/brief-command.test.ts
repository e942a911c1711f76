// `/grow brief @leader` reads the leader only from an escaped mention.
import { describe, expect, it } from 'vitest';
import { parseLeaderMention } from '../../src/slack/commands/brief.js';

describe('the leader of /grow brief', () => {
  it('is the id of an escaped mention, whatever its label', () => {
    expect(parseLeaderMention(['<@U0LEO00001|leo>'])).toBe('U0LEO00001');
    expect(parseLeaderMention(['<@U0LEO00001|Leo', 'Leader>'])).toBe('U0LEO00001');
    expect(parseLeaderMention(['<@W0LEO00001>'])).toBe('W0LEO00001');
  });

  it('is nobody for a bare name, a channel, two people or nothing', () => {
    expect(parseLeaderMention(['@leo'])).toBeUndefined();
    expect(parseLeaderMention(['<#C0123|general>'])).toBeUndefined();
    expect(parseLeaderMention(['<@U0LEO00001|leo>', '<@U0ANA00001|ana>'])).toBeUndefined();
    expect(parseLeaderMention([])).toBeUndefined();
  });
});
