/**
 * A Frictionless Data Package (v1) descriptor for a plan's CSV files, so open-data portals and tools such as
 * frictionless-py read the columns' types and the links between the tables without guessing.
 * https://specs.frictionlessdata.io/data-package/
 */
import type { Plan } from '../../domain/model.ts';
import type { CsvEncoding } from './csv-encoding.ts';
import type { ExportTable } from './export-table.ts';

export interface DataPackageOptions {
  encoding: CsvEncoding;
  /** The organization publishing the data, for the package's title and contributor. */
  organizationName?: string;
}

/** The license every export carries: the demo's sources are public newsletters, the data is open. */
export const exportLicense = {
  name: 'CC-BY-4.0',
  path: 'https://creativecommons.org/licenses/by/4.0/',
  title: 'Creative Commons Attribution 4.0',
} as const;

/** The file name a table is written to, e.g. "nodes.csv". */
export const csvFileName = (table: Pick<ExportTable, 'name'>): string => `${table.name}.csv`;

// The package spec wants a lowercase name of a-z, 0-9, - . _ only; record ids already are.
const packageName = (plan: Pick<Plan, 'id'>) => `mieruka-${plan.id}`;

function resource(table: ExportTable, encoding: CsvEncoding) {
  return {
    name: table.name,
    path: csvFileName(table),
    title: table.title,
    profile: 'tabular-data-resource',
    format: 'csv',
    mediatype: 'text/csv',
    // "shift_jis" is the IANA preferred name; the bytes are its CP932 superset as Excel writes it.
    encoding,
    dialect: { delimiter: ',', lineTerminator: '\r\n', quoteChar: '"', doubleQuote: true, header: true },
    schema: {
      fields: table.columns.map((c) => ({
        name: c.name,
        title: c.title,
        description: c.description,
        type: c.type,
        ...(c.type === 'boolean' && { trueValues: ['true'], falseValues: ['false'] }),
      })),
      missingValues: [''],
      ...(table.primaryKey && { primaryKey: [...table.primaryKey] }),
      ...(table.foreignKeys && {
        foreignKeys: table.foreignKeys.map((fk) => ({
          fields: fk.fields,
          // The spec names the table itself with an empty resource.
          reference: {
            ...fk.reference,
            resource: fk.reference.resource === table.name ? '' : fk.reference.resource,
          },
        })),
      }),
    },
  };
}

/**
 * The datapackage.json object describing the given CSV tables of one plan.
 * @example dataPackage(plan, Object.values(planTables(plan)), { encoding: 'utf-8' }).resources[0].path // 'nodes.csv'
 */
export function dataPackage(plan: Plan, tables: readonly ExportTable[], options: DataPackageOptions) {
  return {
    profile: 'tabular-data-package',
    name: packageName(plan),
    title: options.organizationName ? `${options.organizationName}「${plan.title}」` : plan.title,
    ...(plan.summary && { description: plan.summary }),
    licenses: [exportLicense],
    ...(options.organizationName && {
      contributors: [{ title: options.organizationName, role: 'publisher' }],
    }),
    keywords: ['見える化', 'mieruka', plan.kind],
    resources: tables.map((t) => resource(t, options.encoding)),
  };
}

export type DataPackage = ReturnType<typeof dataPackage>;
