/**
 * The extension's folders stay what extension/README.md says they are: no module imports itself
 * back through others (no import loops), nothing a content script bundles reaches the
 * background's code (account, token vault) or the sync engine, and a content script carries
 * neither Preact, nor signals, nor WXT's storage items (the panel brings Preact when it loads, the
 * sidebar's code the signals) nor the daily
 * rhythm's rule (the background decides which card is due and publishes it with the view), nor
 * the customer rules (the panel's customer card brings them), nor the UI text's tables (the
 * background publishes them in storage: background/text.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('.', import.meta.url).pathname;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'public' ? [] : sources(path);
    return /\.tsx?$/.test(entry.name) && !/\.test(-helper)?\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** Imports of a module that are kept at run time (`import type` is erased). */
function specifiers(file: string): string[] {
  const code = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
  const found: string[] = [];
  for (const m of code.matchAll(
    /^\s*(?:import|export)\s+(?!type\s)(?:[^'";]*?\sfrom\s+)?['"]([^'"?]+)/gm,
  ))
    if (m[1]) found.push(m[1]);
  return found;
}

/** Relative imports of a module that are kept at run time. */
function imports(file: string): string[] {
  return specifiers(file)
    .filter((s) => s.startsWith('.'))
    .map((s) => resolve(dirname(file), s))
    .filter((path) => path.startsWith(root));
}

const files = sources(root);
const graph = new Map(files.map((f) => [f, imports(f)]));
const name = (f: string) => relative(root, f);

describe('extension layout', () => {
  it('has no import loops', () => {
    const loops: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (file: string, path: string[]) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        loops.push([...path.slice(path.indexOf(file)), file].map(name).join(' → '));
        return;
      }
      state.set(file, 'open');
      for (const next of graph.get(file) ?? []) visit(next, [...path, file]);
      state.set(file, 'done');
    };
    for (const file of files) visit(file, []);
    expect(files.length).toBeGreaterThan(40);
    expect(loops).toEqual([]);
  });

  const contentScript = () => {
    const reached = new Set<string>();
    const walk = (file: string) => {
      if (reached.has(file)) return;
      reached.add(file);
      for (const next of graph.get(file) ?? []) walk(next);
    };
    walk(join(root, 'content/run-site.ts'));
    walk(join(root, 'entrypoints/generic.content.ts'));
    return reached;
  };

  it('content scripts never bundle the background or the sync engine', () => {
    const reached = contentScript();
    const forbidden = [...reached].map(name).filter((f) => /^(background|sync)\//.test(f));
    expect(reached.size).toBeGreaterThan(10);
    expect(forbidden).toEqual([]);
  });

  it('content scripts bundle neither Preact, nor signals, nor WXT storage items', () => {
    // Signals are the store's (content/run-site-core.ts, loaded on first use): the content script
    // draws the collapsed sidebar with the DOM alone.
    const packages = [...contentScript()].flatMap((file) =>
      specifiers(file)
        .filter((s) => /^(preact|@preact\/signals(-core)?$|wxt\/utils\/storage)/.test(s))
        .map((s) => `${name(file)}: ${s}`),
    );
    expect(packages).toEqual([]);
  });

  it('content scripts carry no message tables (they translate with the published ones)', () => {
    const reached = [...contentScript()].map(name);
    expect(reached).toContain('i18n/translate.ts');
    expect(reached.filter((f) => /^i18n\/(messages|index)\.ts$/.test(f))).toEqual([]);
  });

  it('content scripts leave the customer rules to the panel and the overlay to logging (lazy parts)', () => {
    // Followed into shared/ too: a domain module the content script imports may pull others.
    const shared = resolve(root, '../shared');
    const reached = new Set<string>();
    const walk = (file: string) => {
      if (reached.has(file)) return;
      reached.add(file);
      const next = file.startsWith(root)
        ? (graph.get(file) ?? []).concat(
            specifiers(file)
              .filter((s) => s.startsWith('.'))
              .map((s) => resolve(dirname(file), s))
              .filter((path) => path.startsWith(shared)),
          )
        : specifiers(file)
            .filter((s) => s.startsWith('.'))
            .map((s) => resolve(dirname(file), s));
      for (const path of next) walk(path);
    };
    walk(join(root, 'content/run-site.ts'));
    walk(join(root, 'entrypoints/generic.content.ts'));
    const domain = [...reached].map((f) => relative(shared, f)).filter((f) => !f.startsWith('..'));
    // The walk does reach shared/ (a domain module the pill reads)…
    expect(domain).toContain('domain/language.ts');
    // …but not the customer card's rules, nor the local overlay (sidebar/local-logging.ts).
    expect(domain.filter((f) => f === 'domain/customers.ts' || f === 'domain/overlay.ts')).toEqual(
      [],
    );
  });

  it("content scripts leave the daily rhythm's rule (time-zone work) to the background", () => {
    const rule = [...contentScript()].flatMap((file) =>
      specifiers(file)
        .filter((s) => s.endsWith('shared/domain/rhythm.ts'))
        .map((s) => `${name(file)}: ${s}`),
    );
    expect(rule).toEqual([]);
  });
});
