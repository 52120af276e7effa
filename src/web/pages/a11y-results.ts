/**
 * The latest accessibility test results the /accessibility page states. The browser test writes them to
 * test-output/a11y-results.json (fresh) and docs/a11y-results.json (committed); the fresh file wins.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';

export const a11yResultsSchema = z.object({
  testedAt: z.string(),
  axeVersion: z.string(),
  rules: z.string(),
  pages: z.array(z.object({ name: z.string(), path: z.string(), width: z.number(), violations: z.number() })),
  violations: z.number().int().nonnegative(),
});
export type A11yResults = z.infer<typeof a11yResultsSchema>;

const root = new URL('../../../', import.meta.url);
export const a11yResultFiles = [
  new URL('test-output/a11y-results.json', root),
  new URL('docs/a11y-results.json', root),
];

/** The first readable, valid results file of `files`, or null when there is none. */
export async function readA11yResults(files: readonly URL[] = a11yResultFiles): Promise<A11yResults | null> {
  for (const file of files) {
    const text = await readFile(file, 'utf8').catch(() => null);
    if (text === null) continue;
    const parsed = a11yResultsSchema.safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data;
  }
  return null;
}
