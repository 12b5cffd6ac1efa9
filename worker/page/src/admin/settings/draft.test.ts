import { describe, expect, it } from 'vitest';
import { OrgSettings, UpdateOrgSettingsRequest } from '../../../../../shared/api/index.ts';
import { defaultOrgSettings, metricCatalog } from '../../../../../shared/domain/index.ts';
import { changeOf, draftOf } from './draft.ts';

const settings = (patch: Partial<OrgSettings> = {}): OrgSettings => ({
  ...defaultOrgSettings({ timezone: 'Asia/Shanghai', currency: 'CNY' }),
  ...patch,
});

describe('settings draft', () => {
  it('saves an untouched form as the settings it was opened with', () => {
    const before = settings({
      privacy: 'top',
      points: { calls: 3 },
      customMetrics: [
        { id: 'demos', label: { en: 'Demos', zh: '演示' }, kind: 'count', points: 4 },
      ],
      calendar: { ...settings().calendar, holidays: ['2026-10-01', '2026-10-02'] },
      announcements: {
        dealAmountAtLeast: 1_000_000,
        tierReached: false,
        streakRecord: true,
        milestoneReached: false,
        contestWon: true,
      },
    });
    const change = UpdateOrgSettingsRequest.parse(changeOf(draftOf(before), before));
    const after = OrgSettings.parse({ ...before, ...change });
    // Points are sent for every count metric (the built-in default where none was set).
    expect(after).toEqual({ ...before, points: after.points });
    expect(metricCatalog(after)).toEqual(metricCatalog(before));
  });

  it('starts from the domain defaults when the team never set its announcements', () => {
    expect(draftOf(settings()).announcements).toEqual({
      dealAmountAtLeast: null,
      tierReached: true,
      streakRecord: true,
      milestoneReached: true,
      contestWon: true,
    });
  });

  it('reads holidays typed on lines or with spaces, ignoring blanks', () => {
    const before = settings();
    const draft = { ...draftOf(before), holidays: ' 2026-05-01\n\n2026-05-02  2026-05-03 \n' };
    expect(changeOf(draft, before).calendar?.holidays).toEqual([
      '2026-05-01',
      '2026-05-02',
      '2026-05-03',
    ]);
  });

  it('sends points for count metrics only, the edited value or the current one', () => {
    const before = settings({
      customMetrics: [
        { id: 'demos', label: { en: 'Demos', zh: '演示' }, kind: 'count', points: 4 },
      ],
    });
    const draft = draftOf(before);
    const points = changeOf({ ...draft, points: { ...draft.points, calls: 7 } }, before).points;
    expect(points?.calls).toBe(7);
    expect(points?.demos).toBe(4);
    // Amounts earn no points per unit: they are not sent.
    expect(points).not.toHaveProperty('revenue');
  });

  it('saves product categories added, and a list emptied as empty', () => {
    const before = settings();
    const added = changeOf(
      { ...draftOf(before), productCategories: [{ id: 'software', name: '软件' }] },
      before,
    );
    expect(UpdateOrgSettingsRequest.parse(added).productCategories).toEqual([
      { id: 'software', name: '软件' },
    ]);
    const had = settings({ productCategories: [{ id: 'software', name: '软件' }] });
    expect(draftOf(had).productCategories).toEqual([{ id: 'software', name: '软件' }]);
    expect(changeOf({ ...draftOf(had), productCategories: [] }, had).productCategories).toEqual([]);
  });
});
