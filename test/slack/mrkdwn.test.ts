// Escaping the leader's words for mrkdwn: exactly &, < and > become entities (what
// Slack asks for), so no text can become a mention, a channel ping or a link; cutting
// to a length never splits an entity.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeMrkdwn, quoteUserText } from '../../src/slack/mrkdwn.js';

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

describe('escapeMrkdwn', () => {
  it('turns special mentions, user mentions and links into plain text', () => {
    expect(escapeMrkdwn('<!channel> hi <@U123> see <https://x.example|here> & <!subteam^S1>')).toBe(
      '&lt;!channel&gt; hi &lt;@U123&gt; see &lt;https://x.example|here&gt; &amp; &lt;!subteam^S1&gt;',
    );
  });

  it('escapes an ampersand that already looks like an entity (the text is the leader’s, not markup)', () => {
    expect(escapeMrkdwn('&lt;')).toBe('&amp;lt;');
  });

  it('leaves no raw < or > and loses nothing', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        const escaped = escapeMrkdwn(text);
        expect(escaped).not.toMatch(/[<>]/);
        expect(unescape(escaped)).toBe(text);
      }),
    );
  });
});

describe('quoteUserText', () => {
  it('returns short text escaped and whole', () => {
    expect(quoteUserText('a < b', 100)).toBe('a &lt; b');
  });

  it('fits any text into the limit without a raw < or a split entity', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('<', '>', '&', 'a', ' ', 'é') }), fc.integer({ min: 10, max: 300 }), (text, max) => {
        const quoted = quoteUserText(text, max);
        expect(quoted.length).toBeLessThanOrEqual(max);
        expect(quoted).not.toMatch(/[<>]/);
        expect(quoted).not.toMatch(/&(?!amp;|lt;|gt;)/);
      }),
    );
  });
});
