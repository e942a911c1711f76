// `response_url` comes inside the request body, and Bolt's `respond()` posts to it. Only
// Slack's own hooks host (or, with an emulator, the host of SLACK_API_URL) is trusted, so a
// signed payload cannot make Grow send a request to an address inside the network.

export function trustedResponseHosts(apiUrl: string): string[] {
  const apiHost = new URL(apiUrl).host;
  return apiHost === 'slack.com' ? ['hooks.slack.com'] : ['hooks.slack.com', apiHost];
}

export function isTrustedResponseUrl(value: unknown, hosts: string[]): boolean {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    if (url.username || url.password) return false;
    if (url.host === 'hooks.slack.com') return url.protocol === 'https:';
    return hosts.includes(url.host) && (url.protocol === 'https:' || url.protocol === 'http:');
  } catch {
    return false;
  }
}

/** Removes untrusted response URLs from the body in place; returns how many were removed. */
export function dropUntrustedResponseUrls(body: Record<string, unknown>, hosts: string[]): number {
  let dropped = 0;
  if ('response_url' in body && !isTrustedResponseUrl(body.response_url, hosts)) {
    delete body.response_url;
    dropped += 1;
  }
  if (Array.isArray(body.response_urls)) {
    const kept = body.response_urls.filter((r: { response_url?: unknown }) => isTrustedResponseUrl(r?.response_url, hosts));
    dropped += body.response_urls.length - kept.length;
    body.response_urls = kept;
  }
  return dropped;
}
