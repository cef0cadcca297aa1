/**
 * End-to-end tests against the local host (a fresh temporary data folder per test, see
 * e2e/fixtures.ts) in Debian's Chromium: Playwright's own browsers cannot be downloaded here.
 */
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'e2e',
  // Benchmarks (frame times) are not tests: `npm run bench:ui` runs them.
  testIgnore: process.env.OFFERFLOW_BENCH ? [] : ['**/*-bench.spec.ts'],
  globalSetup: './e2e/global-setup.ts',
  // Separate folders let several people run suites at once (each run empties its folder first).
  outputDir: process.env.OFFERFLOW_E2E_OUT ?? 'test-results',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 2,
  fullyParallel: false,
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  use: {
    browserName: 'chromium',
    headless: true,
    viewport: { width: 1440, height: 900 },
    screenshot: 'on',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.OFFERFLOW_CHROMIUM ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
});
