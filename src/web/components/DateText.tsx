/** A partial date as 西暦 with 和暦 beside it: 2019年度（令和元年度）; in English, "FY2019". */
import { parsePartialDate } from '../../domain/partial-date.ts';
import { formatPartialDate } from '../../domain/wareki.ts';
import { useLang, useMessages } from '../i18n/index.ts';

export interface DateTextProps {
  date: string | null;
}

// Only precisions HTML's datetime attribute can say exactly; a 年度 or season stays plain text.
const machineReadable = new Set(['day', 'month', 'year']);

export function DateText({ date }: DateTextProps) {
  const lang = useLang();
  const t = useMessages();
  if (date === null) return <span class="date">{t.unknownDate}</span>;
  const parsed = parsePartialDate(date);
  const text = formatPartialDate(date, lang);
  if (parsed && parsed.qualifier === null && machineReadable.has(parsed.precision)) {
    return <time datetime={date}>{text}</time>;
  }
  return <span class="date">{text}</span>;
}
