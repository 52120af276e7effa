/** A partial date as 西暦 with 和暦 beside it: 2019年度（令和元年度）. */
import { parsePartialDate } from '../../domain/partial-date.ts';
import { formatPartialDate } from '../../domain/wareki.ts';

export interface DateTextProps {
  date: string | null;
}

// Only precisions HTML's datetime attribute can say exactly; a 年度 or season stays plain text.
const machineReadable = new Set(['day', 'month', 'year']);

export function DateText({ date }: DateTextProps) {
  if (date === null) return <span class="date">日付不明</span>;
  const parsed = parsePartialDate(date);
  const text = formatPartialDate(date, 'ja');
  if (parsed && parsed.qualifier === null && machineReadable.has(parsed.precision)) {
    return <time datetime={date}>{text}</time>;
  }
  return <span class="date">{text}</span>;
}
