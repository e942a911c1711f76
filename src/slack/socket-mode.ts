// Socket Mode for the web role: Bolt's SocketModeReceiver, built so it cannot change how
// listeners call the Web API, timing each envelope from receipt to ack like the HTTP
// receiver does, and a stop that returns only once the link is closed.
import { SocketModeReceiver, type Logger } from '@slack/bolt';
import { ackSeconds, surfaceOf } from '../observability/metrics.js';

// Slack answers a close frame at once; past this the link is dropped rather than awaited.
const CLOSE_WAIT_MS = 3_000;

/**
 * The socket client sets its own retry policy (100 retries) on the Web API options it is
 * given. Handing it a copy keeps that policy on apps.connections.open alone instead of
 * every listener's client.
 */
export function createSocketReceiver(options: { appToken: string; apiUrl: string; logger: Logger }): SocketModeReceiver {
  const receiver = new SocketModeReceiver({
    appToken: options.appToken,
    logger: options.logger,
    installerOptions: { clientOptions: { slackApiUrl: options.apiUrl } },
  });
  timeAcks(receiver);
  return receiver;
}

interface SlackEventArgs {
  body?: Record<string, unknown>;
  ack: (response?: unknown) => Promise<void>;
}

/**
 * Bolt's listener reads `ack` from the envelope's arguments when it runs. The client's
 * emitter has no way to put a listener first, so its emit wraps `ack` before any listener
 * sees it: the histogram gets the time from receipt to the first ack under the same
 * surface labels as HTTP.
 */
function timeAcks(receiver: SocketModeReceiver): void {
  const client = receiver.client;
  const emit = client.emit.bind(client);
  client.emit = (event: string | symbol, ...args: unknown[]) => {
    if (event === 'slack_event' && args[0]) wrapAck(args[0] as SlackEventArgs);
    return emit(event, ...args);
  };
}

function wrapAck(args: SlackEventArgs): void {
  const received = performance.now();
  const surface = surfaceOf(args.body ?? {});
  const ack = args.ack;
  let observed = false;
  args.ack = async (response?: unknown) => {
    if (!observed) {
      observed = true;
      ackSeconds.observe({ surface }, (performance.now() - received) / 1000);
    }
    await ack(response);
  };
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
