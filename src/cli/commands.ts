/** Every `mieruka` command. To add one, write a module under src/cli/ and list it here. */
import { buildStaticCommand } from './build-static.ts';
import type { CliCommand } from './command.ts';
import { exportCommand } from './export.ts';
import { importCommand } from './import.ts';
import { importTextCommand } from './import-text.ts';
import { migrateCommand } from './migrate.ts';
import { reportCommand } from './report.ts';
import { seedCommand } from './seed.ts';
import { serveCommand } from './serve.ts';
import { userCommand } from './user.ts';
import { verifyCommand } from './verify.ts';

export const commands: readonly CliCommand[] = [
  serveCommand,
  migrateCommand,
  seedCommand,
  importTextCommand,
  exportCommand,
  importCommand,
  reportCommand,
  buildStaticCommand,
  userCommand,
  verifyCommand,
];
