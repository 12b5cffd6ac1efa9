/**
 * Managers' customer view (客户被拜访): per rep of the chosen team, customers by class with the
 * overdue ones, coverage of A customers this period (followed up at least once in the current
 * period of A's cadence), and the CSV of the same numbers.
 */
import { useState } from 'preact/hooks';
import type { CustomerReportResponse } from '../../../../shared/api/index.ts';
import { formatCount } from '../app/format.ts';
import { me } from '../app/session.ts';
import { useAsync } from '../app/use-async.ts';
import { TeamSelect } from '../components/TeamSelect.tsx';
import { locale, t } from '../i18n/index.ts';
import { customerReportCsv, loadCustomerReport } from './api.ts';

type Rep = CustomerReportResponse['reps'][number];
const CLASSES = ['A', 'B', 'C'] as const;

/** Covered A customers as a share ("3 / 4 · 75 %"); "–" with no A customer. */
function coverage(rep: Rep, lang: Parameters<typeof formatCount>[1]): string {
  const { customers, covered } = rep.classes.A;
  if (customers === 0) return '–';
  const percent = Math.round((covered / customers) * 100);
  return `${formatCount(covered, lang)} / ${formatCount(customers, lang)} · ${percent} %`;
}

export function CustomerReport() {
  const profile = me.value;
  const m = t.value.customers;
  const [teamId, setTeamId] = useState(profile?.team.id ?? '');
  const report = useAsync(() => loadCustomerReport(teamId), teamId);
  if (!profile) return null;
  const lang = locale.value;
  const reps = report.data?.reps ?? [];
  return (
    <section
      class="card customer-report"
      aria-labelledby="customers-title"
      data-testid="customer-report"
    >
      <h2 id="customers-title">{m.title}</h2>
      <p class="muted">{m.lead}</p>
      <div class="row">
        <TeamSelect name="customers-team" label={m.team} value={teamId} onChange={setTeamId} />
        <a class="button" download href={customerReportCsv(teamId)}>
          ⬇ {m.csv}
        </a>
      </div>
      {report.error && <p class="error">{report.error.message}</p>}
      {report.data && reps.length === 0 && <p class="muted">{m.none}</p>}
      {reps.length > 0 && (
        <div class="table-scroll">
          {/* On a phone each rep's row is a card, its cells labelled by their column (styles.css). */}
          <table>
            <thead>
              <tr>
                <th scope="col">{m.rep}</th>
                {CLASSES.map((k) => (
                  <th scope="col" key={k}>
                    {m.classHeader(k)}
                  </th>
                ))}
                <th scope="col">{m.unclassified}</th>
                <th scope="col">{m.coverageA}</th>
              </tr>
            </thead>
            <tbody>
              {reps.map((rep) => (
                <tr key={rep.memberId} data-testid="customer-report-row">
                  <th scope="row">{rep.name}</th>
                  {CLASSES.map((k) => (
                    <td key={k} data-label={m.classHeader(k)}>
                      {formatCount(rep.classes[k].customers, lang)}
                      {rep.classes[k].overdue > 0 && (
                        <span class="bad">
                          {' '}
                          · {m.overdue(formatCount(rep.classes[k].overdue, lang))}
                        </span>
                      )}
                    </td>
                  ))}
                  <td data-label={m.unclassified}>{formatCount(rep.unclassified, lang)}</td>
                  <td data-label={m.coverageA}>{coverage(rep, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {report.data && <p class="muted small">{m.asOf(report.data.today)}</p>}
    </section>
  );
}
