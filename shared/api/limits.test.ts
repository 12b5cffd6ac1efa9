import { describe, expect, it } from 'vitest';
import { ActivityEvent, FIELD_LIMITS } from './index.ts';

const event = {
  id: '6f1c1a52-0d5e-4c3e-9a8e-2f9d7b1c0a11',
  metric: 'calls',
  quantity: 1,
  occurredAt: '2026-11-23T10:15:00+08:00',
};

/** The event with one text field set to `text`. */
const withField: Record<keyof typeof FIELD_LIMITS, (text: string) => object> = {
  sourceApp: (text) => ({ ...event, source: { app: text } }),
  sourceUrl: (text) => ({
    ...event,
    source: { app: 'gmail', url: `https://mail.example/${'a'.repeat(text.length - 21)}` },
  }),
  sourceTitle: (text) => ({ ...event, source: { app: 'gmail', title: text } }),
  contactName: (text) => ({ ...event, contact: { name: text } }),
  contactEmail: (text) => ({
    ...event,
    contact: { email: `${'a'.repeat(text.length - 12)}@example.com` },
  }),
  note: (text) => ({ ...event, note: text }),
};

describe('FIELD_LIMITS: what the contract takes is what the adapters cut to', () => {
  for (const [field, limit] of Object.entries(FIELD_LIMITS) as [
    keyof typeof FIELD_LIMITS,
    number,
  ][]) {
    it(`${field}: ${limit} characters pass, one more is refused`, () => {
      expect(ActivityEvent.safeParse(withField[field]('x'.repeat(limit))).success).toBe(true);
      expect(ActivityEvent.safeParse(withField[field]('x'.repeat(limit + 1))).success).toBe(false);
    });
  }
});
