/**
 * An in-memory stand-in for the Pacer API with the semantics the sync engine relies on:
 * events are stored once per id (a resent id answers `duplicate`), voids are idempotent, and
 * the test can take the server down or lose the response after the server has committed.
 */

import type { AnnouncementView } from '../../shared/api/announcements.ts';
import type { RunningContestsResponse } from '../../shared/api/contests.ts';
import type { ActivityEvent, PostEventsResponse } from '../../shared/api/events.ts';
import type { MeResponse } from '../../shared/api/orgs.ts';
import type { LeaderboardResponse, ProgressResponse } from '../../shared/api/progress.ts';
import { ApiError, NetworkError, type PacerApi } from './api-client.ts';

export class FakeServer {
  readonly events = new Map<string, ActivityEvent>();
  readonly voided = new Set<string>();
  /** Every request, in order, e.g. `events:3` or `void:<id>`. */
  readonly requests: string[] = [];
  /** Progress requests answered 304 Not Modified. */
  notModified = 0;
  down = false;
  loseNextResponse = false;
  rejectToken = false;
  /** The member's running contests; bump `contestsVersion` when changing them (its ETag). */
  contests: RunningContestsResponse = { contests: [] };
  contestsVersion = 'contests-0';
  /** The team's announcements, ids increasing. */
  readonly news: AnnouncementView[] = [];
  /** The team's board by attainment (null: the server has none to give). */
  board: LeaderboardResponse | null = null;
  /** Metric ids the server refuses (to exercise per-event rejection). */
  unknownMetrics = new Set<string>();

  #gate(): void {
    if (this.down) throw new NetworkError('connection refused');
    if (this.rejectToken) throw new ApiError(401, 'unauthorized', 'bad token');
  }

  #answer<T>(value: T): T {
    if (this.loseNextResponse) {
      this.loseNextResponse = false;
      throw new NetworkError('connection reset after the server committed');
    }
    return value;
  }

  counted(metric: string): number {
    let sum = 0;
    for (const e of this.events.values()) {
      if (e.metric === metric && !this.voided.has(e.id)) sum += e.quantity;
    }
    return sum;
  }

  api(): PacerApi {
    return {
      // The sync engine never asks for reviews or due customers: the sidebar's cards do, through
      // the background (test/e2e/daily-rhythm.test.ts runs the review against the real worker).
      review: async () => {
        throw new Error('the fake server serves no reviews');
      },
      reflect: async () => {
        throw new Error('the fake server serves no reviews');
      },
      dueCustomers: async () => {
        throw new Error('the fake server serves no customers');
      },
      postEvents: async (events) => {
        this.requests.push(`events:${events.length}`);
        this.#gate();
        const results: PostEventsResponse['results'] = events.map((e) => {
          if (this.unknownMetrics.has(e.metric)) {
            return {
              id: e.id,
              status: 'rejected',
              error: { code: 'unknown_metric', message: 'no such metric' },
            };
          }
          if (this.events.has(e.id)) return { id: e.id, status: 'duplicate' };
          this.events.set(e.id, e);
          return { id: e.id, status: 'created' };
        });
        return this.#answer({ results });
      },
      voidEvent: async (id) => {
        this.requests.push(`void:${id}`);
        this.#gate();
        this.voided.add(id);
        this.#answer(undefined);
      },
      recentEvents: async (limit) => {
        this.requests.push('recent');
        this.#gate();
        const events = [...this.events.values()]
          .reverse()
          .slice(0, limit)
          .map((e) => ({
            ...e,
            memberId: 'm1',
            localDate: e.occurredAt.slice(0, 10),
            voided: this.voided.has(e.id),
            evidence: e.source?.url !== undefined,
          }));
        return this.#answer({ events });
      },
      me: async () => {
        this.#gate();
        return this.#answer(fakeMe());
      },
      announcements: async (since) => {
        this.requests.push(`news:${since}`);
        this.#gate();
        const after = this.news.filter((a) => a.id > since);
        const latest = Math.max(since, ...this.news.map((a) => a.id));
        return this.#answer({ announcements: since === 0 ? after.slice(-10) : after, latest });
      },
      revokeToken: async () => {
        this.requests.push('revoke');
        this.#gate();
        this.#answer(undefined);
      },
      board: async () => {
        this.requests.push('board');
        this.#gate();
        if (!this.board) throw new ApiError(403, 'forbidden', 'no board');
        return this.#answer(this.board);
      },
      runningContests: async (etag) => {
        this.requests.push('contests');
        this.#gate();
        if (etag === this.contestsVersion) return this.#answer(null);
        return this.#answer({ ...this.contests, etag: this.contestsVersion });
      },
      progress: async (period, etag) => {
        this.requests.push(`progress:${period}`);
        this.#gate();
        const current = this.#progress(period);
        if (etag === current.version) {
          this.notModified += 1;
          return this.#answer(null);
        }
        return this.#answer({ ...current, etag: current.version });
      },
    };
  }

  #progress(kind: ProgressResponse['period']['kind']): ProgressResponse {
    return {
      period: { kind, start: '2026-11-01', end: '2026-11-30' },
      memberId: 'm1',
      primaryMetric: 'revenue',
      metrics: ['calls', 'visits', 'revenue'].map((metric) => ({
        metric,
        achieved: this.counted(metric),
        target: 100,
        percent: this.counted(metric),
        expectedByNow: 0,
        gap: 0,
        forecast: 0,
        neededPerWorkday: 0,
      })),
      tier: { current: null, next: 'base', toNext: 80 },
      streak: { current: 0, longest: 0, atRisk: false, freezes: 0 },
      points: { today: 0, period: 0, dailyGoal: 20 },
      milestones: [],
      funnel: null,
      // Changes whenever anything counted changes, like the worker's change token.
      version: `${kind}:${this.events.size}:${this.voided.size}`,
    };
  }
}

export function fakeMe(): MeResponse {
  return {
    member: {
      id: 'm1',
      name: 'Li Lei',
      email: 'li@example.com',
      role: 'rep',
      teamId: 't1',
      timezone: 'Asia/Shanghai',
      active: true,
    },
    team: { id: 't1', name: 'East', parentId: null, depth: 0 },
    org: {
      id: 'o1',
      name: 'Acme',
      settings: {
        calendar: {
          timezone: 'Asia/Shanghai',
          weekStart: 1,
          workweeks: [[1, 2, 3, 4, 5]],
          cycleAnchor: '2024-01-01',
          holidays: [],
          extraWorkdays: [],
          fiscalYearStartMonth: 1,
          workingHours: { start: '09:00', end: '18:00' },
        },
        currency: 'CNY',
        primaryMetric: 'revenue',
        points: {},
        dailyPointsGoal: 20,
        manualLogPointsPercent: 100,
        tiers: {
          period: 'month',
          ladder: [
            { id: 'base', threshold: 80, name: { en: 'Base', zh: '基础' }, reward: '' },
            { id: 'sprint', threshold: 100, name: { en: 'Sprint', zh: '进阶' }, reward: '' },
          ],
        },
        customMetrics: [],
        privacy: 'open',
        funnel: { avgDealSize: 1000, meetingToDeal: 0.5, visitToMeeting: 0.5, leadToVisit: 0.5 },
        signupOpen: true,
      },
    },
  };
}

let counter = 0;
export function makeEvent(metric = 'calls', quantity = 1): ActivityEvent {
  counter += 1;
  const hex = counter.toString(16).padStart(12, '0');
  return {
    id: `00000000-0000-4000-8000-${hex}`,
    metric,
    quantity,
    occurredAt: '2026-11-23T09:00:00Z',
    source: { app: 'gmail' },
  };
}
