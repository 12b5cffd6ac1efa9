/** The pill's ring: attainment of the primary target, capped visually at one full turn. */
/** Decorative: the pill button's own label says the percentage. */
export function ProgressRing({ percent }: { percent: number | null }) {
  const radius = 15;
  const circumference = 2 * Math.PI * radius;
  const filled = Math.min(1, Math.max(0, (percent ?? 0) / 100)) * circumference;
  return (
    <svg class="ring" viewBox="0 0 36 36" width="36" height="36" aria-hidden="true">
      <circle class="ring-track" cx="18" cy="18" r={radius} />
      <circle
        class="ring-fill"
        cx="18"
        cy="18"
        r={radius}
        stroke-dasharray={`${filled} ${circumference}`}
        transform="rotate(-90 18 18)"
      />
      <text x="18" y="21" text-anchor="middle" class="ring-text">
        {percent === null ? '–' : Math.round(percent)}
      </text>
    </svg>
  );
}
