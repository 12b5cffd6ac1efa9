/** The customer report's read and its CSV link (`/api/v1/customers/report`). */
import { CustomerReportResponse } from '../../../../shared/api/index.ts';
import { api, get } from '../app/api.ts';

export const loadCustomerReport = (teamId: string) =>
  get(CustomerReportResponse, api.customers.report.$get({ query: { team: teamId } }));

export const customerReportCsv = (teamId: string) =>
  api.customers['report.csv'].$path({ query: { team: teamId } });
