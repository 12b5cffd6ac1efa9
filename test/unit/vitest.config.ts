import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'unit',
    root: new URL('../..', import.meta.url).pathname,
    // Unit tests sit beside the module they test; test/unit/ keeps the cross-cutting ones.
    include: ['{shared,extension,worker}/**/*.test.{ts,tsx}', 'test/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
  },
});
