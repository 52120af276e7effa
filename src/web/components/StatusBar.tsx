/**
 * Status counts as a bar of coloured segments plus the same numbers in text. The CSP forbids inline styles,
 * so each segment's width is a class from the generated /assets/widths.css and its colour the status class.
 * 未評価 is a share of its own, in its own colour and pattern, so it never reads as 未着手. Each label in the list
 * has a swatch of its segment's colour and pattern beside it, so the bar can be read without telling colours apart.
 */

import type { StatusSummary } from '../../domain/figures/index.ts';
import { shareOfTotal } from '../../domain/figures/index.ts';
import { useLang, useMessages } from '../i18n/index.ts';
import { progressWords } from './progress/progress-words.ts';
import { widthClass } from './widths.ts';

export interface StatusBarProps {
  status: StatusSummary;
}

export function StatusBar({ status }: StatusBarProps) {
  const t = useMessages();
  const lang = useLang();
  const w = progressWords[lang];
  const rows = status.counts.filter((row) => row.count > 0);
  const percents = shareOfTotal(rows.map((row) => row.count));
  const label = (row: (typeof rows)[number]) => (lang === 'en' ? row.labelEn : row.label);
  return (
    <div class="status-summary">
      {/* The bar repeats the list below for sighted readers; assistive technology reads the list. */}
      <div class="status-bar" aria-hidden="true">
        {rows.map((row, k) => (
          <span class={`status-segment status-${row.code} ${widthClass(percents[k] ?? 0)}`} />
        ))}
      </div>
      <ul class="status-counts" aria-label={t.statusCounts}>
        {rows.map((row) => (
          <li>
            <span class={`status-swatch status-${row.code}`} aria-hidden="true" />
            <span class={`status status-${row.code}`}>{label(row)}</span> {row.count}
            {t.items}
            {row.carried > 0 ? <span class="meta">（{w.carried(row.carried)}）</span> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
