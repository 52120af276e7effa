/**
 * Reads a dataset folder (organization.yaml + plans/*.yaml) into one validated OrganizationDocument.
 * Errors name the file and the field, in Japanese and English, so an editor of the YAML can find them.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { type OrganizationDocument, organizationDocumentSchema, planSchema } from '../domain/model.ts';

export class DatasetError extends Error {
  constructor(
    readonly file: string,
    readonly issues: string[],
  ) {
    super(`${file}: ${issues.join('; ')}`);
    this.name = 'DatasetError';
  }
}

function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
}

async function readYaml(file: string, root: string): Promise<unknown> {
  try {
    return parseYaml(await readFile(file, 'utf8'));
  } catch (error) {
    throw new DatasetError(relative(root, file), [`YAML を読めません (cannot parse YAML): ${String(error)}`]);
  }
}

/** Loads `<dir>/organization.yaml` and every `<dir>/plans/*.yaml`, in file-name order. */
export async function loadDataset(dir: string): Promise<OrganizationDocument> {
  const orgFile = join(dir, 'organization.yaml');
  const head = (await readYaml(orgFile, dir)) as Record<string, unknown>;
  const planFiles = (await readdir(join(dir, 'plans'))).filter((f) => f.endsWith('.yaml')).sort();
  const plans: unknown[] = [];
  for (const name of planFiles) {
    const file = join(dir, 'plans', name);
    const raw = await readYaml(file, dir);
    const result = planSchema.safeParse(raw);
    if (!result.success) throw new DatasetError(relative(dir, file), describeIssues(result.error));
    plans.push(raw);
  }
  const result = organizationDocumentSchema.safeParse({ ...head, plans });
  if (!result.success) throw new DatasetError(relative(dir, orgFile), describeIssues(result.error));
  return result.data;
}

export const demoDatasetDir = new URL('../../data/demo/komoro/', import.meta.url).pathname;

/**
 * The demo's other organizations, each its own folder: 枚方市's published review results and 大船渡市's 事務事業評価
 * sheets of three programs, for the 行政評価 pages (Komoro's own results are not in the documents the demo could
 * draw on).
 */
export const otherDemoDatasetDirs = [
  new URL('../../data/demo/hirakata/', import.meta.url).pathname,
  new URL('../../data/demo/ofunato/', import.meta.url).pathname,
];
