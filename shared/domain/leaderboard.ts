import type { PrivacyMode } from '../api/index.ts';

// Leaderboards: standard ranking (1, 2, 2, 4) and the team's privacy setting
// (docs/architecture.md, "Leaderboards and privacy").

/** What ranking needs of an entry; the caller's other fields are carried through. */
export type RankInput = { id: string; name: string; value: number | null };
export type Ranked<T extends RankInput> = T & { rank: number };

// Plain code-unit order, not a locale collator: the worker and every browser must agree.
const byName = (a: RankInput, b: RankInput) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/**
 * Ranks entries, higher value first, with standard ("1224") ranking: ties share a rank and the next
 * rank skips (1, 2, 2, 4). Entries without a value (null, e.g. no target for attainment) come
 * last and share the rank after the last valued one. Equal values are listed by name, then in
 * input order, so the result is deterministic.
 */
export function rankEntries<T extends RankInput>(entries: readonly T[]): Ranked<T>[] {
  const sorted = entries
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => {
      const av = a.entry.value;
      const bv = b.entry.value;
      if (av !== bv) {
        if (av === null) return 1;
        if (bv === null) return -1;
        return bv - av;
      }
      return byName(a.entry, b.entry) || a.index - b.index;
    });
  const ranked: Ranked<T>[] = [];
  sorted.forEach(({ entry }, position) => {
    const previous = ranked[position - 1];
    const rank = previous && previous.value === entry.value ? previous.rank : position + 1;
    ranked.push({ ...entry, rank });
  });
  return ranked;
}

/** How many entries a `top` board shows, before the viewer and their neighbours. */
export const TOP_COUNT = 5;

/** Input to {@link applyPrivacy}. */
export type PrivacyInput<T extends RankInput> = {
  ranked: readonly Ranked<T>[];
  mode: PrivacyMode;
  viewerId: string;
  /** Managers of this team (or above) always see every entry. */
  viewerIsManager: boolean;
  /**
   * Entries the viewer manages (their own subtree's reps): a manager looking at the board of a
   * team above their own sees these whatever the mode, and the others as the mode allows.
   */
  managed?: ReadonlySet<string>;
};

/** The viewer's own standing. */
export type ViewerStanding = { rank: number; percentile: number; value: number | null };

/**
 * What the viewer may see. `open` or a manager: every entry. `top`: entries ranked in the top 5
 * (ties at 5th included), the viewer's neighbours just above and below, and the viewer, in board
 * order. `private`: only the viewer's own entry. `you` is the viewer's rank, value and
 * percentile = the share of the others ranked strictly below them, 0–100 rounded (100 = first,
 * alone on the board included); absent when the viewer is not on this board. Entries in
 * `managed` are shown in every mode.
 */
export function applyPrivacy<T extends RankInput>({
  ranked,
  mode,
  viewerId,
  viewerIsManager,
  managed,
}: PrivacyInput<T>): { entries: Ranked<T>[]; you?: ViewerStanding } {
  const position = ranked.findIndex((entry) => entry.id === viewerId);
  const viewer = ranked[position];
  const you = viewer
    ? { rank: viewer.rank, percentile: percentileOf(viewer, ranked), value: viewer.value }
    : undefined;
  const visible = (index: number, entry: Ranked<T>) => {
    if (viewerIsManager || mode === 'open' || managed?.has(entry.id)) return true;
    if (mode === 'private') return index === position;
    return entry.rank <= TOP_COUNT || (position >= 0 && Math.abs(index - position) <= 1);
  };
  const entries = ranked.filter((entry, index) => visible(index, entry));
  return you ? { entries, you } : { entries };
}

/**
 * A group's pooled figures (a sub-team's sums and averages) hide its reps only when they pool
 * enough of them: on a board that does not show the viewer every rep (`top`, `private`), a group
 * is shown only when it holds at least this many reps besides the viewer, or nobody but the
 * viewer. A one-rep group is that rep's figures, and a pair's total minus the viewer's own is the
 * colleague's.
 */
export const MIN_POOLED_REPS = 2;

export function pooledFiguresVisible({
  repIds,
  viewerId,
  mode,
  viewerSeesAll,
}: {
  /** The reps the group pools. */
  repIds: readonly string[];
  viewerId: string;
  mode: PrivacyMode;
  /** A manager of the group (or above): sees its reps one by one anyway. */
  viewerSeesAll: boolean;
}): boolean {
  if (viewerSeesAll || mode === 'open') return true;
  const others = repIds.filter((id) => id !== viewerId).length;
  return others === 0 || others >= MIN_POOLED_REPS;
}

function percentileOf(
  viewer: RankInput & { rank: number },
  ranked: readonly { rank: number }[],
): number {
  if (ranked.length <= 1) return 100;
  const below = ranked.filter((entry) => entry.rank > viewer.rank).length;
  return Math.round((100 * below) / (ranked.length - 1));
}

/**
 * The champions of a closed period (月度销冠) or the winners of a contest: everyone ranked
 * first with a positive value (ties share the honour). Nobody wins a board where nothing happened.
 */
export function periodChampions<T extends RankInput>(ranked: readonly Ranked<T>[]): Ranked<T>[] {
  return ranked.filter((entry) => entry.rank === 1 && entry.value !== null && entry.value > 0);
}
