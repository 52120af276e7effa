import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // One process per worker for every file it runs, not one per file: loading the app's modules (Hono, Kysely,
    // ExcelJS, ECharts) again for each of 135 files cost most of the suite's CPU, and the databases the helpers
    // copy from (test/helpers/databases.ts) are then made once per worker. So no test may mock modules or leave
    // globals or process.env changed behind it (none does).
    isolate: false,
    // Tests wait on PostgreSQL, Chromium and child processes much of the time: on two cores a second worker
    // fills that wait (full suite 149 s against 200 s with Vitest's default of one); a third only added overhead
    // (test:fast 36 s against 29 s).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // `npm run test:fast` leaves these out (--tags-filter); `npm test` runs them.
    tags: [
      { name: 'browser', description: 'Starts Chromium.' },
      {
        name: 'slow',
        description: 'Starts the command line as a process, or builds the whole demo site.',
      },
    ],
    globalSetup: ['./test/build-setup.ts', './test/global-setup.ts'],
    setupFiles: ['./test/setup/cheap-passwords.ts'],
    reporters: ['default', './test/closing-line-reporter.ts'],
  },
});
