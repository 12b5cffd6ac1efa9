/**
 * The one storage operation the sync engine needs: read and write a JSON value by key.
 * The background uses `chrome.storage.local` (durable across service-worker and browser
 * restarts); unit tests use the in-memory store, which behaves the same for one process.
 */
export interface KeyValueStore {
  get<T>(key: string): Promise<T | undefined>;
  set<T>(key: string, value: T): Promise<void>;
  remove(key: string): Promise<void>;
}

export function memoryStore(): KeyValueStore & { snapshot(): Record<string, unknown> } {
  const data = new Map<string, string>();
  return {
    // JSON round-trip so a test sees exactly what a real storage area would hand back.
    get: async <T>(key: string) => {
      const raw = data.get(key);
      return raw === undefined ? undefined : (JSON.parse(raw) as T);
    },
    set: async (key, value) => {
      data.set(key, JSON.stringify(value));
    },
    remove: async (key) => {
      data.delete(key);
    },
    snapshot: () => Object.fromEntries([...data].map(([k, v]) => [k, JSON.parse(v)])),
  };
}
