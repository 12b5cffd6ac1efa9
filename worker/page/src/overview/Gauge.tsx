/**
 * The attainment gauge: a half dial from 0 to 150 %, the achieved arc, and a tick at each rung
 * of the incentive ladder (the first is the base line) and at 100 %. Figures are text beside it,
 * not only colour.
 */
const SCALE_MAX = 150;
const RADIUS = 80;
const CENTER = { x: 100, y: 100 };

function pointAt(percent: number, radius: number): { x: number; y: number } {
  const clamped = Math.max(0, Math.min(SCALE_MAX, percent));
  const angle = Math.PI * (1 - clamped / SCALE_MAX);
  return { x: CENTER.x + radius * Math.cos(angle), y: CENTER.y - radius * Math.sin(angle) };
}

function arc(toPercent: number): string {
  const start = pointAt(0, RADIUS);
  const end = pointAt(toPercent, RADIUS);
  return `M ${start.x} ${start.y} A ${RADIUS} ${RADIUS} 0 0 1 ${end.x.toFixed(2)} ${end.y.toFixed(2)}`;
}

function Tick({ percent, label }: { percent: number; label: string }) {
  const inner = pointAt(percent, RADIUS - 16);
  const outer = pointAt(percent, RADIUS + 10);
  const text = pointAt(percent, RADIUS + 20);
  return (
    <g class="tick">
      <line x1={inner.x} y1={inner.y} x2={outer.x} y2={outer.y} />
      <text x={text.x} y={text.y} text-anchor="middle">
        {label}
      </text>
    </g>
  );
}

export interface GaugeProps {
  percent: number | null;
  baseLine: number | null;
  /** Tier thresholds in percent. */
  ticks: readonly number[];
  label: string;
  percentText: string;
}

export function Gauge({ percent, baseLine, ticks, label, percentText }: GaugeProps) {
  const marks = [...new Set([...ticks, 100])].filter((x) => x > 0 && x <= SCALE_MAX);
  const reached = percent ?? 0;
  const tone = baseLine !== null && reached < baseLine ? 'behind' : reached >= 100 ? 'ahead' : 'on';
  return (
    <svg class={`gauge ${tone}`} viewBox="0 -8 200 118" role="img" aria-label={label}>
      <path class="track" d={arc(SCALE_MAX)} />
      {percent !== null && percent > 0 && <path class="value" d={arc(reached)} />}
      {marks.map((x) => (
        <Tick key={x} percent={x} label={`${x}%`} />
      ))}
      <text class="big" x={CENTER.x} y={CENTER.y - 8} text-anchor="middle">
        {percentText}
      </text>
    </svg>
  );
}
