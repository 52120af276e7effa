/**
 * `npm run test:fast`: the domain, SQLite and route tests, in under a minute: no PostgreSQL, no browser (test/browser
 * here, tests tagged `browser` or `slow` through the script's --tags-filter). `npm test` runs everything.
 */
import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.ts';

export default mergeConfig(
  base,
  defineConfig({
    test: {
      exclude: ['test/browser/**', '**/node_modules/**'],
      // test/helpers/databases.ts then offers SQLite only, so no PostgreSQL database is set up; dist/ is still
      // built once, for the tests that run bin/mieruka.js.
      env: { MIERUKA_SKIP_POSTGRES: '1' },
      globalSetup: ['./test/build-setup.ts'],
    },
  }),
);
