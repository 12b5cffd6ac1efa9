/**
 * A QR code of a link, drawn as SVG elements by Preact from `uqr`'s module matrix: the link is
 * encoded, never put into markup, so nothing in it can become HTML.
 */
import { encode } from 'uqr';

export function Qr({ text, label, size = 176 }: { text: string; label: string; size?: number }) {
  const { data } = encode(text, { ecc: 'M', border: 2 });
  const n = data.length;
  // One path of 1×1 squares: a few hundred rects would work too, but one node stays light.
  let d = '';
  data.forEach((row, y) => {
    row.forEach((dark, x) => {
      if (dark) d += `M${x} ${y}h1v1h-1z`;
    });
  });
  return (
    <svg
      class="qr"
      role="img"
      aria-label={label}
      width={size}
      height={size}
      viewBox={`0 0 ${n} ${n}`}
      shape-rendering="crispEdges"
      data-testid="qr"
    >
      <rect width={n} height={n} fill="#fff" />
      <path d={d} fill="#000" />
    </svg>
  );
}
