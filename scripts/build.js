/**
 * Compiles src/ to dist/ (plain JavaScript, the same folder layout, the CSS and browser scripts copied beside),
 * so the published command runs without a TypeScript loader.
 *
 * `node scripts/build.js` builds when dist/ is missing or older than any source; `--force` always builds.
 * bin/mieruka.js calls `ensureBuilt()` so `npm start` in a checkout never runs stale code.
 * The build goes to a temporary folder and replaces dist/ whole, under a lock, because test workers and a
 * developer's server may start the command at the same moment.
 */
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const srcDir = join(root, 'src');
const distDir = join(root, 'dist');
const stampFile = join(distDir, '.build-stamp');
const lockDir = join(root, '.dist-build.lock');
// Files that are not TypeScript but are read at run time next to the module that reads them.
const copiedExtensions = ['.css', '.js'];
const inputsBesideSrc = ['tsconfig.json', 'tsconfig.build.json', 'package.json'];

function* filesUnder(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(path);
    else yield path;
  }
}

function isTest(path) {
  return /\.test\.tsx?$/.test(path);
}

function newestSourceTime() {
  let newest = 0;
  for (const path of filesUnder(srcDir)) newest = Math.max(newest, statSync(path).mtimeMs);
  for (const name of inputsBesideSrc) {
    const path = join(root, name);
    if (existsSync(path)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/** True when src/ exists (a checkout, not an installed package) and dist/ is missing or older than it. */
export function isStale() {
  if (!existsSync(srcDir)) return false;
  if (!existsSync(stampFile)) return true;
  return newestSourceTime() > statSync(stampFile).mtimeMs;
}

function typescriptCompiler() {
  try {
    // The package's exports hide bin/; its package.json is exported and sits beside it.
    return join(dirname(createRequire(import.meta.url).resolve('typescript/package.json')), 'bin', 'tsc');
  } catch {
    return null;
  }
}

function copyAssets(outDir) {
  for (const path of filesUnder(srcDir)) {
    if (isTest(path) || !copiedExtensions.some((extension) => path.endsWith(extension))) continue;
    const target = join(outDir, relative(srcDir, path));
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(path, target);
  }
}

function compileInto(outDir) {
  const tsc = typescriptCompiler();
  if (!tsc) {
    throw new Error(
      'TypeScript が見つからないため dist/ を作れません。`npm install`（--omit=dev なし）を実行してください ' +
        '(cannot build dist/: TypeScript is not installed; run `npm install` without --omit=dev)',
    );
  }
  const result = spawnSync(
    process.execPath,
    [tsc, '-p', join(root, 'tsconfig.build.json'), '--outDir', outDir],
    {
      cwd: root,
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  if (result.status !== 0) {
    throw new Error(
      `TypeScript のコンパイルに失敗しました (the TypeScript build failed, exit ${result.status})`,
    );
  }
}

/** Compiles into a fresh folder, then swaps it in for dist/. */
export function build() {
  const outDir = `${distDir}.next-${process.pid}`;
  rmSync(outDir, { recursive: true, force: true });
  try {
    compileInto(outDir);
    copyAssets(outDir);
    writeFileSync(join(outDir, '.build-stamp'), `${new Date().toISOString()}\n`);
    const oldDir = `${distDir}.old-${process.pid}`;
    if (existsSync(distDir)) renameSync(distDir, oldDir);
    renameSync(outDir, distDir);
    rmSync(oldDir, { recursive: true, force: true });
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

function sleep(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function takeLock() {
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      mkdirSync(lockDir);
      return;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      // A build that died leaves its lock behind; no build takes two minutes.
      if (Date.now() - statSync(lockDir, { throwIfNoEntry: false })?.mtimeMs > 120_000) {
        rmSync(lockDir, { recursive: true, force: true });
      } else if (Date.now() > deadline) {
        throw new Error(`dist/ のビルドを待ちきれません (timed out waiting for another build: ${lockDir})`);
      }
      sleep(100);
    }
  }
}

/** Builds dist/ when it is stale (see isStale), once even when several processes ask at the same time. */
export function ensureBuilt({ force = false, log = (line) => process.stderr.write(`${line}\n`) } = {}) {
  if (!force && !isStale()) return false;
  takeLock();
  try {
    // Another process may have built it while this one waited for the lock.
    if (!force && !isStale()) return false;
    const started = Date.now();
    log('dist/ をビルドしています (building dist/ from src/)…');
    build();
    log(`dist/ をビルドしました (built dist/ in ${((Date.now() - started) / 1000).toFixed(1)} s)`);
    return true;
  } finally {
    rmSync(lockDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    ensureBuilt({ force: process.argv.includes('--force') });
  } catch (error) {
    console.error(error.message);
    process.exitCode = 1;
  }
}
