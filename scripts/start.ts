/**
 * `npm start`: everything a newcomer needs, on a fresh clone, in one command.
 * Applies the migrations to the local D1 (.wrangler/state), seeds the demo organisation once,
 * serves the API and leaderboard page on localhost, builds the extension for loading unpacked, and
 * prints where everything is. `npm start -- --once` sets up, prints and exits (used by the smoke test).
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot, startWorkerServer } from '../test/support/worker-server.ts';
import { buildPage } from './build-page.ts';
import { seedDemoChat } from './demo/chat.ts';
import { startChatReceiver } from './demo/chat-receiver.ts';
import { seedDemo } from './demo/seed.ts';

const once = process.argv.includes('--once');
const port = Number(process.env.PORT ?? 8787);
/** The demo's stand-in for the chat platforms; fixed, since the demo channels keep its address. */
const chatReceiverPort = Number(process.env.CHAT_RECEIVER_PORT ?? port + 10);
/**
 * The key the demo's chat webhooks are encrypted with: development only, published here on
 * purpose. A deployment sets its own Worker secret (`wrangler secret put CHAT_SECRET_KEY`).
 */
const DEV_CHAT_KEY = 'cGFjZXItZGVtby1rZXktZGV2ZWxvcG1lbnQtb25seSE=';

function buildExtension(): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [join(repoRoot, 'node_modules/wxt/bin/wxt.mjs'), 'build'],
      {
        cwd: repoRoot,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: {
          ...process.env,
          PACER_API_ORIGINS: `http://localhost:${port},http://127.0.0.1:${port}`,
        },
      },
    );
    let log = '';
    child.stdout.on('data', (d) => {
      log += d;
    });
    child.stderr.on('data', (d) => {
      log += d;
    });
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`extension build failed:\n${log}`)),
    );
  });
}

async function main(): Promise<void> {
  console.log('pacer: building the extension and starting the API (local D1)…');
  const extension = buildExtension();
  buildPage();
  const base = `http://localhost:${port}`;
  const receiver = await startChatReceiver({
    port: chatReceiverPort,
    print: (line) => console.log(line),
  });
  const server = await startWorkerServer({
    port,
    persistTo: join(repoRoot, '.wrangler/state'),
    vars: {
      PUBLIC_ORIGIN: base,
      CHAT_ALLOW_LOCALHOST: 'true',
      CHAT_SECRET_KEY: DEV_CHAT_KEY,
    },
    testScheduled: true,
  });
  const demo = await seedDemo(server.url, join(repoRoot, '.wrangler/pacer-demo.json'));
  const channels = await seedDemoChat(server.url, demo.managerToken, receiver.url);
  // Local dev runs no crons: the cron tick (scheduled chat posts, announcements) every minute.
  const cron = setInterval(() => {
    fetch(`${server.url}/cdn-cgi/handler/scheduled`).catch(() => undefined);
  }, 60_000);
  cron.unref();
  await extension;
  const lines = [
    '',
    'Pacer is running.',
    `  API            ${base}/api/v1   (OpenAPI: ${base}/api/v1/openapi.json)`,
    `  Leaderboard    ${base}/`,
    `  Demo org       ${demo.members} members, ${demo.events} events`,
    `  Manager token  ${demo.managerToken}`,
    `  Rep token      ${demo.repToken}   (${demo.repName})`,
    `  Invite code    ${demo.inviteCode}   (joins the root team as a rep)`,
    `  Team chat      ${channels} channels (企业微信, 钉钉, 飞书, Slack, Teams) → local receiver ${receiver.url}, printed here as "chat /<platform>/demo ←"`,
    '',
    `  Try:  curl -H "Authorization: Bearer ${demo.repToken}" "${base}/api/v1/me/progress?period=month"`,
    '',
    'Extension (Chrome / Chromium):',
    `  chrome://extensions → Developer mode → Load unpacked → ${join(repoRoot, '.output/chrome-mv3')}`,
    `  then in its popup: server ${base}, paste the rep token or use the invite code.`,
    '',
    once ? 'pacer: --once given, stopping.' : 'Press Ctrl-C to stop.',
  ];
  console.log(lines.join('\n'));
  if (once) {
    // Let the test messages reach the receiver before stopping.
    await new Promise((r) => setTimeout(r, 3_000));
    await server.stop();
    await receiver.stop();
    return;
  }
  const shutdown = async () => {
    await server.stop();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
