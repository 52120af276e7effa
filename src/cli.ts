/** The `mieruka` command line, run by bin/mieruka.js. See `mieruka --help`. */
import { runCli } from './cli/run.ts';

try {
  process.exitCode = await runCli(process.argv.slice(2));
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
