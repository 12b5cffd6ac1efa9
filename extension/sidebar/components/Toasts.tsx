/** Confirmations and Undo offers, announced politely to screen readers. */
import type { SidebarStore } from '../store.ts';
import { trusted } from '../trusted.ts';

export function Toasts({ store }: { store: SidebarStore }) {
  const t = store.t.value;
  return (
    <div class="toasts" role="status" aria-live="polite">
      {store.celebration.value ? (
        <div class="toast celebrate" data-testid="pacer-celebration">
          🎉 {store.celebration.value}
        </div>
      ) : null}
      {store.toasts.value.map((toast) => (
        <div class="toast" key={toast.id} data-testid="pacer-toast">
          <span>{toast.text}</span>
          {toast.points ? (
            <span class="points-gained" data-testid="pacer-points-gained">
              {t('pointsGained', { points: toast.points })}
            </span>
          ) : null}
          {toast.undoId ? (
            <button
              type="button"
              class="link"
              data-testid="pacer-toast-undo"
              onClick={trusted(() => {
                store.undo(toast.undoId as string);
                store.dismiss(toast.id);
              })}
            >
              {t('undo')}
            </button>
          ) : null}
          {toast.confirm ? (
            <>
              <button
                type="button"
                class="link"
                data-testid="pacer-confirm-yes"
                onClick={trusted(() => {
                  store.dismiss(toast.id);
                  toast.confirm?.();
                })}
              >
                {t('doubleLogYes')}
              </button>
              <button type="button" class="link" onClick={trusted(() => store.dismiss(toast.id))}>
                {t('doubleLogNo')}
              </button>
            </>
          ) : null}
        </div>
      ))}
    </div>
  );
}
