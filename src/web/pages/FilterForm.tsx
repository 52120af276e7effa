/** The plan page's filter form: a plain GET form, so it works without JavaScript and the URL keeps the choice. */
import type { PlanNode, StatusDefinition } from '../../domain/model.ts';
import { unassessedStatus } from '../../domain/status.ts';
import { codedTitle, useLang, useMessages } from '../i18n/index.ts';
import type { PlanFilter } from './plan-filter.ts';

export interface FilterFormProps {
  action: string;
  vocabulary: readonly StatusDefinition[];
  pillars: readonly PlanNode[];
  filter: PlanFilter;
}

export function FilterForm({ action, vocabulary, pillars, filter }: FilterFormProps) {
  const t = useMessages();
  const lang = useLang();
  const statuses = [...vocabulary, unassessedStatus];
  return (
    <form class="filters" method="get" action={action} aria-label={t.filters}>
      <div class="field">
        <label for="filter-status">{t.filterStatus}</label>
        <select id="filter-status" name="status">
          <option value="">{t.filterAll}</option>
          {statuses.map((s) => (
            <option value={s.code} selected={filter.status === s.code}>
              {lang === 'en' ? s.labelEn : s.label}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="filter-pillar">{t.filterPillar}</label>
        <select id="filter-pillar" name="pillar">
          <option value="">{t.filterAll}</option>
          {pillars.map((p) => (
            <option value={p.id} selected={filter.pillar === p.id}>
              {codedTitle(p)}
            </option>
          ))}
        </select>
      </div>
      {lang === 'en' ? <input type="hidden" name="lang" value="en" /> : null}
      <button type="submit">{t.filterApply}</button>
      <a href={action + (lang === 'en' ? '?lang=en' : '')}>{t.filterReset}</a>
    </form>
  );
}
