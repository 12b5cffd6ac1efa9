/** The benchmarks' HTTP client: timed requests to 127.0.0.1 and realistic activity events. */
import { randomUUID } from 'node:crypto';
import type { ActivityEvent, EventResult } from '../../../shared/api/index.ts';

export interface Timed<T> {
  status: number;
  body: T;
  ms: number;
  headers: Headers;
}

export async function request<T = unknown>(
  url: string,
  init: { method?: string; token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Timed<T>> {
  const started = performance.now();
  const res = await fetch(url, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: {
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
      ...init.headers,
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await res.text();
  const ms = performance.now() - started;
  let body: unknown = text;
  try {
    body = text === '' ? null : JSON.parse(text);
  } catch {
    // not JSON (e.g. a bare 404 page): keep the text for the error message
  }
  return { status: res.status, body: body as T, ms, headers: res.headers };
}

/** Like {@link request} but throws on anything but 2xx/304. */
export async function ok<T = unknown>(
  url: string,
  init: Parameters<typeof request>[1] = {},
): Promise<T> {
  const res = await request<T>(url, init);
  if (res.status >= 300 && res.status !== 304) {
    throw new Error(`${init.method ?? 'GET'} ${url} → ${res.status} ${JSON.stringify(res.body)}`);
  }
  return res.body;
}

const CONTACTS = ['Ada Lovelace', 'Lin Yue 林悦', 'Grace Hopper', 'Wang Lei 王磊', 'Alan Kay'];
const METRICS = ['calls', 'emails', 'meetings', 'visits', 'leads'] as const;

/** `count` events shaped like the extension's one-click logs from Gmail (source, contact, note). */
export function makeEvents(
  count: number,
  options: { metric?: string; at?: Date } = {},
): ActivityEvent[] {
  const at = (options.at ?? new Date()).toISOString();
  return Array.from({ length: count }, (_, i) => {
    const contact = CONTACTS[i % CONTACTS.length] as string;
    return {
      id: randomUUID(),
      metric: options.metric ?? (METRICS[i % METRICS.length] as string),
      quantity: 1,
      occurredAt: at,
      source: {
        app: 'gmail',
        url: `https://mail.google.com/mail/u/0/#inbox/FMfcgz${i.toString(36)}QKRbk`,
        title: `Re: quotation for ${contact}`,
      },
      contact: { name: contact, email: `contact${i % 97}@customer.example` },
      note: 'follow-up call booked',
    };
  });
}

export type EventsAnswer = { results: EventResult[] };
