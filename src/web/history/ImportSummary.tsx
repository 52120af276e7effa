/** A batched import revision as its file, its counts and each entity's first records, not as megabyte cells. */
import type { ColumnarRecords } from '../../domain/editing/columnar-records.ts';
import { byCurrentEntityName } from '../../domain/editing/records.ts';
import { Ja } from '../components/Ja.tsx';
import { type Lang, useLang } from '../i18n/index.ts';
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

const summaryWords = {
  ja: {
    entities: { indicatorValue: '指標の値', node: 'ノード', indicator: '指標' },
    fields: {
      id: 'ID',
      indicatorId: '指標',
      date: '日付',
      value: '値',
      text: '表記',
      title: '名称',
      name: '名称',
    } as Record<string, string>,
    changes: { created: '追加', updated: '更新' },
    unchanged: '変更なし',
    file: 'ファイル',
    items: (n: string) => `${n}件`,
    first: (n: string) => `最初の${n}件`,
    more: (n: string) => `ほか${n}件`,
  },
  en: {
    entities: { indicatorValue: 'Indicator values', node: 'Items', indicator: 'Indicators' },
    fields: {
      id: 'ID',
      indicatorId: 'Indicator',
      date: 'Date',
      value: 'Value',
      text: 'As written',
      title: 'Title',
      name: 'Name',
    } as Record<string, string>,
    changes: { created: 'Added', updated: 'Updated' },
    unchanged: 'Unchanged',
    file: 'File',
    items: (n: string) => n,
    first: (n: string) => `first ${n}`,
    more: (n: string) => `${n} more`,
  },
} satisfies Record<Lang, unknown>;

type Change = 'created' | 'updated';

const count = (n: number) => n.toLocaleString('en-US');
const wordsOf = (lang: Lang) => summaryWords[lang];

function cell(value: unknown): string {
  if (value === undefined || value === null) return '—';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function RecordPreview(props: { entity: BatchImportEntity; change: Change; records: ColumnarRecords }) {
  const words = wordsOf(useLang());
  const fields = previewFields[props.entity];
  const shown = previewRecords(props.records, fields);
  const more = props.records.count - shown.length;
  return (
    <>
      <table>
        <caption>{`${words.changes[props.change]}: ${words.first(count(shown.length))}`}</caption>
        <thead>
          <tr>
            {fields.map((field) => (
              <th scope="col">{words.fields[field] ?? field}</th>
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
      {more > 0 ? <p>{words.more(count(more))}</p> : null}
    </>
  );
}

function EntitySection({ entity, summary }: { entity: BatchImportEntity; summary: BatchImportSummary }) {
  const created = summary.created[entity];
  const updated = summary.updated?.[entity];
  const words = wordsOf(useLang());
  return (
    <section>
      <h2>{words.entities[entity]}</h2>
      <p>
        {`${words.changes.created} ${words.items(count(created?.count ?? 0))} · ${words.changes.updated} ${words.items(count(updated?.count ?? 0))}`}
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
  const words = wordsOf(useLang());
  return (
    <>
      <p>
        {`${words.file}: `}
        <Ja>{summary.file}</Ja>
      </p>
      <p>
        {[
          `${words.changes.created} ${words.items(count(counts.created))}`,
          `${words.changes.updated} ${words.items(count(counts.updated))}`,
          `${words.unchanged} ${words.items(count(counts.unchanged))}`,
        ].join(' · ')}
      </p>
      {entities.map((entity) => (
        <EntitySection entity={entity} summary={summary} />
      ))}
    </>
  );
}
