/**
 * How far V8 lets the heap grow past what its last full collection found live. With gigabytes free it allows
 * about four times, so a long batch whose garbage is short-lived (build-static: pages, charts, workbooks) sits
 * on hundreds of MB it no longer needs: 3 synthetic organizations peaked at 454 MiB with ~70 MB live. Growing by
 * half (`--heap-growing-percent=50`) peaked at 368 MiB for about 4% more CPU (bench/static-build.ts, CHANGELOG).
 * The flag is process-wide and read at every full collection, so it applies from here on.
 */
import { setFlagsFromString } from 'node:v8';

export const batchHeapGrowthPercent = 50;

/** Lets the heap grow by `percent` past the live size, for the rest of the process. */
export function limitHeapGrowth(percent = batchHeapGrowthPercent): void {
  setFlagsFromString(`--heap-growing-percent=${percent}`);
}
