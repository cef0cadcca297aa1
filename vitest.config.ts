import { defineConfig } from 'vitest/config';

/** Unit and integration tests live next to the code they test (`*.test.ts`). */
export default defineConfig({
  // `@engine/*`, `@service/*`: tsconfig.json's `paths`, as in the builds.
  resolve: { tsconfigPaths: true },
  test: {
    include: ['engine/**/*.test.ts', 'cli/**/*.test.ts', 'service/**/*.test.ts', 'electron/**/*.test.ts', 'renderer/**/*.test.ts', 'renderer/**/*.test.tsx', 'scripts/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    pool: 'forks',
  },
});
