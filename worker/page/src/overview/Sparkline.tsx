/**
 * A member's running total over the period, drawn as a small line (cumulative, so it only rises).
 * The x axis spans the whole period; the line stops at `upTo` days (today), since days that have
 * not happened are not zero.
 */
export function Sparkline({
  daily,
  label,
  upTo,
}: {
  daily: readonly number[];
  label: string;
  upTo?: number | undefined;
}) {
  const days = daily.length;
  const drawn = daily.slice(0, upTo ?? days);
  if (days < 2 || drawn.length < 1) return <span class="muted">{'\u2014'}</span>;
  const width = 80;
  const height = 24;
  let running = 0;
  const cumulative = drawn.map((v) => {
    running += v;
    return running;
  });
  const top = Math.max(1, running);
  const points = cumulative
    .map((v, i) => {
      const x = (i / (days - 1)) * width;
      const y = height - 2 - (v / top) * (height - 4);
      return `${x.toFixed(1)},${y.toFixed(1)}`;
    })
    .join(' ');
  return (
    <svg
      class="sparkline"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={label}
    >
      <polyline points={points} />
      {/* Today's end of the line (alone on a period's first day). */}
      <circle
        cx={((cumulative.length - 1) / (days - 1)) * width}
        cy={height - 2 - (running / top) * (height - 4)}
        r="2"
      />
    </svg>
  );
}
