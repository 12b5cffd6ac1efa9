import type { Dictionary, Language, PublishedText } from '../i18n/translate.ts';
import { sendToBackground } from '../platform/send.ts';

/**
 * The UI text in a language as the background published it for this version; asked for when there
 * is none yet (the first page after an install or update can load before the background wrote it).
 */
export async function currentText(
  language: Language,
  text: PublishedText | null,
): Promise<Dictionary | null> {
  if (text?.version === __PACER_VERSION__) return text.dictionary;
  const reply = await sendToBackground({ type: 'text', language });
  return reply.ok ? (reply.data as PublishedText).dictionary : null;
}
