import { describe, expect, it } from 'vitest';
import type { TableRowError } from '../../io/tables/index.ts';
import { groupNotes, noteKind } from './note-groups.ts';

const note = (row: number, messageJa: string): TableRowError => ({
  file: 'oyabe-kpi.csv',
  row,
  column: '',
  value: '',
  messageJa,
  messageEn: messageJa,
});

describe('preview notes grouped by kind', () => {
  it('takes the quoted words, parentheses and what follows a colon out of the kind', () => {
    expect(
      noteKind('指標「図書館入館者数」(単位なし, 施策コード 11302) を読みました: 2000年 実績 102521人'),
    ).toBe('指標「…」(…) を読みました');
    expect(noteKind('見込・予測「120,000人」は実績ではないため取り込みません')).toBe(
      '見込・予測「…」は実績ではないため取り込みません',
    );
  });

  it('puts every row read in one group and keeps the other kinds apart, in order', () => {
    const groups = groupNotes([
      note(2, '指標「生涯学習推進協議会の設置」(単位なし) を読みました: 値なし'),
      note(2, 'ノード「11102」(oyabe.11102、policy) を「生涯学習の促進」の下に作ります'),
      note(3, '指標「総合人材バンク設置」(単位なし) を読みました: 値なし'),
      note(3, 'ノード「11103」(oyabe.11103、policy) を「生涯学習の促進」の下に作ります'),
      note(0, '公表形式の KPI 表として読みました: 指標 2件'),
    ]);
    expect(groups.map((g) => [g.kind, g.notes.map((n) => n.row)])).toEqual([
      ['指標「…」(…) を読みました', [2, 3]],
      ['ノード「…」(…) を「…」の下に作ります', [2, 3]],
      ['公表形式の KPI 表として読みました', [0]],
    ]);
  });
});
