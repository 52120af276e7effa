/**
 * A plan's open-data downloads (src/web/downloads/routes.ts, mounted at /downloads): the importable JSON, the
 * workbook, each table as CSV in UTF-8 and in Shift_JIS (what older Excel opens), and the datapackage.
 */
import { planTableNames } from '../../io/export/plan-tables.ts';
import { planDownloadHref, useMessages } from '../i18n/index.ts';

export interface PlanDownloadsProps {
  planId: string;
}

export function PlanDownloads({ planId }: PlanDownloadsProps) {
  const t = useMessages();
  return (
    <section class="downloads" aria-labelledby="downloads">
      <h2 id="downloads">{t.downloads}</h2>
      <p>{t.downloadsLead}</p>
      <ul>
        <li>
          <a href={planDownloadHref(planId, 'export.json')}>{t.downloadJson}</a>
        </li>
        <li>
          <a href={planDownloadHref(planId, 'export.xlsx')}>{t.downloadXlsx}</a>
        </li>
        {planTableNames.map((table) => (
          <li>
            {t.downloadTables[table]}: <a href={planDownloadHref(planId, `${table}.csv`)}>CSV (UTF-8)</a>
            {' / '}
            <a href={planDownloadHref(planId, `${table}.csv`, true)}>CSV (Shift_JIS)</a>
          </li>
        ))}
        <li>
          <a href={planDownloadHref(planId, 'datapackage.json')}>{t.downloadDataPackage}</a>
        </li>
      </ul>
    </section>
  );
}
