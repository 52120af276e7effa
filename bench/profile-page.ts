/**
 * CPU profile of one page rendered uncached many times, to see where a page's server time goes.
 * Run: node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/profile-page.ts <database url> <path> [times]
 */

import { openDatabase } from '../src/store/db.ts';
import { createAppForDatabase } from '../src/web/full-app.ts';

const [url = 'data/demo.sqlite', path = '/plans/mirai-2016', times = '100'] = process.argv.slice(2);
const handle = openDatabase(url);
const app = createAppForDatabase(handle.db, { cache: false });
for (let i = 0; i < 5; i++) await (await app.request(path)).text();
const cpu = process.cpuUsage();
const started = performance.now();
let bytes = 0;
for (let i = 0; i < Number(times); i++) bytes += (await (await app.request(path)).text()).length;
const used = process.cpuUsage(cpu);
console.log(
  `${path}: ${((used.user + used.system) / 1000 / Number(times)).toFixed(1)} ms CPU, ` +
    `${((performance.now() - started) / Number(times)).toFixed(1)} ms wall per render, ${Math.round(bytes / Number(times))} bytes`,
);
await handle.close();
