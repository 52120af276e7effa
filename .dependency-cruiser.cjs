/**
 * The layers of src/ point one way: domain ← store ← io ← web ← cli (src/cli.ts, the entry, is the top). A module
 * may import its own layer and the layers to its left, never one to its right; src/domain does no I/O; no module
 * takes part in a cycle. `npm run check` (so `npm test`) runs this as `npm run check:layers`.
 *
 * Tests (bench/, test/ and the *.test.ts beside the code) may import any layer: a domain test may read the demo
 * through io, a web test may run a command. They are still checked for cycles, and shipped code may not import them.
 *
 * Type-only imports count too: a lower layer that names a higher layer's type still depends on it. The parser is
 * swc because dependency-cruiser cannot use TypeScript 7's compiler yet; swc sees `import type` all the same.
 */

const testFile = '\\.test\\.tsx?$';

/** @param {string} layer @param {string[]} higher */
const layerRule = (layer, higher) => ({
  name: `${layer}-imports-no-higher-layer`,
  comment: `src/${layer} may not import ${higher.map((name) => `src/${name}`).join(', ')} (layers: domain ← store ← io ← web ← cli)`,
  severity: 'error',
  from: { path: `^src/${layer}/`, pathNot: testFile },
  to: { path: `^src/(${higher.join('|')})(/|\\.ts$)` },
});

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    layerRule('domain', ['store', 'io', 'web', 'cli']),
    layerRule('store', ['io', 'web', 'cli']),
    layerRule('io', ['web', 'cli']),
    layerRule('web', ['cli']),
    {
      name: 'domain-does-no-io',
      comment: 'src/domain is pure: no file system, processes, network or database drivers',
      severity: 'error',
      from: { path: '^src/domain/', pathNot: testFile },
      to: {
        dependencyTypes: ['core', 'npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-no-pkg', 'npm-unknown'],
        path: [
          '^(node:)?(fs|fs/promises|child_process|net|tls|http|https|http2|dgram|dns|cluster|worker_threads|readline|repl|sqlite)$',
          '^(better-sqlite3|pg|kysely|hono|@hono/)',
        ],
      },
    },
    {
      name: 'no-cycles',
      comment: 'No module of src/ may reach itself again through its imports',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'src-imports-no-tests',
      comment: 'Shipped code may not import test helpers, fixtures or benchmarks',
      severity: 'error',
      from: { path: '^src/', pathNot: testFile },
      to: { path: ['^test/', '^bench/', testFile] },
    },
  ],
  options: {
    parser: 'swc',
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^dist/'] },
    moduleSystems: ['es6'],
    enhancedResolveOptions: {
      extensions: ['.ts', '.tsx', '.js', '.json'],
      conditionNames: ['import', 'node', 'default'],
    },
    cache: false,
  },
};
