/**
 * Logs made offline survive closing the browser: after a restart with the same profile, the
 * extension sends them (once each) without any click.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { startWorkerServer, type WorkerServer } from '../support/worker-server.ts';
import { createOrg, recentEvents } from './support/api.ts';
import { type ExtensionBrowser, launchWithExtension, serveGmail } from './support/browser.ts';
import { readLocalStorage, readTokenFromVault, signInWithInvite } from './support/extension.ts';

let server: WorkerServer;
let ext: ExtensionBrowser | undefined;
const profile = mkdtempSync(join(tmpdir(), 'pacer-profile-'));

beforeAll(async () => {
  server = await startWorkerServer({ port: inject('apiPort') });
});

afterAll(async () => {
  await ext?.close();
  await server?.dispose();
  rmSync(profile, { recursive: true, force: true });
});

it('sends logs kept offline after the browser restarts', async () => {
  const org = await createOrg(server.url);
  ext = await launchWithExtension(inject('extensionDir'), profile);
  await (await signInWithInvite(ext, server.url, org.inviteCode, 'Li Lei')).close();
  const token = (await readTokenFromVault(await ext.serviceWorker())) ?? '';

  await server.stop();
  await serveGmail(ext.context, 'one-message.html');
  const gmail = await ext.context.newPage();
  await gmail.goto('https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWvqAAA');
  await gmail.getByTestId('pacer-pill').getByRole('button').click();
  await gmail.getByTestId('pacer-plus-calls').click();
  await gmail.getByTestId('pacer-plus-visits').click();
  const worker = await ext.serviceWorker();
  await expect
    .poll(
      async () =>
        ((await readLocalStorage(worker))['pacer:sync'] as { outbox: unknown[] }).outbox.length,
    )
    .toBe(2);
  await ext.close();

  await server.start();
  ext = await launchWithExtension(inject('extensionDir'), profile);
  await expect
    .poll(async () => (await recentEvents(server.url, token)).events.map((e) => e.metric).sort(), {
      timeout: 90_000,
      interval: 1_000,
    })
    .toEqual(['calls', 'visits']);
});
