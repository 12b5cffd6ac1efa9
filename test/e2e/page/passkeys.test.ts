/**
 * A manager's first day in real Chromium with its virtual authenticator (DevTools protocol
 * `WebAuthn` domain through a CDP session: ctap2, internal transport, resident keys, user
 * verification): create the organisation on the page, register a passkey on the way, get the
 * invite link with its QR code, sign out, sign back in with the passkey. Without a passkey, or
 * with one the server never registered, sign-in is refused and the page stays signed out.
 *
 * The page runs on http://localhost:<port> with PUBLIC_ORIGIN set to it: a passkey's RP ID is a
 * host name (an IP address is not allowed), and it is the configured origin's.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPage } from '../../../scripts/build-page.ts';
import { freePort, startWorkerServer, type WorkerServer } from '../../support/worker-server.ts';
import { launchBrowser, newContext, screenshot, see } from './support.ts';

let server: WorkerServer;
let base: string;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let cdp: CDPSession;
let authenticatorId: string;
let inviteCode = '';

beforeAll(async () => {
  buildPage();
  const port = await freePort();
  base = `http://localhost:${port}`;
  server = await startWorkerServer({ port, vars: { PUBLIC_ORIGIN: base } });
  browser = await launchBrowser();
  context = await newContext(browser);
  page = await context.newPage();
  cdp = await context.newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  ({ authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  }));
});

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

const credentials = async () =>
  (await cdp.send('WebAuthn.getCredentials', { authenticatorId })).credentials;

/** Who the page's cookie session is, through the API (null when signed out). */
const whoAmI = () =>
  page.evaluate(async () => {
    const res = await fetch('/api/v1/me');
    return res.ok ? ((await res.json()) as { member: { name: string } }).member.name : null;
  });

async function signOut() {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByTestId('passkey-signin').waitFor();
  expect(await whoAmI()).toBeNull();
}

describe("a manager's first day", () => {
  it('creates the organisation on the page with a passkey, then signs out and in with it', async () => {
    await page.goto(`${base}/`);
    await page.getByTestId('passkey-signin').waitFor();
    await screenshot(page, 'signin-en');
    await page.getByTestId('create-org').click();
    const form = page.getByTestId('create-org-form');
    await form.getByLabel('Organisation name').fill('Harbour Sales');
    await form.getByLabel('Your name').fill('Wang Fang');
    await form.getByLabel('Your email').fill('wang.fang@harbour.example');
    await form.getByLabel('Time zone').selectOption('Asia/Shanghai');
    await form.getByLabel('Currency').selectOption('CNY');
    await form.getByLabel('Week starts on').selectOption('1');
    await form.getByLabel('Working days').selectOption('mon-sat');
    await form.getByLabel(/First monthly target/).fill('1,200,000');
    await screenshot(page, 'create-org-en', true);
    await form.getByRole('button', { name: 'Create organisation' }).click();

    await page.getByTestId('create-passkey').waitFor({ timeout: 30_000 });
    expect(await credentials()).toHaveLength(0);
    await page.getByRole('button', { name: 'Add a passkey' }).click();
    await page.getByTestId('invite-step').waitFor({ timeout: 30_000 });
    const stored = await credentials();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ isResidentCredential: true, rpId: 'localhost' });

    // The invite link, its code and a QR code drawn as SVG.
    const code = (await page.getByTestId('invite-code').textContent()) ?? '';
    inviteCode = code;
    expect(code).toMatch(/^[0-9A-Z]{10}$/);
    const link = await page.getByTestId('invite-link').inputValue();
    expect(link).toBe(`${base}/?invite=${code}`);
    expect(await page.locator('svg.qr path').getAttribute('d')).toMatch(/^M\d+ \d+h1v1h-1z/);
    await screenshot(page, 'invite-step-en', true);

    await page.getByRole('button', { name: 'Open the leaderboard' }).click();
    await see(page.locator('.who .name')).hasText('Wang Fang');
    // What the form set: calendar and the first target, through the API with this session.
    const org = await page.evaluate(async () => (await fetch('/api/v1/org')).json());
    expect(org.org.settings.currency).toBe('CNY');
    expect(org.org.settings.calendar.timezone).toBe('Asia/Shanghai');
    expect(org.org.settings.calendar.workweeks).toEqual([[1, 2, 3, 4, 5, 6]]);
    const targets = await page.evaluate(async () => (await fetch('/api/v1/targets')).json());
    expect(targets.targets.map((t: { value: number }) => t.value)).toEqual([120_000_000]);
    // A member with a passkey is not asked to add one.
    expect(await page.getByTestId('passkey-prompt').count()).toBe(0);

    await signOut();
    await page.getByTestId('passkey-signin').click();
    await see(page.locator('.who .name')).hasText('Wang Fang');
    expect(await whoAmI()).toBe('Wang Fang');
    await signOut();
  });

  it('a manager hands a rep a one-time sign-in link; the rep adds a passkey from it', async () => {
    const code = inviteCode;
    expect(code).not.toBe('');
    const joined = await fetch(`${base}/api/v1/join`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        code,
        name: 'Li Lei',
        email: 'li.lei@harbour.example',
        timezone: 'Asia/Shanghai',
      }),
    });
    expect(joined.status).toBe(201);
    const rep = ((await joined.json()) as { member: { id: string } }).member;

    await page.getByTestId('passkey-signin').click();
    await see(page.locator('.who .name')).hasText('Wang Fang');
    await page.goto(`${base}/#/team`);
    const row = page.locator(`tr[data-member="${rep.id}"]`);
    await row.getByRole('button', { name: 'Sign-in link' }).click();
    const link = await row.getByTestId('recovery-link').locator('input').inputValue();
    expect(new URL(link).origin).toBe(base);
    expect(await row.locator('svg.qr path').count()).toBe(1);

    // The rep's own browser, with its own authenticator.
    const repContext = await newContext(browser);
    const repPage = await repContext.newPage();
    const repCdp = await repContext.newCDPSession(repPage);
    await repCdp.send('WebAuthn.enable');
    const repAuthenticator = await repCdp.send('WebAuthn.addVirtualAuthenticator', {
      options: {
        protocol: 'ctap2',
        transport: 'internal',
        hasResidentKey: true,
        hasUserVerification: true,
        isUserVerified: true,
        automaticPresenceSimulation: true,
      },
    });
    await repPage.goto(link);
    await repPage.getByRole('button', { name: 'Continue' }).click();
    await see(repPage.locator('.who .name')).hasText('Li Lei');
    await repPage
      .getByTestId('passkey-prompt')
      .getByRole('button', { name: 'Add a passkey' })
      .click();
    await see(repPage.getByTestId('passkey-prompt')).hasCount(0);
    const repKeys = await repCdp.send('WebAuthn.getCredentials', {
      authenticatorId: repAuthenticator.authenticatorId,
    });
    expect(repKeys.credentials).toHaveLength(1);
    await repPage.getByRole('button', { name: 'Sign out' }).click();
    await repPage.getByTestId('passkey-signin').click();
    await see(repPage.locator('.who .name')).hasText('Li Lei');
    // The link worked once.
    await repContext.clearCookies();
    await repPage.goto(link);
    await repPage.getByRole('button', { name: 'Continue' }).click();
    await repPage.locator('[role=alert]').first().waitFor();
    await repContext.close();
    await signOut();
  });

  it('refuses a sign-in without a passkey, or with one the server never registered', async () => {
    await cdp.send('WebAuthn.clearCredentials', { authenticatorId });
    await page.goto(`${base}/`);
    await page.getByTestId('passkey-signin').click();
    await see(page.locator('[role=alert]')).hasText('No passkey was used.');
    expect(await whoAmI()).toBeNull();

    // A passkey for this site that the server never saw (made outside Pacer).
    const key = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    await cdp.send('WebAuthn.addCredential', {
      authenticatorId,
      credential: {
        credentialId: randomBytes(16).toString('base64'),
        isResidentCredential: true,
        rpId: 'localhost',
        privateKey: key.privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
        userHandle: Buffer.from('someone-else').toString('base64'),
        signCount: 0,
      },
    });
    await page.getByTestId('passkey-signin').click();
    await see(page.locator('[role=alert]')).hasText(
      'That passkey was not accepted. Try again, or use a sign-in code.',
    );
    expect(await whoAmI()).toBeNull();
    expect((await context.cookies(base)).map((c) => c.name)).not.toContain('__Host-pacer');
  });

  it('shows a rep opening the invite link what Pacer is and how to join', async () => {
    await page.goto(`${base}/?invite=ABCDEFGH12&lang=zh-CN`);
    await page.getByTestId('invited').waitFor();
    await see(page.getByTestId('invited-code')).hasText('ABCDEFGH12');
    await see(page.locator('[data-testid=invited] h1')).hasText('你受邀加入 Pacer');
    await screenshot(page, 'invited-zh');
  });
});
