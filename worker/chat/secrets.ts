/**
 * Webhook URLs and signing secrets at rest: AES-GCM (WebCrypto) under a 256-bit key from the
 * Worker secret `CHAT_SECRET_KEY` (base64), with the channel's id as additional data so a
 * ciphertext copied onto another channel does not decrypt. Stored as `v1.<iv>.<ciphertext>`
 * (base64url). Generate a key with `openssl rand -base64 32`.
 */
const encoder = new TextEncoder();

const toB64 = (bytes: Uint8Array) => {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
};
const fromB64 = (text: string): Uint8Array<ArrayBuffer> =>
  Uint8Array.from(atob(text.replaceAll('-', '+').replaceAll('_', '/')), (c) => c.charCodeAt(0));

/** The key, or null when `raw` is not 32 bytes of base64 (the feature then refuses to store). */
export async function chatKey(raw: string | undefined): Promise<CryptoKey | null> {
  if (!raw) return null;
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    bytes = fromB64(raw.trim());
  } catch {
    return null;
  }
  if (bytes.length !== 32) return null;
  return crypto.subtle.importKey('raw', bytes, 'AES-GCM', false, ['encrypt', 'decrypt']);
}

export async function seal(key: CryptoKey, plain: string, context: string): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const cipher = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: encoder.encode(context) },
    key,
    encoder.encode(plain),
  );
  return `v1.${toB64(iv)}.${toB64(new Uint8Array(cipher))}`;
}

/** The plain text, or null when the ciphertext is not ours (other key, other channel, altered). */
export async function open(
  key: CryptoKey,
  sealed: string,
  context: string,
): Promise<string | null> {
  const [version, iv, cipher] = sealed.split('.');
  if (version !== 'v1' || !iv || !cipher) return null;
  try {
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: fromB64(iv), additionalData: encoder.encode(context) },
      key,
      fromB64(cipher),
    );
    return new TextDecoder().decode(plain);
  } catch {
    return null;
  }
}

/** What the API shows instead of a URL: its host and its last four characters. */
export function urlHint(raw: string): string {
  const url = new URL(raw);
  return `${url.host} …${raw.slice(-4)}`;
}
