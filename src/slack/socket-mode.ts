// Socket Mode for the web role: Bolt's SocketModeReceiver, built so it cannot change how
// listeners call the Web API, and a stop that returns only once the link is closed.
import { SocketModeReceiver, type Logger } from '@slack/bolt';

// Slack answers a close frame at once; past this the link is dropped rather than awaited.
const CLOSE_WAIT_MS = 3_000;

/**
 * The socket client sets its own retry policy (100 retries) on the Web API options it is
 * given. Handing it a copy keeps that policy on apps.connections.open alone instead of
 * every listener's client.
 */
export function createSocketReceiver(options: { appToken: string; apiUrl: string; logger: Logger }): SocketModeReceiver {
  return new SocketModeReceiver({
    appToken: options.appToken,
    logger: options.logger,
    installerOptions: { clientOptions: { slackApiUrl: options.apiUrl } },
  });
}

/**
 * Bolt's stop() asks the link to close and returns at once, so envelopes could still
 * arrive while the rest of the process shuts down. This waits for the close to finish.
 */
export async function stopSocketReceiver(receiver: SocketModeReceiver): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, CLOSE_WAIT_MS);
  });
  try {
    await Promise.race([receiver.client.disconnect(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
