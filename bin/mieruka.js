#!/usr/bin/env node
// Stops on a Node.js too old to run Mieruka before anything that needs a newer one is loaded, then runs the
// compiled command in dist/ (in a checkout, compiled first when src/ is newer; see scripts/build.js).
const needed = [22, 12];
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < needed[0] || (major === needed[0] && minor < needed[1])) {
  console.error(
    `Mieruka には Node.js ${needed.join('.')} 以上が必要です。この Node.js は ${process.versions.node} です。` +
      `Node.js 22 または 24 LTS を使ってください (Mieruka needs Node.js ${needed.join('.')} or newer; ` +
      `found ${process.versions.node}; use Node.js 22 or 24 LTS)`,
  );
  process.exit(1);
}
const { existsSync } = await import('node:fs');
const buildScript = new URL('../scripts/build.js', import.meta.url);
if (existsSync(buildScript)) {
  const { ensureBuilt } = await import(buildScript.href);
  ensureBuilt();
}
await import('../dist/cli.js');
