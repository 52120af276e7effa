/**
 * `mieruka build-static <dir> [--organization <code|id>]`: writes the whole public site as static files (both
 * languages, stylesheets, downloads, a browser-side search) with relative links, for any static host or for
 * opening from disk; with `--organization`, only that organization's site, for its own CDN (docs/multi-node.md).
 * Migrates the database and, like serve, seeds the demo into an empty one.
 */
import { resolve } from 'node:path';
import { organizationByReference } from '../domain/organization-ref.ts';
import { buildStaticSite } from '../io/static-site/index.ts';
import { organizationReadStore } from '../store/organization-read-store.ts';
import { createReadStore } from '../store/queries.ts';
import { createAppForDatabase } from '../web/full-app.ts';
import { type CliIo, parseCommandArgs, UsageError } from './command.ts';
import { openMigratedDatabase } from './database.ts';
import { limitHeapGrowth } from './heap-growth.ts';
import { startProgress } from './progress/index.ts';
import { seedDemoIfEmpty } from './seed-if-empty.ts';

export interface BuildStaticOptions {
  outDir: string;
  /** No progress lines. */
  quiet: boolean;
  /** One organization's site only: its id or 全国地方公共団体コード. */
  organization?: string;
}

async function buildSite({ outDir, quiet, organization }: BuildStaticOptions, io: CliIo): Promise<number> {
  const handle = await openMigratedDatabase(io);
  if (!handle) return 1;
  limitHeapGrowth();
  const progress = startProgress(io, 'build-static', quiet);
  try {
    await seedDemoIfEmpty(handle, io);
    const everything = createReadStore(handle.db);
    let organizationId: string | undefined;
    if (organization !== undefined) {
      organizationId = organizationByReference(await everything.listOrganizations(), organization)?.id;
      if (organizationId === undefined) {
        progress.stop();
        io.err(`団体が見つかりません (organization not found): ${organization}`);
        return 1;
      }
    }
    const store =
      organizationId === undefined ? everything : organizationReadStore(everything, organizationId);
    const app = createAppForDatabase(handle.db, { ...(organizationId !== undefined && { organizationId }) });
    const result = await buildStaticSite({ app, store, outDir, onProgress: progress.onProgress });
    progress.stop();
    for (const page of result.missing) {
      io.err(
        `ページがありません (page missing): ${page.url} → ${page.status} (linked from ${page.from || 'start'})`,
      );
    }
    io.out(
      `${result.fileCount} ファイルを書き出しました (wrote ${result.fileCount} files, ${result.searchEntries} search entries): ${outDir}`,
    );
    return result.missing.length === 0 ? 0 : 1;
  } finally {
    progress.stop();
    await handle.close();
  }
}

/** Reads `<dir> [--quiet] [--organization <code|id>]`. */
export function parseBuildStaticOptions(args: string[]): BuildStaticOptions {
  const parsed = parseCommandArgs(args, { quiet: { type: 'boolean' }, organization: { type: 'string' } });
  const [dir, ...extra] = parsed.positionals;
  if (dir === undefined || extra.length > 0) {
    throw new UsageError('書き出し先のフォルダを 1 つ指定してください (give exactly one output folder)');
  }
  const organization = parsed.values.organization;
  if (organization !== undefined && organization.trim() === '') {
    throw new UsageError(
      '--organization には団体の ID かコードを指定してください (give an organization id or code)',
    );
  }
  return {
    outDir: resolve(dir),
    quiet: parsed.values.quiet === true,
    ...(organization !== undefined && { organization: organization.trim() }),
  };
}

/** Runs `mieruka build-static`; resolves with 1 when a linked page is missing. */
export async function runBuildStatic(args: string[], io: CliIo): Promise<number> {
  return buildSite(parseBuildStaticOptions(args), io);
}
