/**
 * Content-script weight: gzip bytes of every content script the built Chrome extension's
 * manifest injects into third-party pages (budget ≤ 30 KB each). The extension is built afresh
 * into .output/bench so the figure matches the code measured, not a stale dev build.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { repoRoot } from '../../support/worker-server.ts';
import type { BenchContext, BenchModule, Figure, Section } from '../lib/report.ts';
import { fmt } from '../lib/stats.ts';

const OUT_DIR = '.output/bench';
const BUDGET_BYTES = 30 * 1024;
/** The content script's lazy parts (extension/sidebar/part-loader.ts): file, what, when it runs. */
const LAZY_PARTS = [
  {
    file: 'core.js',
    what: "the sidebar's code",
    when: 'on the first move or a stored change it must act on',
  },
  { file: 'panel.js', what: 'the panel', when: 'on first open' },
  { file: 'logging.js', what: 'logging', when: 'on the first intent to log' },
];

interface Manifest {
  content_scripts?: Array<{ matches: string[]; js?: string[] }>;
}

function build(): string {
  const result = spawnSync(
    process.execPath,
    [join(repoRoot, 'node_modules/wxt/bin/wxt.mjs'), 'build'],
    {
      cwd: repoRoot,
      encoding: 'utf8',
      env: { ...process.env, PACER_OUT_DIR: OUT_DIR },
    },
  );
  if (result.status !== 0) throw new Error(`wxt build failed:\n${result.stdout}\n${result.stderr}`);
  return join(repoRoot, OUT_DIR, 'chrome-mv3');
}

async function run(ctx: BenchContext): Promise<Section> {
  ctx.log('content scripts: building the extension…');
  const dir = build();
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
  const scripts = [...new Set((manifest.content_scripts ?? []).flatMap((c) => c.js ?? []))];
  if (scripts.length === 0) throw new Error('the built manifest declares no content scripts');
  const raw: string[] = [];
  const figures: Figure[] = scripts.map((file) => {
    const bytes = readFileSync(join(dir, file));
    const gzipped = gzipSync(bytes, { level: 9 }).length;
    raw.push(`${file}: ${fmt(bytes.length)} bytes, ${fmt(gzipped)} bytes gzip -9`);
    return {
      name: file,
      value: gzipped / 1024,
      unit: 'KB gzip',
      digits: 1,
      budget: '≤ 30 KB',
      pass: gzipped <= BUDGET_BYTES,
    };
  });
  // The lazy parts' bundles: not injected with the page, run on first use. Reported beside the
  // content scripts.
  for (const part of LAZY_PARTS) {
    const bytes = readFileSync(join(dir, part.file));
    const gzipped = gzipSync(bytes, { level: 9 }).length;
    raw.push(
      `${part.file} (${part.when}): ${fmt(bytes.length)} bytes, ${fmt(gzipped)} bytes gzip -9`,
    );
    figures.push({
      name: `${part.file}, ${part.what}, run ${part.when}`,
      value: gzipped / 1024,
      unit: 'KB gzip',
      digits: 1,
      budget: 'report',
      pass: null,
    });
  }
  return {
    title: 'Content script weight',
    method: `\`wxt build\` into ${OUT_DIR}; every script listed under content_scripts in the built manifest.json, gzip level 9 (KB = 1,024 bytes); beside them the content script's lazy parts (${LAZY_PARTS.map((p) => `${p.file}, ${p.what}, run ${p.when}`).join('; ')}), which are not injected with the page (reported, no budget). No baseline: the budget is absolute.`,
    figures,
    raw,
  };
}

export const contentScriptsBench: BenchModule = {
  id: 'content-scripts',
  title: 'Content script weight',
  run,
};
