/**
 * CPU milliseconds this thread spends in `work`. The thread's own time, not the process's: with `isolate: false`
 * a test shares its process with earlier files, whose garbage the collector's helper threads may still be marking
 * while the test runs; process-wide CPU time counted that work too (a 7 ms chart measured 22 ms in the full suite).
 * Node before 22.19 lacks `threadCpuUsage`, and there the process's time is the closest measure.
 */
export function cpuMsOf(work: () => void): number {
  const usage = process.threadCpuUsage ?? process.cpuUsage;
  const before = usage.call(process);
  work();
  const used = usage.call(process, before);
  return (used.user + used.system) / 1000;
}
