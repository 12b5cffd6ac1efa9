/**
 * A number that shows its new value at once (the same frame as the click) and flashes when it
 * changes: a new key remounts the span, which plays the `tick` animation (panel.css; none under
 * `prefers-reduced-motion`). The first value shown does not flash, so opening the panel is calm.
 */
import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';

export function Tick({ value, children }: { value: number; children?: ComponentChildren }) {
  const first = useRef(value);
  return (
    <span key={value} class={value === first.current ? undefined : 'tick'}>
      {children ?? value}
    </span>
  );
}
