/**
 * The platform-neutral message every channel kind is formatted from: a title and lines of plain
 * text, already in the channel's language. Names and numbers come from users, so formatters only
 * ever place them in plain-text fields (never markdown), and nothing in them can mention, link or
 * format.
 */
import { z } from 'zod';

export const ChatMessage = z.object({
  title: z.string().min(1).max(200),
  lines: z.array(z.string().max(500)).max(60),
});
export type ChatMessage = z.infer<typeof ChatMessage>;

/** The message as one block of text (title, then each line). */
export const plainText = (m: ChatMessage) => [m.title, ...m.lines].join('\n');

/** `text` cut to at most `maxBytes` of UTF-8, on a character boundary, marked with "…". */
export function fitBytes(text: string, maxBytes: number): string {
  const encoder = new TextEncoder();
  if (encoder.encode(text).length <= maxBytes) return text;
  let out = '';
  let size = encoder.encode('…').length;
  for (const ch of text) {
    const n = encoder.encode(ch).length;
    if (size + n > maxBytes) break;
    out += ch;
    size += n;
  }
  return `${out}…`;
}
