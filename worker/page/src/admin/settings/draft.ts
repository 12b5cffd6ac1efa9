/**
 * The settings form's one state object: the org's settings as the form edits them, and the one
 * change it sends (`PATCH /api/v1/org`) when saved. Pure, so the form's parts only edit fields.
 */
import type {
  AnnouncementSettings,
  CalendarSettings,
  CustomMetric,
  OrgSettings,
  PrivacyMode,
  ProductCategory,
  Tier,
  UpdateOrgSettingsRequest,
} from '../../../../../shared/api/index.ts';
import { announcementRulesOf, metricCatalog } from '../../../../../shared/domain/index.ts';

export interface SettingsDraft {
  privacy: PrivacyMode;
  dailyPointsGoal: number;
  manualLogPointsPercent: number;
  announcements: AnnouncementSettings;
  /** Points per unit of each count metric. */
  points: Record<string, number>;
  calendar: CalendarSettings;
  /** The holidays as typed: dates separated by spaces or new lines. */
  holidays: string;
  customMetrics: CustomMetric[];
  tiers: Tier[];
  /** Product categories (won deals carry one; targets may break down by them). */
  productCategories: ProductCategory[];
}

/** The count metrics whose points the form edits (built-in and saved custom ones). */
export const countMetrics = (settings: OrgSettings) =>
  metricCatalog(settings).filter((x) => x.kind === 'count');

export function draftOf(settings: OrgSettings): SettingsDraft {
  return {
    privacy: settings.privacy,
    dailyPointsGoal: settings.dailyPointsGoal,
    manualLogPointsPercent: settings.manualLogPointsPercent,
    announcements: announcementRulesOf(settings),
    points: Object.fromEntries(metricCatalog(settings).map((x) => [x.id, x.points])),
    calendar: settings.calendar,
    holidays: settings.calendar.holidays.join('\n'),
    customMetrics: settings.customMetrics,
    tiers: settings.tiers.ladder,
    productCategories: settings.productCategories ?? [],
  };
}

/** What the form saves: every field it shows; the server validates the merged whole. */
export function changeOf(draft: SettingsDraft, settings: OrgSettings): UpdateOrgSettingsRequest {
  return {
    privacy: draft.privacy,
    dailyPointsGoal: draft.dailyPointsGoal,
    manualLogPointsPercent: draft.manualLogPointsPercent,
    announcements: draft.announcements,
    points: Object.fromEntries(
      countMetrics(settings).map((x) => [x.id, draft.points[x.id] ?? x.points]),
    ),
    customMetrics: draft.customMetrics,
    calendar: {
      ...draft.calendar,
      holidays: draft.holidays
        .split(/\s+/)
        .map((d) => d.trim())
        .filter((d) => d !== ''),
    },
    tiers: { ...settings.tiers, ladder: draft.tiers },
    // Left out while the team has none and adds none: an untouched form saves what it opened.
    ...(settings.productCategories || draft.productCategories.length > 0
      ? { productCategories: draft.productCategories }
      : {}),
  };
}
