/** Expanded sidebar. Escape collapses it and gives focus back to the pill. */
import { useEffect, useRef } from 'preact/hooks';
import type { SidebarStore } from '../store.ts';
import { trusted } from '../trusted.ts';
import { Collection } from './Collection.tsx';
import { Contests } from './Contests.tsx';
import { Counters } from './Counters.tsx';
import { CustomerCard } from './CustomerCard.tsx';
import { DueCustomers } from './DueCustomers.tsx';
import { PrimaryBar } from './PrimaryBar.tsx';
import { Quotas } from './Quotas.tsx';
import { RecentLogs } from './RecentLogs.tsx';
import { Rhythm } from './Rhythm.tsx';
import { SegmentLine } from './SegmentLine.tsx';
import { Streak } from './Streak.tsx';
import { TierLadder } from './TierLadder.tsx';
import { WonDeal } from './WonDeal.tsx';

function SyncLine({ store }: { store: SidebarStore }) {
  const t = store.t.value;
  const sync = store.shown.value.sync;
  const text =
    sync.status === 'signed-out'
      ? t('signedOut')
      : sync.status === 'unauthorized'
        ? t('unauthorized')
        : sync.status === 'offline'
          ? t('syncOffline', { count: sync.pending })
          : sync.status === 'pending'
            ? t('syncPending', { count: sync.pending })
            : t('syncSynced');
  return (
    <p class={`sync ${sync.status}`} data-testid="pacer-sync">
      {text}
    </p>
  );
}

export function Panel({ store, app }: { store: SidebarStore; app: string }) {
  const t = store.t.value;
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (store.focusPanel.peek()) {
      store.focusPanel.value = false;
      heading.current?.focus();
    }
  }, [store]);
  return (
    <div
      class="panel"
      role="dialog"
      aria-modal="false"
      aria-label={t('sidebar')}
      data-testid="pacer-panel"
      onKeyDown={(e) => {
        if (e.key === 'Escape') store.toggle(true);
      }}
    >
      <header>
        <h2 tabIndex={-1} ref={heading}>
          {t('appName')}
          {store.shown.value.memberName ? <small> · {store.shown.value.memberName}</small> : null}
        </h2>
        <span>
          <button
            type="button"
            class="icon"
            aria-label={t('close')}
            title={t('close')}
            data-testid="pacer-hide-site"
            onClick={trusted(() => store.hideOnSite(app))}
          >
            ⊘
          </button>
          <button
            type="button"
            class="icon"
            aria-expanded="true"
            aria-label={t('collapse')}
            data-testid="pacer-collapse"
            onClick={trusted(() => store.toggle(true))}
          >
            ×
          </button>
        </span>
      </header>
      <SyncLine store={store} />
      <Rhythm store={store} />
      <PrimaryBar store={store} />
      <SegmentLine store={store} />
      <TierLadder store={store} />
      <Quotas store={store} />
      <Counters store={store} app={app} />
      <WonDeal store={store} app={app} />
      {/* Below the +1 buttons: the card grows once a log makes the thread's customer known, and
          must not move a button under the rep's pointer. */}
      <CustomerCard store={store} />
      <Collection store={store} app={app} />
      <Streak store={store} />
      <Contests store={store} />
      <DueCustomers store={store} />
      <RecentLogs store={store} />
    </div>
  );
}
