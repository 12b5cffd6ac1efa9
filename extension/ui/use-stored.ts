/** A signal that follows one stored item (popup and options pages). */
import { type Signal, signal } from '@preact/signals';
import type { WxtStorageItem } from 'wxt/utils/storage';

export function storedSignal<T>(
  item: WxtStorageItem<T, Record<string, unknown>>,
  lifetime: AbortSignal,
): Signal<T> {
  const value = signal<T>(item.fallback);
  void item.getValue().then((stored) => {
    value.value = stored;
  });
  const unwatch = item.watch((next) => {
    value.value = next;
  });
  lifetime.addEventListener('abort', unwatch, { once: true });
  return value;
}
