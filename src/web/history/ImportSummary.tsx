/** A batched import revision as its file, its counts and each entity's first records, not as megabyte cells. */
import type { ColumnarRecords } from '../../domain/editing/columnar-records.ts';
import { byCurrentEntityName } from '../../domain/editing/records.ts';
import {
  type BatchImportEntity,
  type BatchImportSummary,
  batchImportEntities,
  previewFields,
  previewRecords,
} from './batch-import.ts';

export interface ImportSummaryProps {
  summary: BatchImportSummary;
}

const entityLabels: Record<BatchImportEntity, string> = {
  indicatorValue: '指標の値 (indicator value)',
  node: 'ノード (node)',
  indicator: '指標 (indicator)',
};

const fieldLabels: Record<string, string> = {
  id: 'ID (id)',
  indicatorId: '指標 (indicatorId)',
  date: '日付 (date)',
  value: '値 (value)',
  text: '表記 (text)',
  title: '名称 (title)',
  name: '名称 (name)',
};

const changeLabels = { created: '追加 (created)', updated: '更新 (updated)' } as const;

const count = (n: number) => n.toLocaleString('en-US');

function cell(value: unknown): string {
  if (value === undefined || value === null) return '—';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function RecordPreview(props: {
  entity: BatchImportEntity;
  change: keyof typeof changeLabels;
  records: ColumnarRecords;
}) {
  const fields = previewFields[props.entity];
  const shown = previewRecords(props.records, fields);
  const more = props.records.count - shown.length;
  return (
    <>
      <table>
        <caption>
          {changeLabels[props.change]}: 最初の{count(shown.length)}件 (first {count(shown.length)})
        </caption>
        <thead>
          <tr>
            {fields.map((field) => (
              <th scope="col">{fieldLabels[field] ?? field}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shown.map((record) => (
            <tr>
              {fields.map((field) => (
                <td>{cell(record[field])}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {more > 0 ? (
        <p>
          ほか{count(more)}件 ({count(more)} more)
        </p>
      ) : null}
    </>
  );
}

function EntitySection({ entity, summary }: { entity: BatchImportEntity; summary: BatchImportSummary }) {
  const created = summary.created[entity];
  const updated = summary.updated?.[entity];
  return (
    <section>
      <h2>{entityLabels[entity]}</h2>
      <p>
        {`${changeLabels.created} ${count(created?.count ?? 0)}件 · ${changeLabels.updated} ${count(updated?.count ?? 0)}件`}
      </p>
      {created ? <RecordPreview entity={entity} change="created" records={created} /> : null}
      {updated ? <RecordPreview entity={entity} change="updated" records={updated} /> : null}
    </section>
  );
}

export function ImportSummary(props: ImportSummaryProps) {
  // An import logged before indicator values got their name keeps them under `observation`.
  const summary: BatchImportSummary = {
    ...props.summary,
    created: byCurrentEntityName(props.summary.created),
    updated: byCurrentEntityName(props.summary.updated ?? {}),
  };
  const { counts } = summary;
  const entities = batchImportEntities.filter(
    (entity) => summary.created[entity] || summary.updated?.[entity],
  );
  return (
    <>
      <p>ファイル (file): {summary.file}</p>
      <p>
        {[
          `${changeLabels.created} ${count(counts.created)}件`,
          `${changeLabels.updated} ${count(counts.updated)}件`,
          `変更なし (unchanged) ${count(counts.unchanged)}件`,
        ].join(' · ')}
      </p>
      {entities.map((entity) => (
        <EntitySection entity={entity} summary={summary} />
      ))}
    </>
  );
}
