import { describe, expect, it } from 'vitest';
import { pingsIn } from './pings.js';

describe('pings, as Slack parses a message', () => {
  it('finds broadcasts and mentions in text, broadcasts in mrkdwn blocks', () => {
    const blocks = [{ type: 'section', text: { type: 'mrkdwn', text: '<!here> and <@U0COACH001>' } }, { type: 'context', elements: [{ type: 'mrkdwn', text: '<!channel|channel>' }] }];
    expect(pingsIn('hi <@U0LEAD0001> <!everyone>', blocks)).toEqual([
      { who: 'U0LEAD0001', where: 'text' },
      { who: 'everyone', where: 'text' },
      { who: 'here', where: '/blocks/0/text/text' },
      { who: 'channel', where: '/blocks/1/elements/0/text' },
    ]);
  });

  it('ignores escaped markup and plain text', () => {
    const blocks = [{ type: 'header', text: { type: 'plain_text', text: '<!channel>' } }, { type: 'section', text: { type: 'mrkdwn', text: '&lt;!channel&gt; &lt;@U123&gt;' } }];
    expect(pingsIn('Grow: &lt;!here&gt;', blocks)).toEqual([]);
  });
});
