/** A target spread over its period: one bar per day (week, month) or per month (quarter, year). */
export function TimeBars({
  buckets,
  show,
}: {
  buckets: [string, number][];
  show: (v: number) => string;
}) {
  const top = Math.max(1, ...buckets.map(([, v]) => v));
  return (
    <ol class="timebars">
      {buckets.map(([label, value]) => (
        <li key={label} title={`${label}: ${show(value)}`} data-value={value}>
          <span class="bar" style={{ height: `${(value / top) * 100}%` }} />
          <span class="label">{label}</span>
        </li>
      ))}
    </ol>
  );
}
