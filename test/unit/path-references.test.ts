import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// Comments, READMEs, docs and config point at files by their path from the repository root
// (`worker/http/auth.ts`). A file moved or deleted leaves those pointers stale; this finds them.

const root = new URL('../..', import.meta.url).pathname;

/** Not source: dependencies, build output, and migrations (history, never edited). */
const SKIPPED_DIRS = new Set([
  'node_modules',
  '.git',
  '.output',
  '.wxt',
  'out',
  'dist',
  '.wrangler',
  'migrations',
  'screenshots',
]);
const SCANNED = /\.(ts|tsx|md|toml|sh|css|html)$/;

/** A path from the repository root: a top-level folder, then at least one more part. */
const ROOT_PATH =
  /(?<![\w./@$-])((?:worker|shared|extension|test|scripts|docs)\/[\w.-]+(?:\/[\w.-]+)*)(?![\w*$])/g;

function* files(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name)) yield* files(join(dir, entry.name));
    } else if (SCANNED.test(entry.name)) {
      yield join(dir, entry.name);
    }
  }
}

/** `path:line → reference` for every reference to a file or folder that does not exist. */
function staleReferences(): string[] {
  const stale: string[] = [];
  for (const file of files(root)) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(ROOT_PATH)) {
      const path = (match[1] ?? '').replace(/\.$/, '');
      if (existsSync(join(root, path))) continue;
      const line = text.slice(0, match.index).split('\n').length;
      stale.push(`${relative(root, file)}:${line} → ${path}`);
    }
  }
  return stale;
}

describe('path references', () => {
  it('every file or folder named by its path from the root exists', () => {
    expect(staleReferences()).toEqual([]);
  });
});
