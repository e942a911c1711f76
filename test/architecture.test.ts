// The layering the code promises, read from the source tree: listeners, commands and the
// check-in opener only listen (no database, no drizzle), and services neither render
// Block Kit nor reach into the worker side.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');

function tsFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return tsFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Every module a source file imports, as a repository path ("db/people.ts") or a package name. */
function importsOf(file: string, source: string): string[] {
  const specs = [...source.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)['"]([^'"]+)['"]/g)].map((m) => m[1]!);
  return specs.map((spec) => (spec.startsWith('.') ? relative(ROOT, resolve(ROOT, dirname(file), spec)).replace(/\.js$/, '.ts') : spec));
}

function violations(dirs: string[], forbidden: (target: string) => boolean): string[] {
  return dirs
    .flatMap(tsFiles)
    .flatMap((file) => importsOf(file, readFileSync(join(ROOT, file), 'utf8')).filter(forbidden).map((target) => `${file} → ${target}`));
}

const isDatabase = (target: string) => target.startsWith('db/') || target === 'drizzle-orm' || target.startsWith('drizzle-orm/');
const isBlockKitOrWorker = (target: string) => target.startsWith('src/slack/blocks/') || target.startsWith('jobs/');

describe('architecture', () => {
  it('reads relative imports as repository paths and bare ones as packages', () => {
    const source = "import { a } from '../../../db/people.js';\nimport { eq } from 'drizzle-orm';\nimport type { B } from '../blocks/kit.js';";
    expect(importsOf('src/slack/listeners/x.ts', source)).toEqual(['db/people.ts', 'drizzle-orm', 'src/slack/blocks/kit.ts']);
  });

  it('sees the imports it forbids where they are allowed, so an empty result means something', () => {
    expect(violations(['src/services'], isDatabase).length).toBeGreaterThan(0);
    expect(violations(['src/slack/listeners'], (t) => t.startsWith('src/slack/blocks/')).length).toBeGreaterThan(0);
  });

  it('no listener, command or check-in module imports the database or drizzle', () => {
    expect(violations(['src/slack/listeners', 'src/slack/commands', 'src/slack/checkin'], isDatabase)).toEqual([]);
  });

  it('no service imports Block Kit builders or the worker side', () => {
    expect(violations(['src/services'], isBlockKitOrWorker)).toEqual([]);
  });
});
