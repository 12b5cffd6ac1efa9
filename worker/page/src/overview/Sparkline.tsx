/** A member's running total over the period, drawn as a small line (cumulative, so it only rises). */
export function Sparkline({ daily, label }: { daily: readonly number[]; label: string }) {
  if (daily.length < 2) return <span class="muted">{'\u2014'}</span>;
  const width = 80;
  const height = 24;
  let running = 0;
  const cumulative = daily.map((v) => {
    running += v;
    return running;
  });
  const top = Math.max(1, running);
  const points = cumulative
    .map((v, i) => {
      const x = (i / (cumulative.length - 1)) * width;
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
    </svg>
  );
}
