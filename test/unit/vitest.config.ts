import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'unit',
    root: new URL('../..', import.meta.url).pathname,
    include: ['test/unit/**/*.test.ts', 'test/unit/**/*.test.tsx'],
    environment: 'node',
  },
});
