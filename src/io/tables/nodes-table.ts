/**
 * The nodes table: one row per pillar, policy or program of a plan. A parent is named by its id, its code (1, ①) or
 * its title; a node without an id gets one made from its parent's (plan.p01, plan.p01.n02), or keeps the id of the
 * stored node with the same title under the same parent.
 */
import { z } from 'zod';
import { nodeKinds } from '../../domain/model.ts';
import { defaultStatusVocabulary } from '../../domain/status.ts';
import { check, code, date, id, map, optional, positiveInt, required, text } from './cells.ts';
import { column } from './column.ts';
import { sourceColumnList, sourceFields, sourceNeedsDocument } from './source-columns.ts';
import type { TableDefinition } from './table-definition.ts';

const c = {
  planId: column(
    'planId',
    '計画ID',
    ['計画'],
    true,
    '計画の ID (例: mirai-2016)',
    'id of the plan (e.g. mirai-2016)',
  ),
  id: column(
    'id',
    'ノードID',
    ['ID'],
    false,
    'この行のノードの ID。空欄なら親の ID から付けます',
    'id of this node; made from the parent id when empty',
  ),
  parentId: column(
    'parentId',
    '親ID',
    ['親ノードID', '親', '親の番号', '親の名称', '上位'],
    false,
    '親ノードの ID・番号・名称。柱は空欄',
    'id, code or title of the parent node; empty for a pillar',
  ),
  kind: column(
    'kind',
    '種類',
    ['階層'],
    true,
    'pillar (柱) / policy (施策) / program (事業)',
    'pillar, policy or program',
  ),
  position: column(
    'position',
    '順番',
    ['順序', '並び順'],
    false,
    '兄弟の中での順番 (1から)',
    'order among siblings, from 1',
  ),
  code: column(
    'code',
    '番号',
    ['記号'],
    false,
    '題の前の番号や記号: 1, ①, ●',
    'label printed before the title: 1, ①, ●',
  ),
  title: column(
    'title',
    '名称',
    ['タイトル', '題名', '施策名'],
    true,
    '印刷されたとおりの題',
    'the title as printed',
  ),
  titleEn: column('titleEn', '英語名', ['英語の名称'], false, '英語の題', 'English title'),
  slogan: column('slogan', 'スローガン', [], false, '柱のスローガン (例: しせいを正す)', "a pillar's slogan"),
  visionPhrase: column('visionPhrase', 'ビジョン', ['目指す姿'], false, '目指すまちの姿', 'vision phrase'),
  description: column('description', '説明', ['概要'], false, '説明文', 'description'),
  status: column(
    'status',
    '状況',
    ['ステータス', '進捗'],
    false,
    'done / in_progress / planned … または 完了・進行中・予定 …',
    'status code or its Japanese label',
  ),
  statusDate: column(
    'statusDate',
    '状況の日付',
    ['状況日付', '予定時期'],
    false,
    '状況の時点や予定 (例: R3秋)',
    'when the status holds or is due (e.g. R3秋)',
  ),
};

// The glossary's Japanese words for each status, besides the vocabulary's own labels.
const statusWords: Record<string, string> = {
  ...Object.fromEntries(defaultStatusVocabulary.map((s) => [s.label, s.code])),
  実施中: 'in_progress',
  実現: 'done',
  廃止: 'dropped',
};

const status = check(
  map(text, (value) => statusWords[value] ?? value),
  (value) => /^[a-z_]+$/.test(value),
  () =>
    '「状況」は done などのコードか 完了 などの語です (status must be a code such as done, or a word such as 完了)',
);

const schema = z
  .object({
    planId: required(c.planId, id),
    id: optional(c.id, id),
    parentId: optional(c.parentId, text),
    kind: required(
      c.kind,
      code(nodeKinds, { 柱: 'pillar', 分野: 'pillar', 施策: 'policy', 事業: 'program' }),
    ),
    position: optional(c.position, positiveInt),
    code: optional(c.code, text),
    title: required(c.title, text),
    titleEn: optional(c.titleEn, text),
    slogan: optional(c.slogan, text),
    visionPhrase: optional(c.visionPhrase, text),
    description: optional(c.description, text),
    status: optional(c.status, status),
    statusDate: optional(c.statusDate, date),
    ...sourceFields(false),
  })
  .superRefine(sourceNeedsDocument);

export type NodeRow = z.output<typeof schema>;

export const nodesTable: TableDefinition<NodeRow> = {
  kind: 'nodes',
  sheetHints: ['nodes', 'node', 'ノード', '施策', '計画'],
  columns: [...Object.values(c), ...sourceColumnList(false)],
  schema,
  example: {
    planId: 'mirai-2016',
    id: 'mirai-2016.p1.finance',
    parentId: 'mirai-2016.p1',
    kind: 'policy',
    code: '●',
    title: '財政の健全化と「小諸ふるさと市民」(仮想市民10万人)の創設等による税収アップ',
    sourceDocumentId: 'komoro-pride-vol5',
    sourceSection: '1.市役所の改革と健全財政 「しせいを正す」',
    sourceLine: 83,
    sourceQuote: '●財政の健全化と「小諸ふるさと市民」(仮想市民10万人)の創設等による税収アップ',
  },
};
