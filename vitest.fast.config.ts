/**
 * `npm run test:fast`: the domain, SQLite and route tests, without PostgreSQL or a browser, in under a minute.
 * `npm test` runs everything.
 */
import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.ts';

export default mergeConfig(
  base,
  defineConfig({
    test: {
      exclude: ['test/browser/**', '**/node_modules/**'],
      // test/helpers/databases.ts then offers SQLite only; the run needs no database of its own on a server.
      env: { MIERUKA_SKIP_POSTGRES: '1' },
      globalSetup: [],
    },
  }),
);
