// A worker process that dies the hard way (SIGKILL) right after Slack accepted a message
// and before the row is marked sent: the worst moment for exactly-once delivery.
// Configured entirely by the environment the test passes in.
import { openDatabase } from '../../../db/client.js';
import { startWorker } from '../../../jobs/worker.js';
import { loadConfig } from '../../../src/config.js';
import { createCipher } from '../../../src/crypto.js';
import { createLogger } from '../../../src/logger.js';

const config = loadConfig('worker');
const database = await openDatabase({ databaseUrl: config.databaseUrl, pgliteDir: '', max: 2 });
await startWorker({
  config,
  db: database.db,
  logger: createLogger('silent'),
  cipher: createCipher(config.encryptionKey!),
  resolveBotToken: async () => config.slack.botToken!,
  afterPost: () => {
    process.kill(process.pid, 'SIGKILL');
  },
});
process.stdout.write('ready\n');
