// Leaders' own words go back into Slack messages; escaping makes sure `<!channel>`,
// `<@U123>` or a link never turn live. Slack asks for exactly &, < and > to be escaped.
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Shortens text to `max` characters (counting the ellipsis), on a word boundary when one is near. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max * 0.8 ? cut.slice(0, space) : cut}…`;
}

/** Escapes, then truncates without splitting an entity such as `&amp;`. */
export function quoteUserText(text: string, max: number): string {
  const escaped = escapeMrkdwn(text);
  if (escaped.length <= max) return escaped;
  const cut = truncate(escaped, max).replace(/&[a-z]{0,3}…$/, '…');
  return cut;
}
