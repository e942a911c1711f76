// `npm run db:migrate`: applies migrations to DATABASE_URL (or the embedded database).
import { loadConfig } from '../src/config.js';
import { openDatabase } from './client.js';
import { migrateDatabase } from './migrate.js';

const config = loadConfig('worker');
const database = await openDatabase({ databaseUrl: config.databaseUrl, pgliteDir: config.pgliteDir, max: 1 });
await migrateDatabase(database, config.databaseUrl);
await database.close();
process.stdout.write(`Migrations applied to ${database.kind === 'pglite' ? config.pgliteDir : 'DATABASE_URL'}.\n`);
