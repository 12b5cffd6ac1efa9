/**
 * The extension in the page, in real Chromium: what it adds to a Gmail-sized page (≥ 5,000
 * elements, extension/sites/gmail/fixtures/large-thread.html) in main-thread script time and long tasks
 * (with vs without the extension, same run), how fast the sidebar starts, how logging feels
 * (click → counter, click → outbox write committed), and the adapter's work per DOM mutation
 * batch. Several browser launches; figures are medians with their spread.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, type CDPSession, chromium, type Page } from 'playwright-core';
import { localDateOf } from '../../../shared/domain/dates.ts';
import { createOrg } from '../../e2e/support/api.ts';
import {
  type ExtensionBrowser,
  launchWithExtension,
  serveGmail,
} from '../../e2e/support/browser.ts';
import { clickAndReadNextFrame, openPanel, signInWithInvite } from '../../e2e/support/extension.ts';
import { freePort, repoRoot, startWorkerServer } from '../../support/worker-server.ts';
import type { BenchContext, BenchModule, Figure, Section } from '../lib/report.ts';
import { describeSpread, fmt, median, percentile, spread } from '../lib/stats.ts';

// The extension API inside the service worker (evaluated there, not in Node).
declare const chrome: {
  storage: {
    onChanged: { addListener(cb: (changes: Record<string, unknown>) => void): void };
    local: {
      get(key: string): Promise<Record<string, unknown>>;
      set(items: Record<string, unknown>): Promise<void>;
    };
  };
};

const OUT_DIR = '.output/bench-page';
const THREAD_URL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWvqAAA';
const FIXTURE = 'large-thread.html';
/** After the load, how long the page is left alone before its metrics are read. */
const SETTLE_MS = 1_500;
/**
 * After a browser starts, how long it is left before the measured load (both sides). A fresh
 * Chromium spends its first half second or so on its own start-up: a trace of these loads showed
 * its omnibox WebUI parsing some 300 scripts then, and the extension's service worker starts
 * too. On a 2-core machine that work took the CPU from the page while the content script ran
 * (~100-250 ms after the page's own script), so the wall-clock ScriptDuration counted the
 * browser's start-up as the extension's, by 5-25 ms from run to run.
 */
const LAUNCH_SETTLE_MS = 2_500;

const afterLaunch = () => new Promise((resolve) => setTimeout(resolve, LAUNCH_SETTLE_MS));
const MUTATION_BATCHES = 30;
const LOGS_PER_RUN = 5;

/** Collects long tasks and the adapter's check measures from the page's first script on. */
const OBSERVE = `
  window.__pacerBench = { longTasks: [], checks: [] };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__pacerBench.longTasks.push(e.duration);
  }).observe({ type: 'longtask', buffered: true });
`;

interface PageLoad {
  scriptMs: number;
  /** Thread (CPU) time of the same script work, from a trace: see scriptCpuFromTrace. */
  scriptCpuMs: number;
  /** Of it, the page's own script (its evaluation). */
  pageScriptCpuMs: number;
  taskMs: number;
  longTasks: number;
}

function buildExtension(apiOrigin: string): string {
  const result = spawnSync(
    process.execPath,
    [join(repoRoot, 'node_modules/wxt/bin/wxt.mjs'), 'build'],
    {
      cwd: repoRoot,
      encoding: 'utf8',
      // Open shadow roots let the bench read the counter in the frame after a click
      // (clickAndReadNextFrame). Nothing else differs from the build as shipped: the daily
      // rhythm reads the real clock (its cards are marked as opened today instead: rhythmSeen).
      env: {
        ...process.env,
        PACER_OUT_DIR: OUT_DIR,
        PACER_API_ORIGINS: apiOrigin,
        PACER_TEST_OPEN_SHADOW_ROOTS: '1',
        PACER_TEST_CLOCK: '0',
      },
    },
  );
  if (result.status !== 0) throw new Error(`wxt build failed:\n${result.stdout}\n${result.stderr}`);
  return join(repoRoot, OUT_DIR, 'chrome-mv3');
}

async function plainBrowser(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'pacer-bench-plain-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1280, height: 800 },
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Waits for a performance mark by asking CDP for a one-line expression every 20 ms. Not
 * Playwright's waitForFunction: that first runs Playwright's own script in the page (several
 * milliseconds of script time on the with-extension load only), which the comparison would
 * count as the extension's.
 */
async function waitForMark(cdp: CDPSession, name: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if ((await markCount(cdp, name)) > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`no ${name} mark within 30 s`);
}

/**
 * The one-line probe waitForMark sends. The page without the extension is asked it once too:
 * the probe is script in the page (its first evaluation is compiled there, about 0.4 ms), and
 * "added" must count only what the extension adds.
 */
async function markCount(cdp: CDPSession, name: string): Promise<number> {
  const expression = `performance.getEntriesByName(${JSON.stringify(name)}).length`;
  const { result } = (await cdp.send('Runtime.evaluate', { expression })) as {
    result: { value?: unknown };
  };
  return typeof result.value === 'number' ? result.value : 0;
}

/** Trace events that run script at the top of a main-thread task. */
const SCRIPT_EVENTS = new Set([
  'EvaluateScript',
  'v8.evaluateModule',
  'FunctionCall',
  'TimerFire',
  'EventDispatch',
  'FireAnimationFrame',
  'RunMicrotasks',
]);

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { data?: { url?: string } };
}

/**
 * Script time on the page's main thread as thread time (`tdur`: time on the CPU), summed over
 * the outermost script events. ScriptDuration is wall-clock time, which on a shared, loaded
 * machine also counts the time the renderer waited for a CPU; this figure does not. It also
 * counts RunMicrotasks, the checkpoint where promise continuations run (the content script's
 * start after its storage read), which ScriptDuration leaves out: in these loads ScriptDuration
 * added about the bundle's evaluation alone.
 */
function scriptCpuFromTrace(events: TraceEvent[]): { total: number; pageOwn: number } {
  const pageScript = events.find(
    (e) => e.name === 'EvaluateScript' && e.args?.data?.url?.startsWith('https://mail.google.com/'),
  );
  if (!pageScript) throw new Error("no trace event for the page's own script");
  const main = events
    .filter(
      (e) =>
        e.pid === pageScript.pid &&
        e.tid === pageScript.tid &&
        e.ph === 'X' &&
        SCRIPT_EVENTS.has(e.name) &&
        e.dur !== undefined &&
        e.tdur !== undefined,
    )
    .sort((a, b) => a.ts - b.ts);
  let total = 0;
  let pageOwn = 0;
  let end = Number.NEGATIVE_INFINITY;
  for (const e of main) {
    if (e.ts < end) continue;
    total += e.tdur ?? 0;
    if (e.name === 'EvaluateScript' && e.args?.data?.url?.startsWith('https://mail.google.com/'))
      pageOwn += e.tdur ?? 0;
    end = e.ts + (e.dur ?? 0);
  }
  // The page's own script is listed apart in the raw lines: it runs before the content script
  // (document_idle) and is the same on both sides, so what it varies by is noise.
  return { total: total / 1000, pageOwn: pageOwn / 1000 };
}

/**
 * The adapter's check measures, collected from here on (`buffered`: with the load's own check).
 * Started only after the load's metrics are read: an observer in the page from the start would
 * run the bench's own callback on the extension's side alone, at the load's first check.
 */
async function collectChecks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const bench = (window as unknown as { __pacerBench: { checks: number[] } }).__pacerBench;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        if (e.name === 'pacer:record-check') bench.checks.push(e.duration);
    }).observe({ type: 'measure', buffered: true });
  });
}

/** Loads the fixture, waits (for the sidebar when `withSidebar`), settles, reads the metrics. */
async function loadAndMeasure(
  context: BrowserContext,
  withSidebar: boolean,
): Promise<{ page: Page; load: PageLoad }> {
  await serveGmail(context, FIXTURE);
  const page = await context.newPage();
  await page.addInitScript(OBSERVE);
  const cdp = await context.newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  const traced = new Promise<void>((resolve) =>
    cdp.once('Tracing.tracingComplete', () => resolve()),
  );
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: ['devtools.timeline', 'v8.execute'] },
    transferMode: 'ReportEvents',
  });
  await cdp.send('Performance.enable');
  await page.goto(THREAD_URL);
  if (withSidebar) await waitForMark(cdp, 'pacer:sidebar-painted');
  else await markCount(cdp, 'pacer:sidebar-painted');
  await page.waitForTimeout(SETTLE_MS);
  const { metrics } = (await cdp.send('Performance.getMetrics')) as {
    metrics: { name: string; value: number }[];
  };
  await cdp.send('Tracing.end');
  await traced;
  const cpu = scriptCpuFromTrace(events);
  const metric = (name: string) => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
  const longTasks = await page.evaluate(
    () =>
      (window as unknown as { __pacerBench: { longTasks: number[] } }).__pacerBench.longTasks
        .length,
  );
  await cdp.detach();
  return {
    page,
    load: {
      scriptMs: metric('ScriptDuration'),
      scriptCpuMs: cpu.total,
      pageScriptCpuMs: cpu.pageOwn,
      taskMs: metric('TaskDuration'),
      longTasks,
    },
  };
}

function sidebarStartMs(page: Page): Promise<number> {
  return page.evaluate(() => {
    const start = performance.getEntriesByName('pacer:script-start')[0];
    const painted = performance.getEntriesByName('pacer:sidebar-painted')[0];
    if (!start || !painted) throw new Error('missing pacer:script-start or pacer:sidebar-painted');
    return painted.startTime - start.startTime;
  });
}

/**
 * Click → outbox write committed: the service worker notes (Date.now) each write of the sync
 * state; the page notes the click. Logs are spaced out so no flush write lands in between.
 */
async function logFeel(
  ext: ExtensionBrowser,
  page: Page,
): Promise<{ sameFrame: number; commitMs: number[] }> {
  const worker = await ext.serviceWorker();
  await worker.evaluate(() => {
    const g = globalThis as unknown as { __commits: number[] };
    g.__commits = [];
    chrome.storage.onChanged.addListener((changes) => {
      if ('pacer:sync' in changes) g.__commits.push(Date.now());
    });
  });
  await openPanel(page);
  await page.getByTestId('pacer-plus-calls').waitFor();
  let sameFrame = 0;
  const commitMs: number[] = [];
  for (let i = 0; i < LOGS_PER_RUN; i++) {
    await page.waitForTimeout(1_000);
    const clickedAt = Date.now();
    const { before, nextFrame } = await clickAndReadNextFrame(
      page,
      'button[data-testid="pacer-plus-calls"]',
      'pacer-today-calls',
    );
    if (Number(nextFrame) === Number(before) + 1) sameFrame += 1;
    const committed = await worker.evaluate(async (after) => {
      const g = globalThis as unknown as { __commits: number[] };
      for (let tries = 0; tries < 200; tries++) {
        const at = g.__commits.find((t) => t >= after);
        if (at !== undefined) return at;
        await new Promise((r) => setTimeout(r, 10));
      }
      return null;
    }, clickedAt);
    if (committed === null) throw new Error('no outbox write within 2 s of a click');
    commitMs.push(committed - clickedAt);
  }
  return { sameFrame, commitMs };
}

/**
 * The daily rhythm runs as shipped, on the real clock: which card is due is decided on every
 * load. So that no card opens the panel (the figure is the collapsed sidebar's), both are marked
 * as having opened it today, in the member's time zone, once the first view with the team's
 * calendar is published; their decision is still made on every load.
 */
async function rhythmSeen(ext: ExtensionBrowser): Promise<void> {
  const worker = await ext.serviceWorker();
  const deadline = Date.now() + 30_000;
  for (;;) {
    const view = (await worker.evaluate(() => chrome.storage.local.get('pacer:view')))[
      'pacer:view'
    ] as { calendar?: unknown; basis?: { timeZone: string } } | undefined;
    if (view?.calendar && view.basis) {
      const today = localDateOf(Date.now(), view.basis.timeZone);
      const prefs = { rhythm: { planOpened: today, reviewOpened: today } };
      await worker.evaluate((value) => chrome.storage.local.set({ 'pacer:prefs': value }), prefs);
      return;
    }
    if (Date.now() > deadline) throw new Error('no view with the team calendar within 30 s');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Mutation batches (each past the adapter's debounce) → the adapter's check durations. */
async function checkDurations(page: Page): Promise<number[]> {
  await collectChecks(page);
  await page.evaluate(async (batches) => {
    const main = document.querySelector('[role="main"]');
    for (let i = 0; i < batches; i++) {
      const note = document.createElement('div');
      note.textContent = `update ${i}`;
      main?.append(note);
      await new Promise((r) => setTimeout(r, 200));
    }
  }, MUTATION_BATCHES);
  return page.evaluate(
    () => (window as unknown as { __pacerBench: { checks: number[] } }).__pacerBench.checks,
  );
}

/**
 * Pairs per run: `--runs`, at least MIN_PAIRS. The page's own script varies by several ms per
 * load on this shared machine (9 to 25 ms for the same code), so the median of a few pairs moves
 * by more than the added figure's margin to its budget: five runs of 11 to 15 pairs at one commit
 * read 7.6 to 12.4 ms added. At most MAX_PAIRS (about 25 s each).
 */
const MIN_PAIRS = 15;
const MAX_PAIRS = 31;

async function run(ctx: BenchContext): Promise<Section> {
  const runs = Math.min(Math.max(ctx.options.runs, MIN_PAIRS), MAX_PAIRS);
  const server = await startWorkerServer({ port: await freePort() });
  const profile = mkdtempSync(join(tmpdir(), 'pacer-bench-ext-'));
  try {
    ctx.log('extension page: building the extension…');
    const extensionDir = buildExtension(server.url);
    const org = await createOrg(server.url);
    const first = await launchWithExtension(extensionDir, profile);
    await (await signInWithInvite(first, server.url, org.inviteCode, 'Li Lei')).close();
    await rhythmSeen(first);
    await first.close();

    const addedScript: number[] = [];
    const addedScriptCpu: number[] = [];
    const extensionOwnCpu: number[] = [];
    const pageOwnWithout: number[] = [];
    const addedScriptPanel: number[] = [];
    const addedTask: number[] = [];
    const longWith: number[] = [];
    const longWithout: number[] = [];
    const starts: number[] = [];
    const checks: number[] = [];
    const commits: number[] = [];
    let sameFrame = 0;
    const raw: string[] = [];
    for (let r = 0; r < runs; r++) {
      ctx.log(`extension page: run ${r + 1}/${runs}`);
      // The two sides in turn, without first in odd runs and with first in even ones: in trials
      // the browser launched second in a pair ran the page's own script slower (median of the
      // pairs' differences 2.3 ms with the extension second, 0.5 ms with it first, 11 and 9 pairs),
      // which a fixed order counts for or against the extension.
      const plainFirst = r % 2 === 0;
      const measureWithout = async () => {
        const plain = await plainBrowser();
        await afterLaunch();
        const { load } = await loadAndMeasure(plain.context, false);
        await plain.close();
        return load;
      };
      const earlier = plainFirst ? await measureWithout() : null;

      const ext = await launchWithExtension(extensionDir, profile);
      await afterLaunch();
      const { page, load: withExt } = await loadAndMeasure(ext.context, true);
      const start = await sidebarStartMs(page);
      const runChecks = await checkDurations(page);
      const feel = await logFeel(ext, page);
      await page.close();
      // The member left the panel open: the next load shows it expanded (reported apart; the
      // same browser, so its caches are warm). Collapsed again for the next run's load.
      const open = await loadAndMeasure(ext.context, true);
      await open.page.getByTestId('pacer-collapse').click();
      await open.page.getByTestId('pacer-pill').waitFor();
      await open.page.waitForTimeout(300);
      await ext.close();
      const without = earlier ?? (await measureWithout());

      addedScript.push(withExt.scriptMs - without.scriptMs);
      addedScriptCpu.push(withExt.scriptCpuMs - without.scriptCpuMs);
      // The page's own script is the same code on both sides and runs before the content script:
      // taken out of each side, what is left is the extension's, without that script's spread.
      extensionOwnCpu.push(
        withExt.scriptCpuMs -
          withExt.pageScriptCpuMs -
          (without.scriptCpuMs - without.pageScriptCpuMs),
      );
      pageOwnWithout.push(without.pageScriptCpuMs);
      addedScriptPanel.push(open.load.scriptMs - without.scriptMs);
      addedTask.push(withExt.taskMs - without.taskMs);
      longWith.push(withExt.longTasks);
      longWithout.push(without.longTasks);
      starts.push(start);
      checks.push(...runChecks);
      commits.push(...feel.commitMs);
      sameFrame += feel.sameFrame;
      raw.push(
        `run ${r + 1} (${plainFirst ? 'without first' : 'with first'}): script ${fmt(without.scriptMs, 1)} → ${fmt(withExt.scriptMs, 1)} ms (CPU ${fmt(without.scriptCpuMs, 1)} → ${fmt(withExt.scriptCpuMs, 1)} ms, of it the page's own script ${fmt(without.pageScriptCpuMs, 1)} → ${fmt(withExt.pageScriptCpuMs, 1)} ms), task ${fmt(without.taskMs, 1)} → ${fmt(withExt.taskMs, 1)} ms, long tasks ${without.longTasks} → ${withExt.longTasks}, sidebar start ${fmt(start, 1)} ms, ${runChecks.length} checks (median ${fmt(median(runChecks), 2)} ms), click→commit ${feel.commitMs.join(', ')} ms, same frame ${feel.sameFrame}/${LOGS_PER_RUN}; panel open at load: script ${fmt(open.load.scriptMs, 1)} ms`,
      );
    }

    const script = spread(addedScript);
    const scriptCpu = spread(addedScriptCpu);
    const task = spread(addedTask);
    const startSpread = spread(starts);
    const logs = runs * LOGS_PER_RUN;
    const figures: Figure[] = [
      {
        name: 'main-thread script time added (ScriptDuration)',
        value: script.median,
        unit: 'ms',
        digits: 1,
        budget: '≤ 10 ms added',
        pass: script.median <= 10,
      },
      // The same budget on the fuller figure: ScriptDuration leaves out the microtask checkpoints
      // where most of the content script's start runs (see scriptCpuFromTrace).
      {
        name: 'main-thread script CPU time added (trace thread time, microtasks included)',
        value: scriptCpu.median,
        unit: 'ms',
        digits: 1,
        budget: '≤ 10 ms added',
        pass: scriptCpu.median <= 10,
      },
      // The same loads with the page's own script taken out of both sides (its spread is most of
      // the spread above), beside that script's own time: how fast this machine ran the run.
      {
        name: "the extension's own script CPU per load (the page's own script taken out of both sides)",
        value: median(extensionOwnCpu),
        unit: 'ms',
        digits: 1,
        baseline: {
          label: "the page's own script, without the extension",
          value: median(pageOwnWithout),
          unit: 'ms',
          digits: 1,
        },
        ratio: median(extensionOwnCpu) / median(pageOwnWithout),
        budget: 'report',
        pass: null,
      },
      {
        name: 'main-thread script time added, panel left open (second load, warm)',
        value: median(addedScriptPanel),
        unit: 'ms',
        digits: 1,
        budget: 'report',
        pass: null,
      },
      {
        name: 'main-thread task time added (TaskDuration)',
        value: task.median,
        unit: 'ms',
        digits: 1,
        budget: 'report',
        pass: null,
      },
      {
        name: 'long tasks with the extension (median per load)',
        value: median(longWith),
        unit: '',
        baseline: {
          label: 'same page without the extension',
          value: median(longWithout),
          unit: '',
        },
        budget: '0 added',
        pass: median(longWith) <= median(longWithout),
      },
      {
        name: 'sidebar start (script-start → sidebar-painted)',
        value: startSpread.median,
        unit: 'ms',
        digits: 1,
        budget: '≤ 50 ms',
        pass: startSpread.median <= 50,
      },
      {
        name: 'click → counter updated in the next frame',
        value: sameFrame,
        unit: `of ${logs} clicks`,
        budget: 'every click',
        pass: sameFrame === logs,
      },
      {
        name: 'click → outbox write committed (median)',
        value: median(commits),
        unit: 'ms',
        budget: '≤ 50 ms',
        pass: median(commits) <= 50,
      },
      {
        name: 'click → outbox write committed (p95)',
        value: percentile(commits, 95),
        unit: 'ms',
        budget: 'report',
        pass: null,
      },
      {
        name: 'adapter work per mutation batch (median)',
        value: median(checks),
        unit: 'ms',
        digits: 2,
        budget: 'report',
        pass: null,
      },
      {
        name: 'adapter work per mutation batch (p95)',
        value: percentile(checks, 95),
        unit: 'ms',
        digits: 2,
        budget: 'report',
        pass: null,
      },
    ];
    raw.push(
      `added script time: ${describeSpread(script, 1)} ms; added script CPU time: ${describeSpread(scriptCpu, 1)} ms; the extension's own script CPU: ${describeSpread(spread(extensionOwnCpu), 1)} ms; added task time: ${describeSpread(task, 1)} ms`,
      `sidebar start: ${describeSpread(startSpread, 1)} ms`,
      `adapter checks: ${checks.length} batches, median ${fmt(median(checks), 2)} ms, p95 ${fmt(percentile(checks, 95), 2)} ms, max ${fmt(Math.max(...checks), 2)} ms`,
      `click → commit: ${commits.length} logs, median ${fmt(median(commits))} ms, p95 ${fmt(percentile(commits, 95))} ms (Date.now, 1 ms resolution)`,
    );
    return {
      title: 'Extension in the page',
      method: `Real Chromium (headless) on extension/sites/gmail/fixtures/${FIXTURE} (Gmail markup, ≥ 5,000 elements) served at mail.google.com. Each of ${runs} runs loads the page once in a fresh browser without the extension and once with the built extension (signed in, same profile every run; the sidebar collapsed, as it starts for a member who keeps it so, the default), in turn: without first in odd runs, with first in even ones (in trials the browser launched second in a pair ran the page's own script slower, so a fixed order biases the difference). Each browser is left ${fmt(LAUNCH_SETTLE_MS)} ms after it starts before the page is loaded, on both sides: a fresh Chromium's own start-up (its omnibox WebUI parses some 300 scripts in its first half second) otherwise competes with the content script for this machine's 2 cores and its wall-clock ScriptDuration counts that wait as the extension's. The load then waits ${fmt(SETTLE_MS)} ms after load (and the sidebar's paint, polled with a one-line CDP Runtime.evaluate, which the page without the extension is sent once as well, so the probe's own script counts on both sides: no Playwright script runs in either page before the metrics are read), then reads CDP Performance.getMetrics (ScriptDuration, TaskDuration), takes the same loads' script time as CPU time from a trace (thread time of the page's main-thread script events: unlike ScriptDuration, it leaves out time the renderer spent waiting for a CPU on a loaded machine, and it counts the microtask checkpoints, where the sidebar's start runs after its storage read, which ScriptDuration does not: the fuller of the two, reported beside it) and counts PerformanceObserver 'longtask' entries (that observer, installed in both pages, is the only bench script in them before the metrics are read); "added" = with − without in the same run. The extension's own script CPU takes the page's own script (the same code on both sides, run before the content script) out of each side of the same pair, which removes that script's spread from the figure; it is reported beside the page's own script without the extension, the machine's speed in that run, and its ratio to it. Sidebar start = the content script's pacer:script-start → pacer:sidebar-painted marks. Then ${MUTATION_BATCHES} DOM mutation batches 200 ms apart (past the adapter's 120 ms debounce) give the adapter's pacer:record-check measures (read by an observer started after the load's metrics, with the load's own check from the timeline's buffer: started earlier, its callback would run in the page with the extension alone), and ${LOGS_PER_RUN} sidebar +1 clicks 1 s apart give click → counter (read in the next animation frame) and click → the background's chrome.storage write of the outbox (Date.now: in the test just before the click is sent, in the service worker at the write, so slightly over-stated). Then the page is loaded once more in the same browser with the panel left open (reported apart: its caches are warm) and the panel is collapsed again for the next run. The build opens its shadow roots (PACER_TEST_OPEN_SHADOW_ROOTS) so the counter can be read in the next frame; nothing else differs from the build as shipped: the daily rhythm reads the real clock and decides on every load which card is due, and so that none opens the panel the member's preferences say both cards already opened it today (in the member's time zone, set once after sign-in). The added script time includes compiling and running the content script's bundle in the page's renderer, which a fresh browser does without a code cache.`,
      figures,
      raw,
    };
  } finally {
    await server.dispose();
    rmSync(profile, { recursive: true, force: true });
  }
}

export const extensionPageBench: BenchModule = {
  id: 'extension-page',
  title: 'Extension in the page',
  run,
};
