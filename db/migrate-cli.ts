// `npm run db:migrate`: applies migrations to DATABASE_URL (or the embedded database).
// It needs the database settings only, so it runs before Slack is set up.
import { loadDatabaseConfig, runCommand } from '../src/config.js';
import { openDatabase } from './client.js';
import { migrateDatabase } from './migrate.js';

await runCommand('Migrations could not be applied: is the database reachable (DATABASE_URL)?', async () => {
  const config = loadDatabaseConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, pgliteDir: config.pgliteDir, max: 1 });
  try {
    await migrateDatabase(database, config.databaseUrl);
  } finally {
    await database.close();
  }
  process.stdout.write(`Migrations applied to ${database.kind === 'pglite' ? config.pgliteDir : 'DATABASE_URL'}.\n`);
});
