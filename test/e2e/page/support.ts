/**
 * Helpers for the leaderboard page's browser tests: build the page, run the real worker with the
 * demo org, call the API directly (to compare what the page shows with what the API says), and
 * keep screenshots under test-results/page/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  type Browser,
  type BrowserContext,
  chromium,
  type Locator,
  type Page,
} from 'playwright-core';
import { expect } from 'vitest';
import { buildPage } from '../../../scripts/build-page.ts';
import { type DemoCredentials, seedDemo } from '../../../scripts/demo/seed.ts';
import { repoRoot, startWorkerServer, type WorkerServer } from '../../support/worker-server.ts';

export const pageArtifacts = join(repoRoot, 'test-results', 'page');

export interface DemoServer {
  server: WorkerServer;
  url: string;
  demo: DemoCredentials;
}

export async function startDemoServer(): Promise<DemoServer> {
  buildPage();
  const server = await startWorkerServer();
  const demo = await seedDemo(server.url, join(server.persistTo, 'demo.json'));
  return { server, url: server.url, demo };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update'],
  });
}

export function newContext(
  browser: Browser,
  size: { width: number; height: number } = { width: 1280, height: 800 },
): Promise<BrowserContext> {
  return browser.newContext({ viewport: size, locale: 'en-US', timezoneId: 'Asia/Shanghai' });
}

export async function screenshot(page: Page, name: string, fullPage = false): Promise<string> {
  mkdirSync(pageArtifacts, { recursive: true });
  const path = join(pageArtifacts, `${name}.png`);
  await page.screenshot({ path, fullPage });
  return path;
}

export class HttpError extends Error {
  readonly status: number;
  readonly body: string;
  constructor(status: number, body: string) {
    super(`HTTP ${status}: ${body.slice(0, 300)}`);
    this.status = status;
    this.body = body;
  }
}

/** A JSON call to the API with a bearer token (the extension's way in). */
export async function api<T>(
  base: string,
  method: string,
  path: string,
  token?: string,
  body?: unknown,
): Promise<T> {
  const res = await fetch(`${base}/api/v1${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new HttpError(res.status, text);
  return (text === '' ? null : JSON.parse(text)) as T;
}

/** Opens the sign-in page's folded API-token form and sends `token` with it. */
export async function submitToken(page: Page, token: string): Promise<void> {
  await page.locator('details.signin-token summary').click();
  await page.locator('input[name=token]').fill(token);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

/** Signs in through the page's token form and waits for the board. */
export async function signInWithToken(page: Page, base: string, token: string): Promise<void> {
  await page.goto(`${base}/`);
  await submitToken(page, token);
  await page.locator('table.board').waitFor();
}

/** RFC 4180 rows (quoted cells, doubled quotes, CRLF), BOM stripped. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const src = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n') {
      row.push(cell.replace(/\r$/, ''));
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

/**
 * Retrying assertions on page elements (vitest has no Playwright matchers): each polls until the
 * element agrees or the timeout passes.
 */
export function see(locator: Locator, timeout = 10_000) {
  const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout });
  const text = () => locator.first().textContent();
  return {
    hasText: (want: string) => poll(text).toBe(want),
    containsText: (want: string) => poll(text).toContain(want),
    matchesText: (want: RegExp) => poll(text).toMatch(want),
    lacksText: (unwanted: string | RegExp) => poll(text).not.toMatch(unwanted),
    hasCount: (want: number) => poll(() => locator.count()).toBe(want),
    hasAttribute: (name: string, want: string) =>
      poll(() => locator.first().getAttribute(name)).toBe(want),
    isVisible: () => poll(() => locator.first().isVisible()).toBe(true),
  };
}
