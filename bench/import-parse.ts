/**
 * How fast a large observations CSV goes through decode + parse + validate (no database).
 * Run: npx tsx bench/import-parse.ts
 */
import { readTableFile } from '../src/io/tables/index.ts';

const rowCount = 100_000;
// Printed forms from seed 1 (line 99) and seed 2, so the number and date parsers do real work.
const values = ['102件', '3,536千円', '3億4300万', '約3200時間', '19.8%', '23億2107万円余'];
const dates = ['H28', '平成30年度', '令和元年度', '2020-01', 'R2.1.15', 'FY2023'];

function generateCsv(rows: number): string {
  const lines = ['indicatorId,date,value,sourceDocumentId,sourceLine,sourceQuote'];
  for (let i = 0; i < rows; i += 1) {
    const value = values[i % values.length]!;
    lines.push(
      `bench.i.${i % 500},${dates[i % dates.length]},"${value}",komoro-pride-vol5,${(i % 200) + 1},"${value}"`,
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

const bytes = new TextEncoder().encode(generateCsv(rowCount));
// One warm-up run so the timing measures the steady state, not the JIT.
await readTableFile(new TextEncoder().encode(generateCsv(5_000)), { file: 'warmup.csv' });
const cpuBefore = process.cpuUsage();
const started = performance.now();
const result = await readTableFile(bytes, { file: 'bench.csv' });
const seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuBefore);
// CPU time as well as wall time: on a shared machine the wall clock mostly measures the neighbours.
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
if (!result.ok) {
  console.error(result.errors.slice(0, 5));
  process.exit(1);
}
console.log(
  `${result.rows.length.toLocaleString('en-US')} rows (${(bytes.length / 1024 / 1024).toFixed(1)} MB) ` +
    `decoded, parsed and validated in ${seconds.toFixed(2)} s: ${Math.round(result.rows.length / seconds).toLocaleString('en-US')} rows/s ` +
    `(CPU ${cpuSeconds.toFixed(2)} s, including garbage collection threads)`,
);
