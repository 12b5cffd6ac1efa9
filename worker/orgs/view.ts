import type { OrgSettings, OrgView } from '../../shared/api/index.ts';
import type { OrgRow } from '../context.ts';

export const orgView = (org: Pick<OrgRow, 'id' | 'name'>, settings: OrgSettings): OrgView => ({
  id: org.id,
  name: org.name,
  settings,
});
