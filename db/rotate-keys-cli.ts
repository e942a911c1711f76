// `npm run keys:rotate`: re-encrypts every encrypted column under the first key in
// ENCRYPTION_KEY (the others must still be listed until it finishes). Safe to stop and
// run again: it continues with what is left. Prints counts, never values.
import { loadConfig } from '../src/config.js';
import { createCipher } from '../src/crypto.js';
import { openDatabase } from './client.js';
import { rotateEncryptedColumns } from './encrypted-columns.js';

const config = loadConfig('worker');
if (!config.encryptionKeys) {
  process.stderr.write('keys:rotate needs ENCRYPTION_KEY=<new>,<old>[,...] (base64 each, the new key first).\n');
  process.exit(1);
}
const cipher = createCipher(config.encryptionKeys);
const database = await openDatabase({ databaseUrl: config.databaseUrl, pgliteDir: config.pgliteDir, max: 1 });
try {
  const counts = await rotateEncryptedColumns(database.db, cipher, {
    afterBatch: (column, rotated) => process.stdout.write(`${column}: ${rotated} re-encrypted so far\n`),
  });
  let total = 0;
  for (const [column, { rotated, skipped }] of Object.entries(counts)) {
    total += rotated;
    process.stdout.write(`${column}: ${rotated} re-encrypted${skipped ? `, ${skipped} changed meanwhile (run again)` : ''}\n`);
  }
  process.stdout.write(`Done: ${total} values now under key ${cipher.currentKeyId}. Old keys may be removed from ENCRYPTION_KEY once every process runs with this list.\n`);
} catch (error) {
  process.stderr.write(`keys:rotate stopped: ${(error as { code?: string }).code ?? (error as Error).name}. Run it again to continue.\n`);
  process.exitCode = 1;
} finally {
  await database.close();
}
