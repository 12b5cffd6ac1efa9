/**
 * The sync state kept in memory, for unit tests: a JSON round trip on every write and read, so a
 * test sees exactly what chrome.storage.local would hand back (and a second engine over the same
 * document sees a "restart").
 */
import type { StateDocument, SyncState } from './state.ts';

export function memoryDocument(): StateDocument & { stored(): Partial<SyncState> } {
  let json = '{}';
  const read = (): Partial<SyncState> => JSON.parse(json);
  return {
    getValue: async () => read(),
    setValue: async (value) => {
      json = JSON.stringify(value);
    },
    stored: read,
  };
}
