#!/usr/bin/env node
/**
 * Keeps the Dockerfile from rotting unnoticed. Where a Docker engine answers (`docker info`), it builds the image,
 * runs it, and fetches /healthz, /readyz and a demo page. Elsewhere (our machines have the docker client but no
 * engine, and reach no image registry) it runs the Dockerfile's own steps for real: it reads the Dockerfile, copies
 * what each COPY copies (honouring .dockerignore) into a temporary folder per stage, runs the npm and node commands
 * of each RUN there, then starts the final stage's CMD with the image's ENV (a free port and a temporary SQLite file
 * instead of the volume), runs its HEALTHCHECK, fetches the pages, and stops it with SIGTERM. System steps (apt-get,
 * mkdir, chown) need the image and are skipped, each named in the output. Nothing is left behind.
 *
 * Usage: node .ci/container-check.js [--steps] [--port N] [--dockerfile FILE]
 *   --steps            run the Dockerfile's steps even when a Docker engine answers
 *   --port N           the host port to serve on (default: a free one)
 *   --dockerfile FILE  another Dockerfile, with this repository as its context (the tests use a broken one)
 * Exits 0 when every check passed, 1 otherwise.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, dirname, join, posix, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const say = (line) => console.log(`container-check: ${line}`);

// ---- reading a Dockerfile ----

/**
 * The instructions of a Dockerfile, continuation lines joined and comments dropped.
 * @example dockerfileInstructions('FROM node:22 AS build\nRUN npm ci \\\n  && npm test') // [{ keyword: 'FROM', … }, …]
 */
export function dockerfileInstructions(text) {
  const instructions = [];
  let pending = '';
  let startLine = 0;
  for (const [index, raw] of text.split(/\r?\n/).entries()) {
    const line = raw.trim();
    if (line.startsWith('#') || (line === '' && pending === '')) continue;
    if (pending === '') startLine = index + 1;
    const continued = line.endsWith('\\');
    pending += `${continued ? line.slice(0, -1) : line} `;
    if (continued) continue;
    const [, keyword = '', args = ''] = /^(\S+)\s*(.*)$/.exec(pending.trim()) ?? [];
    instructions.push({ keyword: keyword.toUpperCase(), args: args.replace(/\s+/g, ' '), line: startLine });
    pending = '';
  }
  return instructions;
}

/** The stages of a Dockerfile: `FROM image [AS name]` and the instructions after it. */
export function stagesOf(instructions) {
  const stages = [];
  for (const instruction of instructions) {
    if (instruction.keyword === 'FROM') {
      const [image = '', as, name] = instruction.args.split(' ');
      stages.push({
        image,
        name: as?.toUpperCase() === 'AS' ? name : String(stages.length),
        instructions: [],
      });
    } else if (stages.length > 0) {
      stages.at(-1).instructions.push(instruction);
    }
  }
  return stages;
}

/** `COPY [--from=stage] [--chown=…] src… dest`, e.g. `{ from: 'build', sources: ['/app/dist'], dest: './dist' }`. */
export function parseCopy(args) {
  const words = args.split(' ');
  const flags = Object.fromEntries(
    words.filter((w) => w.startsWith('--')).map((w) => w.slice(2).split('=', 2)),
  );
  const paths = words.filter((w) => !w.startsWith('--'));
  return { from: flags.from, sources: paths.slice(0, -1), dest: paths.at(-1) ?? '' };
}

/** `ENV A=1 B="two words"` (or the old `ENV A 1`) as an object. */
export function parseEnv(args) {
  if (!/^[A-Za-z_][A-Za-z0-9_]*=/.test(args)) {
    const [name, ...value] = args.split(' ');
    return { [name]: value.join(' ') };
  }
  const env = {};
  for (const [, name, quoted, plain] of args.matchAll(/([A-Za-z_][A-Za-z0-9_]*)=(?:"([^"]*)"|(\S*))/g)) {
    env[name] = quoted ?? plain;
  }
  return env;
}

/** A RUN, CMD or ENTRYPOINT as an argument list: the JSON (exec) form, or the shell form through sh -c. */
export function commandOf(args) {
  if (args.startsWith('[')) return JSON.parse(args);
  return ['/bin/sh', '-c', args];
}

/**
 * A shell RUN split at its top-level `&&`, each part marked: npm and node commands run here; anything else
 * (apt-get, mkdir, chown…) changes the image's system and is skipped.
 * @example runParts('apt-get update && npm ci') // [{ command: 'apt-get update', runs: false }, { command: 'npm ci', runs: true }]
 */
export function runParts(shell) {
  return shell
    .split(/\s+&&\s+/)
    .map((command) => command.trim())
    .filter(Boolean)
    .map((command) => ({ command, runs: /^(npm|npx|node)\s/.test(command) }));
}

/** .dockerignore patterns as a test on a context-relative path (`*`, `?`, `**`, and `!` exceptions). */
export function dockerignoreMatcher(text) {
  const rules = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const negated = line.startsWith('!');
      const pattern = posix.normalize((negated ? line.slice(1) : line).replace(/^\/+/, ''));
      const source = pattern
        .split('/')
        .map((part) =>
          part === '**'
            ? '.*'
            : part
                .replace(/[.+^${}()|[\]\\]/g, '\\$&')
                .replace(/\*/g, '[^/]*')
                .replace(/\?/g, '[^/]'),
        )
        .join('/')
        .replace(/\.\*\//g, '(?:.*/)?');
      // A pattern naming a folder excludes everything in it.
      return { negated, regex: new RegExp(`^${source}(?:/.*)?$`) };
    });
  return (path) => {
    let ignored = false;
    for (const rule of rules) if (rule.regex.test(path)) ignored = !rule.negated;
    return ignored;
  };
}

// ---- running ----

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function mustRun(command, args, options = {}) {
  const started = performance.now();
  const result = spawnSync(command, args, { stdio: 'inherit', timeout: 300_000, ...options });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    throw new Error(
      `${[command, ...args].join(' ')} failed (exit ${result.status ?? result.signal}, ${seconds} s)`,
    );
  }
  return seconds;
}

async function fetchStatus(url) {
  try {
    const response = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(10_000) });
    return { status: response.status, text: await response.text() };
  } catch (error) {
    return { status: 0, text: String(error) };
  }
}

async function waitFor(what, check, child, seconds = 120) {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null)
      throw new Error(`the app exited (${child.exitCode}) before ${what}`);
    if (await check()) return;
    await sleep(500);
  }
  throw new Error(`no ${what} within ${seconds} s`);
}

/** The pages every run checks once the app answers. */
async function checkPages(base) {
  const health = await fetchStatus(`${base}/healthz`);
  if (health.status !== 200)
    throw new Error(`/healthz answered ${health.status}: ${health.text.slice(0, 200)}`);
  say('/healthz 200');
  const ready = await fetchStatus(`${base}/readyz`);
  if (ready.status !== 200) throw new Error(`/readyz answered ${ready.status}: ${ready.text.slice(0, 200)}`);
  say('/readyz 200');
  const home = await fetchStatus(`${base}/`);
  if (home.status !== 200 || !home.text.includes('小諸')) {
    throw new Error(`the demo home page answered ${home.status} without 小諸 (Komoro)`);
  }
  const plan = await fetchStatus(`${base}/plans/mirai-2016`);
  if (plan.status !== 200 || !plan.text.includes('こもろ未来プロジェクト')) {
    throw new Error(`/plans/mirai-2016 answered ${plan.status} without its title`);
  }
  say('demo pages 200: / and /plans/mirai-2016');
}

// ---- with a Docker engine ----

async function checkWithEngine(root, dockerfile, port) {
  const tag = `mieruka-container-check:${process.pid}`;
  const name = `mieruka-container-check-${process.pid}`;
  try {
    say(`docker build (${mustRun('docker', ['build', '--tag', tag, '--file', dockerfile, root])} s)`);
    mustRun('docker', ['run', '--detach', '--name', name, '--publish', `127.0.0.1:${port}:8080`, tag], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const base = `http://127.0.0.1:${port}`;
    await waitFor('answer on /healthz', async () => (await fetchStatus(`${base}/healthz`)).status === 200);
    await checkPages(base);
    mustRun('docker', ['stop', '--time', '20', name], { stdio: ['ignore', 'ignore', 'inherit'] });
  } finally {
    spawnSync('docker', ['rm', '--force', name], { stdio: 'ignore' });
    spawnSync('docker', ['image', 'rm', '--force', tag], { stdio: 'ignore' });
  }
}

// ---- without one: the Dockerfile's steps, run for real ----

class StepRunner {
  constructor(root, work) {
    this.root = root;
    this.work = work;
    const ignoreFile = join(root, '.dockerignore');
    this.ignored = dockerignoreMatcher(existsSync(ignoreFile) ? readFileSync(ignoreFile, 'utf8') : '');
    this.stages = new Map();
  }

  /** Where a path of a stage's file system is in the temporary folder. */
  place(stage, path) {
    return join(this.work, `stage-${stage.name}`, posix.resolve(stage.workdir, path));
  }

  copy(stage, { from, sources, dest }) {
    const fromStage = from === undefined ? undefined : this.stages.get(from);
    if (from !== undefined && fromStage === undefined) throw new Error(`COPY --from=${from}: no such stage`);
    const target = this.place(stage, dest);
    const intoFolder = dest.endsWith('/') || dest === '.' || sources.length > 1;
    for (const source of sources) {
      const path = fromStage ? this.place(fromStage, source) : join(this.root, source);
      if (!existsSync(path)) throw new Error(`COPY ${source}: not found`);
      const to = intoFolder ? join(target, basename(source)) : target;
      mkdirSync(dirname(to), { recursive: true });
      cpSync(path, to, {
        recursive: true,
        verbatimSymlinks: true,
        filter: (file) =>
          fromStage !== undefined || !this.ignored(relative(this.root, file).split(sep).join('/')),
      });
    }
  }

  run(stage, args) {
    const [shell, flag, script] = commandOf(args);
    if (shell !== '/bin/sh' || flag !== '-c')
      throw new Error(`RUN in exec form is not supported here: ${args}`);
    const cwd = this.place(stage, '.');
    mkdirSync(cwd, { recursive: true });
    for (const part of runParts(script)) {
      if (!part.runs) {
        say(`  skipped (a system step that needs the image): ${part.command}`);
        continue;
      }
      const env = { ...machineEnv(), ...stage.env };
      // The same command, served from the local npm cache when it holds the locked versions.
      env.npm_config_prefer_offline = process.env.npm_config_prefer_offline ?? 'true';
      env.npm_config_update_notifier = 'false';
      say(`  ran ${part.command} (${mustRun('/bin/sh', ['-c', part.command], { cwd, env })} s)`);
    }
  }

  /** Runs every stage's steps; returns the last stage. */
  build(stages) {
    for (const [index, { image, name, instructions }] of stages.entries()) {
      const stage = { name, image, workdir: '/', env: {}, index };
      this.stages.set(name, stage);
      say(`stage ${name} (FROM ${image})`);
      warnOnNodeVersion(image);
      for (const { keyword, args, line } of instructions) this.step(stage, keyword, args, line);
    }
    return this.stages.get(stages.at(-1).name);
  }

  step(stage, keyword, args, line) {
    if (keyword === 'WORKDIR') stage.workdir = posix.resolve(stage.workdir, args);
    else if (keyword === 'ENV') Object.assign(stage.env, parseEnv(args));
    else if (keyword === 'COPY') this.copy(stage, parseCopy(args));
    else if (keyword === 'RUN') this.run(stage, args);
    else if (['CMD', 'ENTRYPOINT', 'HEALTHCHECK', 'EXPOSE', 'USER', 'VOLUME'].includes(keyword)) {
      stage[keyword.toLowerCase()] = args;
      return;
    } else if (keyword !== 'ARG' && keyword !== 'LABEL') {
      throw new Error(`Dockerfile line ${line}: ${keyword} is not handled by this check`);
    }
    if (keyword === 'COPY' || keyword === 'WORKDIR') say(`  ${keyword} ${args}`);
  }
}

// Set by a parent npm or test run, or settings of the app: they would change what the build does.
const notForTheBuild = /^(npm_|VITEST|NODE_ENV$|NODE_OPTIONS$|MIERUKA_|DATABASE_URL$|PORT$|HOST$|LOG_LEVEL$)/;

/** This machine's environment less what would change the build: its network settings (proxy, CA) still apply. */
function machineEnv() {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !notForTheBuild.test(name)));
}

function warnOnNodeVersion(image) {
  const major = /^node:(\d+)/.exec(image)?.[1];
  const ours = process.versions.node.split('.')[0];
  if (major !== undefined && major !== ours) {
    say(
      `  note: the image runs Node ${major}; these steps run on this machine's Node ${process.versions.node}`,
    );
  }
}

/** What the final image must hold: the compiled command, runtime packages only, and no sources to rebuild. */
function checkImageFiles(runner, stage) {
  const at = (path) => existsSync(runner.place(stage, path));
  const problems = [
    ...['bin/mieruka.js', 'dist/cli.js', 'data/demo', 'node_modules/playwright-core']
      .filter((path) => !at(path))
      .map((path) => `${path} is missing`),
    ...['src', 'node_modules/typescript', 'node_modules/vitest', 'node_modules/tsx']
      .filter((path) => at(path))
      .map((path) => `${path} should not be in the image`),
  ];
  if (problems.length > 0) throw new Error(`the final stage: ${problems.join('; ')}`);
  say('final stage holds dist/ and runtime packages only (no src/, TypeScript, tsx or vitest)');
}

/** The final stage's command, less a tini ENTRYPOINT (an init process from apt, not in this machine's PATH). */
function startCommand(stage) {
  const entrypoint = stage.entrypoint ? commandOf(stage.entrypoint) : [];
  const command = commandOf(stage.cmd ?? '');
  if (entrypoint.length > 0 && !/tini$/.test(entrypoint[0])) return [...entrypoint, ...command];
  if (entrypoint.length > 0) say(`  runs CMD without the ENTRYPOINT ${entrypoint.join(' ')} (from apt)`);
  return command;
}

const nodeOf = (command) => (command[0] === 'node' ? [process.execPath, ...command.slice(1)] : command);

async function runHealthcheck(stage, cwd, env) {
  const args = stage.healthcheck?.replace(/^(--\S+\s+)*CMD\s+/, '');
  if (!args) throw new Error('the Dockerfile has no HEALTHCHECK');
  const [command, ...rest] = nodeOf(commandOf(args));
  return spawnSync(command, rest, { cwd, env, stdio: 'ignore', timeout: 10_000 }).status === 0;
}

async function checkBySteps(root, dockerfile, port) {
  const stages = stagesOf(dockerfileInstructions(readFileSync(dockerfile, 'utf8')));
  if (stages.length === 0) throw new Error('the Dockerfile has no FROM');
  const work = mkdtempSync(join(tmpdir(), 'mieruka-container-check-'));
  let app;
  try {
    const runner = new StepRunner(root, work);
    const final = runner.build(stages);
    checkImageFiles(runner, final);
    const cwd = runner.place(final, '.');
    const env = {
      ...machineEnv(),
      HOME: work,
      ...final.env,
      PORT: String(port),
      DATABASE_URL: join(work, 'mieruka.sqlite'),
    };
    say(
      `starting the app with the image's ENV (HOST=${env.HOST ?? '(unset)'}), PORT=${port}, a temporary SQLite file`,
    );
    const [command, ...args] = nodeOf(startCommand(final));
    app = spawn(command, args, { cwd, env, stdio: ['ignore', 'ignore', 'inherit'] });
    await waitFor('passing HEALTHCHECK', () => runHealthcheck(final, cwd, env), app);
    say('the HEALTHCHECK command passes');
    await checkPages(`http://127.0.0.1:${port}`);
    const exited = new Promise((resolve) => app.once('exit', (code, signal) => resolve(code ?? signal)));
    app.kill('SIGTERM');
    const code = await Promise.race([exited, sleep(20_000).then(() => 'no exit within 20 s')]);
    if (code !== 0) throw new Error(`the app did not stop cleanly on SIGTERM: ${code}`);
    say('stopped cleanly on SIGTERM');
  } finally {
    if (app && app.exitCode === null && app.signalCode === null) app.kill('SIGKILL');
    rmSync(work, { recursive: true, force: true });
  }
}

async function main(argv) {
  const started = performance.now();
  const root = fileURLToPath(new URL('..', import.meta.url));
  const option = (name) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
  const port = option('--port') === undefined ? await freePort() : Number(option('--port'));
  const dockerfile = resolve(root, option('--dockerfile') ?? 'Dockerfile');
  const engine =
    !argv.includes('--steps') &&
    spawnSync('docker', ['info'], { stdio: 'ignore', timeout: 20_000 }).status === 0;
  try {
    if (engine) {
      say('a Docker engine answers: building and running the image');
      await checkWithEngine(root, dockerfile, port);
    } else {
      say("no Docker engine (or --steps): running the Dockerfile's steps without one");
      await checkBySteps(root, dockerfile, port);
    }
  } catch (error) {
    say(`FAILED: ${error.message}`);
    return 1;
  }
  const how = engine ? 'image built and run' : 'Dockerfile steps run, system steps skipped';
  say(`passed in ${((performance.now() - started) / 1000).toFixed(1)} s (${how})`);
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exitCode = await main(process.argv.slice(2));
}
