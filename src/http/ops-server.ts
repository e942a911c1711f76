// A worker-only process still answers operators on PORT: /healthz, /readyz and its own
// /metrics (the send outcomes, Slack errors and lateness it alone observes).
import type { AddressInfo } from 'node:net';
import type { Logger } from '../logger.js';
import { createHttpServer } from './server.js';

export interface OpsServer {
  port: number;
  close(): Promise<void>;
}

export async function startOpsServer(options: {
  port: number;
  logger: Logger;
  readiness: Record<string, () => Promise<void>>;
  metrics: () => Promise<string>;
}): Promise<OpsServer> {
  const server = createHttpServer({ logger: options.logger, readiness: options.readiness, metrics: options.metrics });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '0.0.0.0', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  options.logger.info({ port }, 'worker role listening');
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}
