/**
 * Builds dist/ once before any test runs when the sources are newer, so tests that start `bin/mieruka.js`
 * run the code under test and do not each wait for the build.
 */
// @ts-expect-error scripts/build.js is plain JavaScript without type declarations.
import { ensureBuilt } from '../scripts/build.js';

export default function setup(): void {
  ensureBuilt();
}
