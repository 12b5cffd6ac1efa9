import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// shared/ ships in content scripts and in the worker, so it may use the ES library and Intl only.
// This scans its source for imports of platform code and for platform globals. Its unit tests
// (`*.test.ts`, run by vitest in Node) are not shipped and not scanned.

const root = new URL('../..', import.meta.url).pathname;

const FORBIDDEN_IMPORTS: { name: string; pattern: RegExp }[] = [
  { name: 'extension/', pattern: /(^|\/)extension\// },
  { name: 'worker/', pattern: /(^|\/)worker\// },
  { name: 'node:*', pattern: /^node:/ },
  { name: 'wxt', pattern: /^wxt(\/|$)|^@wxt-dev\// },
  { name: 'hono', pattern: /^hono(\/|$)|^@hono\// },
];

const FORBIDDEN_GLOBALS: { name: string; pattern: RegExp }[] = [
  { name: 'window', pattern: /(?<![\w$.])window\b/ },
  { name: 'document', pattern: /(?<![\w$.])document\b/ },
  { name: 'chrome.', pattern: /(?<![\w$.])chrome\s*\./ },
  { name: 'D1Database', pattern: /\bD1Database\b/ },
];

/** Source without comments, so prose like "a partial document" is not code. */
function stripComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

/** Every module specifier the source imports or re-exports, statically or dynamically. */
function importedSpecifiers(source: string): string[] {
  const code = stripComments(source);
  const found: string[] = [];
  const patterns = [
    /\b(?:import|export)\s[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g,
    /\bimport\s*['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const pattern of patterns)
    for (const match of code.matchAll(pattern)) if (match[1]) found.push(match[1]);
  return found;
}

/** What in `source` makes it impure: forbidden imports and platform globals, by name. */
function impurities(source: string): string[] {
  const problems: string[] = [];
  for (const specifier of importedSpecifiers(source)) {
    const rule = FORBIDDEN_IMPORTS.find((r) =>
      r.pattern.test(specifier.replace(/^(\.\.?\/)+/, '')),
    );
    if (rule) problems.push(`imports ${specifier} (${rule.name})`);
  }
  const code = stripComments(source);
  for (const rule of FORBIDDEN_GLOBALS)
    if (rule.pattern.test(code)) problems.push(`uses ${rule.name}`);
  return problems;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('shared/ purity', () => {
  it('no file in shared/ imports platform code or uses platform globals', () => {
    const files = sourceFiles(join(root, 'shared'));
    expect(files.length).toBeGreaterThan(10);
    const offenders = files
      .map((file) => ({
        file: relative(root, file),
        problems: impurities(readFileSync(file, 'utf8')),
      }))
      .filter((f) => f.problems.length > 0);
    expect(offenders).toEqual([]);
  });

  // The contract (shared/api) is the vocabulary: shapes and bounds of what crosses the wire. The
  // domain rules (shared/domain) compute with that vocabulary, so they may import its types, and
  // the contract imports nothing from the rules.
  it('shared/api imports nothing from shared/domain; shared/domain imports only its types', () => {
    const importsOf = (dir: string) =>
      sourceFiles(join(root, 'shared', dir)).map((file) => ({
        file: relative(root, file),
        source: stripComments(readFileSync(file, 'utf8')),
      }));
    const apiToDomain = importsOf('api').filter(({ source }) =>
      importedSpecifiers(source).some((s) => /(^|\/)domain\//.test(s)),
    );
    expect(apiToDomain).toEqual([]);
    const domainValueImportsOfApi = importsOf('domain').filter(({ source }) =>
      /\b(?:import|export)\s+(?!type\b)[^'"`;]*?\bfrom\s*['"][^'"]*\/api\//.test(source),
    );
    expect(domainValueImportsOfApi).toEqual([]);
  });

  it('the scanner catches each forbidden import and global', () => {
    expect(impurities(`import { x } from '../../extension/lib/a.ts';`)).toEqual([
      'imports ../../extension/lib/a.ts (extension/)',
    ]);
    expect(impurities(`export { y } from '../worker/db.ts';`)).toHaveLength(1);
    expect(impurities(`import { readFileSync } from 'node:fs';`)).toHaveLength(1);
    expect(impurities(`import { storage } from 'wxt/storage';`)).toHaveLength(1);
    expect(impurities(`import { Hono } from 'hono';`)).toHaveLength(1);
    expect(impurities(`const m = await import('node:crypto');`)).toHaveLength(1);
    expect(impurities(`import type {\n  A,\n} from 'hono/types';`)).toHaveLength(1);
    expect(impurities(`const w = window.innerWidth;`)).toEqual(['uses window']);
    expect(impurities(`document.body.append(x);`)).toEqual(['uses document']);
    expect(impurities(`chrome.storage.local.get('a');`)).toEqual(['uses chrome.']);
    expect(impurities(`let db: D1Database;`)).toEqual(['uses D1Database']);
  });

  it('the scanner ignores comments, pure imports and look-alike names', () => {
    expect(impurities(`// a partial document, see window\nimport { z } from 'zod';`)).toEqual([]);
    expect(
      impurities(`/** chrome.storage is not used here */ const url = 'https://x.test';`),
    ).toEqual([]);
    expect(
      impurities(`import { a } from './dates.ts'; const documentId = 1; o.window = 2;`),
    ).toEqual([]);
  });
});
