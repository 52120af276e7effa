import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    // PostgreSQL suites migrate a fresh schema per test under one advisory lock; on a busy 2-core machine that waits.
    hookTimeout: 180_000,
    globalSetup: ['./test/global-setup.ts'],
    setupFiles: ['./test/setup/cheap-passwords.ts'],
    reporters: ['default', './test/closing-line-reporter.ts'],
  },
});
