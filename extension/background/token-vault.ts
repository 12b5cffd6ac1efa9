/**
 * Where the API token lives: IndexedDB of the extension's own origin. Unlike chrome.storage.local
 * (readable by content scripts), only the background and the extension's pages can open it, so
 * code running inside web pages can never read the token.
 */
const DB_NAME = 'pacer-vault';
const STORE = 'secrets';
const TOKEN_KEY = 'token';

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function run<T>(
  mode: IDBTransactionMode,
  op: (store: IDBObjectStore) => IDBRequest,
): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const request = op(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(request.result as T);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}

export function readToken(): Promise<string | undefined> {
  return run<string | undefined>('readonly', (s) => s.get(TOKEN_KEY));
}

export async function writeToken(token: string): Promise<void> {
  await run('readwrite', (s) => s.put(token, TOKEN_KEY));
}

export async function clearToken(): Promise<void> {
  await run('readwrite', (s) => s.delete(TOKEN_KEY));
}
