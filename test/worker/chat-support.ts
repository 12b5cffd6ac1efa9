/**
 * Chat channel tests' shared parts: the local receiver the worker posts to (started by
 * vitest.config.ts), channels on it, and the worker's own queue and cron handlers.
 */
import { createExecutionContext, createMessageBatch, getQueueResult } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { getDb } from '../../worker/db/client.ts';
import type { Env } from '../../worker/env.ts';
import worker from '../../worker/index.ts';
import { call } from './helpers.ts';

export const workerEnv = env as unknown as Env;
export const db = () => getDb(workerEnv);

/** A fresh receiver path for `platform` (the receiver answers as that platform). */
export const hookPath = (platform: string) => `/${platform}/${crypto.randomUUID()}`;
export const hookUrl = (path: string) => `${env.CHAT_RECEIVER_URL}${path}`;

export interface Received {
  path: string;
  query: Record<string, string>;
  // biome-ignore lint/suspicious/noExplicitAny: payloads are checked field by field
  body: any;
}

export async function received(path: string): Promise<Received[]> {
  const res = await fetch(
    `${env.CHAT_RECEIVER_URL}/_control/received?path=${encodeURIComponent(path)}`,
  );
  return (await res.json()) as Received[];
}

/** The next `times` posts to `path` answer 500. */
export async function failNext(path: string, times: number): Promise<void> {
  await fetch(
    `${env.CHAT_RECEIVER_URL}/_control/fail?path=${encodeURIComponent(path)}&times=${times}`,
    { method: 'POST' },
  );
}

export async function waitFor<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Scheduled posts off: tests that read the clock must not meet a standings post by chance. */
export const QUIET_OPTIONS = {
  announcements: false,
  standings: { enabled: false, time: '17:30', period: 'day' },
  alerts: { enabled: false, time: '11:00', metric: 'calls', atLeast: 10, streakAtRisk: true },
} as const;

export async function createChannel(
  token: string,
  body: Record<string, unknown>,
): Promise<{ id: string; path: string }> {
  const platform = String(body.platform);
  const path = hookPath(platform);
  const res = await call('POST', '/chat/channels', {
    token,
    body: {
      name: `${platform} channel`,
      language: 'en',
      options: QUIET_OPTIONS,
      webhookUrl: hookUrl(path),
      ...body,
    },
  });
  if (res.status !== 201) throw new Error(`channel: ${res.status} ${JSON.stringify(res.body)}`);
  return { id: res.body.channel.id, path };
}

export async function outboxRow(key: string) {
  return env.DB.prepare('SELECT * FROM chat_outbox WHERE key = ?').bind(key).first<{
    key: string;
    status: string;
    attempts: number;
    error: string | null;
    kind: string;
    message: string;
  }>();
}

export const channelRow = (id: string) =>
  env.DB.prepare('SELECT * FROM chat_channels WHERE id = ?').bind(id).first<{
    failures: number;
    paused_at: string | null;
    last_sent_at: string | null;
    url_cipher: string;
    secret_cipher: string | null;
  }>();

/** The worker's queue handler, called directly with a batch (as the runtime would). */
export async function consume(keys: string[], attempts = 1, queue = 'pacer-chat') {
  const batch = createMessageBatch<{ key: string }>(
    queue,
    keys.map((key, i) => ({
      id: `m${i}-${crypto.randomUUID()}`,
      timestamp: new Date(),
      attempts,
      body: { key },
    })),
  );
  const ctx = createExecutionContext();
  await worker.queue(batch, workerEnv);
  return getQueueResult(batch, ctx);
}

/** The worker's cron handler at `at`. */
export async function tick(at: Date): Promise<void> {
  await worker.scheduled({ scheduledTime: at.getTime() }, workerEnv);
}

export async function hmacBase64(key: string, message: string): Promise<string> {
  const k = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(key),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const mac = new Uint8Array(
    await crypto.subtle.sign('HMAC', k, new TextEncoder().encode(message)),
  );
  return btoa(String.fromCharCode(...mac));
}
