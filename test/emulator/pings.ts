// Who a message would notify, read the way Slack reads it: `text` and mrkdwn in blocks are
// parsed for `<!channel>`, `<!here>` and `<!everyone>` (everyone in the conversation) and
// `<@U…>` (that person); the notification `text` is what a phone shows. Plain text and
// escaped `&lt;…&gt;` notify no one. The e2e suite and the demo assert Grow pinged nobody.

export interface Ping {
  /** `channel`, `here`, `everyone`, or a user id. */
  who: string;
  /** Where it was found: `text` or a JSON path into the blocks. */
  where: string;
}

const LIVE = /<(!channel|!here|!everyone|@[UW][A-Z0-9]+)(?:\|[^>]*)?>/g;

function mentionsIn(text: string): string[] {
  return [...text.matchAll(LIVE)].map((m) => m[1]!.slice(1));
}

/**
 * Pings in one message: every broadcast anywhere, and every person mentioned in `text`.
 * A person named in the blocks of a DM they are not part of is shown, not notified.
 */
export function pingsIn(text: unknown, blocks: unknown): Ping[] {
  const pings: Ping[] = typeof text === 'string' ? mentionsIn(text).map((who) => ({ who, where: 'text' })) : [];
  const walk = (node: unknown, path: string): void => {
    if (Array.isArray(node)) node.forEach((n, i) => walk(n, `${path}/${i}`));
    else if (node && typeof node === 'object') {
      const obj = node as Record<string, unknown>;
      if (obj.type === 'mrkdwn' && typeof obj.text === 'string') {
        for (const who of mentionsIn(obj.text)) if (!/^[UW]/.test(who)) pings.push({ who, where: `${path}/text` });
      }
      for (const [key, value] of Object.entries(obj)) if (typeof value === 'object') walk(value, `${path}/${key}`);
    }
  };
  walk(blocks, '/blocks');
  return pings;
}
