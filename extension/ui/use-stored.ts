/** A signal that follows one storage.local key (popup and options pages). */
import { type Signal, signal } from '@preact/signals';
import { readStored, watchStored } from '../platform/storage.ts';

export function storedSignal<T>(key: string, fallback: T, signalAbort: AbortSignal): Signal<T> {
  const value = signal<T>(fallback);
  void readStored<T>(key).then((stored) => {
    if (stored !== undefined) value.value = stored;
  });
  watchStored<T>(
    key,
    (next) => {
      value.value = next ?? fallback;
    },
    signalAbort,
  );
  return value;
}
