/**
 * The staff table import, in three steps on one page: choose a file (and the templates to start one), see what
 * each row would do or why it is refused, then confirm. Works without JavaScript; nothing is written before the
 * confirmation, and then everything or nothing.
 */
import { can } from '../../domain/editing/permissions.ts';
import type { ImportRowPlan, TableImportReport } from '../../io/table-import/index.ts';
import type { TableRowError, TemplateKind } from '../../io/tables/index.ts';
import type { User } from '../../store/editing/contract.ts';
import type { PlanHeader } from '../../store/read-store.ts';
import { csrfFieldName } from '../auth/csrf.ts';
import { AdminLayout } from './AdminLayout.tsx';
import { ImportWarnings, PublishChoice } from './ImportWarnings.tsx';
import { PublishedMapping, PublishedNotes, PublishedUploadFields } from './PublishedMapping.tsx';

/** Rows listed on a page before one line counts the rest: the errors are always listed in full. */
export const listedRows = 1_000;

export const templateLabels: Record<TemplateKind, string> = {
  nodes: '施策・事業 (nodes)',
  indicators: '指標 (indicators)',
  indicatorValues: '指標の値・縦長 (indicator values: baseline, target or observation, a row per value)',
  observationsWide: '実績値・年度ごとの列 (observations, a column per 年度)',
  achievements: '取り組み実績 (achievements)',
  programSheets:
    '事務事業評価・事業と年度ごとの行 (program sheets: cost and evaluation, a row per program and year)',
  programSheetsWide: '事務事業評価・年度ごとの列 (program sheets, a column group per 年度)',
  evaluations: '評価・縦長 (evaluations, a row per evaluation)',
};

export type ImportStep =
  | { step: 'choose' }
  | {
      step: 'preview';
      report: TableImportReport;
      sha256: string;
      token: string | null;
      /** A table in the published shape: the token its mapping form re-checks with, and the node chosen. */
      mappingToken?: string;
      node?: string;
    }
  | { step: 'done'; report: TableImportReport; sha256: string; committed: boolean };

export interface ImportPageProps {
  user: User;
  csrfToken: string;
  plans: PlanHeader[];
  state: ImportStep;
  error?: string;
  /** Saved column mappings, for a table in the published shape. */
  mappings?: string[];
}

const actionWords = { create: '追加 (create)', update: '更新 (update)', unchanged: '変更なし (unchanged)' };

function Csrf({ token }: { token: string }) {
  return <input type="hidden" name={csrfFieldName} value={token} />;
}

function UploadForm({
  csrfToken,
  plans,
  mappings,
}: {
  csrfToken: string;
  plans: PlanHeader[];
  mappings: string[];
}) {
  return (
    <form method="post" action="/admin/import/preview" enctype="multipart/form-data" class="staff-form">
      <Csrf token={csrfToken} />
      <p class="field">
        <label for="import-file">ファイル (file: .csv or .xlsx)</label>
        <input id="import-file" type="file" name="file" accept=".csv,.xlsx,text/csv" required />
      </p>
      <p class="field">
        <label for="import-plan">取り込み先の計画 (only rows of this plan)</label>
        <select id="import-plan" name="planId">
          <option value="">（すべて / any plan）</option>
          {plans.map((plan) => (
            <option value={plan.id}>{plan.title}</option>
          ))}
        </select>
      </p>
      <p class="field">
        <label for="import-sheet">シート名 (sheet of a workbook; blank for all)</label>
        <input id="import-sheet" type="text" name="sheet" />
      </p>
      <PublishedUploadFields mappings={mappings} />
      <p>
        <button type="submit">内容を確認する (preview; nothing is saved yet)</button>
      </p>
    </form>
  );
}

function Templates() {
  return (
    <section aria-labelledby="templates">
      <h2 id="templates">ひな形 (templates)</h2>
      <p>
        見出しの行と記入例、説明のシートが入っています (a header row, an example row and an instructions
        sheet).
      </p>
      <ul>
        {(Object.keys(templateLabels) as TemplateKind[]).map((kind) => (
          <li>
            <a href={`/admin/import/templates/${kind}.xlsx`}>{templateLabels[kind]}</a> (
            <a href={`/admin/import/templates/${kind}.csv`} aria-label={`${templateLabels[kind]} CSV`}>
              CSV
            </a>
            )
          </li>
        ))}
      </ul>
    </section>
  );
}

const placeOf = (r: { sheet?: string | undefined; row: number }) =>
  r.sheet ? `${r.sheet} ${r.row}` : `${r.row}`;

function ErrorTable({ errors }: { errors: TableRowError[] }) {
  return (
    <section class="table-scroll" aria-label="取り込めない行 (rejected rows)" tabindex={0}>
      <table>
        <caption>取り込めない行 (rejected rows): {errors.length.toLocaleString('ja-JP')}件</caption>
        <thead>
          <tr>
            <th scope="col">行 (row)</th>
            <th scope="col">列 (column)</th>
            <th scope="col">値 (value)</th>
            <th scope="col">理由 (reason)</th>
          </tr>
        </thead>
        <tbody>
          {errors.map((e) => (
            <tr>
              <td>{placeOf(e)}</td>
              <td>{e.column}</td>
              <td>{e.value}</td>
              <td>
                {e.messageJa} ({e.messageEn})
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function RowTable({ rows }: { rows: ImportRowPlan[] }) {
  const shown = rows.slice(0, listedRows);
  const rest = rows.length - shown.length;
  return (
    <>
      <section class="table-scroll" aria-label="行ごとの内容 (what each row does)" tabindex={0}>
        <table>
          <caption>行ごとの内容 (what each row does)</caption>
          <thead>
            <tr>
              <th scope="col">行 (row)</th>
              <th scope="col">操作 (action)</th>
              <th scope="col">種類 (entity)</th>
              <th scope="col">ID</th>
              <th scope="col">変わる項目 (changed fields)</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr>
                <td>{placeOf(r)}</td>
                <td>{actionWords[r.action]}</td>
                <td>{r.entity}</td>
                <td>{r.id}</td>
                <td>{r.changedFields.join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {rest > 0 ? (
        <p class="meta">
          ほか {rest.toLocaleString('ja-JP')} 行 ({rest.toLocaleString('en-US')} more rows)
        </p>
      ) : null}
    </>
  );
}

function Counts({ report }: { report: TableImportReport }) {
  const { created, updated, unchanged, rejected } = report.counts;
  return (
    <p>
      追加 {created}件・更新 {updated}件・変更なし {unchanged}件・却下 {rejected}行 (created {created},
      updated {updated}, unchanged {unchanged}, rejected {rejected} rows)
    </p>
  );
}

function ReportView({ report, sha256 }: { report: TableImportReport; sha256: string }) {
  const changing = report.rows.filter((r) => r.action !== 'unchanged');
  return (
    <>
      <p class="meta">
        {report.file}（{report.kind ?? '—'}・{report.encoding ?? '—'}・{report.layout ?? '—'}）SHA-256{' '}
        {sha256}
      </p>
      <Counts report={report} />
      {report.errors.length > 0 ? <ErrorTable errors={report.errors} /> : null}
      {report.published ? <PublishedNotes summary={report.published} /> : null}
      {changing.length > 0 ? <RowTable rows={changing} /> : null}
    </>
  );
}

function Preview({
  state,
  csrfToken,
  mayPublish,
}: {
  state: Extract<ImportStep, { step: 'preview' }>;
  csrfToken: string;
  mayPublish: boolean;
}) {
  const { report, token } = state;
  return (
    <section aria-labelledby="preview">
      <h2 id="preview">確認 (preview): まだ保存していません (nothing saved yet)</h2>
      {/* A table as published: its columns first, since they decide what every row below means. */}
      {report.published && state.mappingToken ? (
        <PublishedMapping
          summary={report.published}
          csrfToken={csrfToken}
          token={state.mappingToken}
          canImport={token !== null}
          node={state.node}
          warnings={report.warnings}
          mayPublish={mayPublish}
        />
      ) : null}
      <ReportView report={report} sha256={state.sha256} />
      {report.published && state.mappingToken ? null : token === null ? (
        <p class="form-error" role="alert">
          {report.errors.length > 0
            ? 'この内容では取り込めません。ファイルを直して、もう一度選んでください (fix the file and choose it again)'
            : '変わる行がありません (no row would change anything)'}
        </p>
      ) : (
        <form method="post" action="/admin/import/commit" class="staff-form">
          <Csrf token={csrfToken} />
          <input type="hidden" name="token" value={token} />
          <ImportWarnings warnings={report.warnings} />
          <PublishChoice mayPublish={mayPublish} />
          <button type="submit">
            この内容で取り込む (import: all rows or none, recorded in the history)
          </button>
        </form>
      )}
    </section>
  );
}

function ConfirmedWarnings({ report }: { report: TableImportReport }) {
  return (
    <ul>
      {report.warnings.map((w) => (
        <li>
          {w.confirmed ? '確認済み (confirmed)' : '未確認 (not confirmed)'} {w.file} {w.row}行目 (row {w.row}){' '}
          {w.field}: {w.messageJa} ({w.messageEn})
        </li>
      ))}
    </ul>
  );
}

function Done({ state }: { state: Extract<ImportStep, { step: 'done' }> }) {
  const plans = [...new Set(state.report.rows.map((r) => r.planId))];
  return (
    <section aria-labelledby="done">
      <h2 id="done">
        {!state.committed
          ? '取り込めませんでした。何も保存していません (refused: nothing was saved)'
          : state.report.publish
            ? '取り込みました (imported and published)'
            : '下書きとして取り込みました (imported as drafts)'}
      </h2>
      {state.committed && !state.report.publish ? (
        <>
          <p>
            まだ公開していません。計画のページで下書きを確認して公開してください (not public yet: review and
            publish the drafts on the plan's page)
          </p>
          <ul>
            {plans.map((planId) => (
              <li>
                <a href={`/admin/plans/${encodeURIComponent(planId)}`}>
                  下書きを確認・公開 (review and publish): {planId}
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <ReportView report={state.report} sha256={state.sha256} />
      {state.report.warnings.length > 0 ? <ConfirmedWarnings report={state.report} /> : null}
      {state.committed ? (
        <ul>
          {plans.map((planId) => (
            <li>
              <a href={`/history/plan/${planId}`}>変更履歴 (history): {planId}</a>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

export function ImportPage({ user, csrfToken, plans, state, error, mappings = [] }: ImportPageProps) {
  return (
    <AdminLayout title="表の取り込み (import a table)" user={user} csrfToken={csrfToken}>
      {error ? (
        <p class="form-error" role="alert">
          {error}
        </p>
      ) : null}
      {state.step === 'preview' ? (
        <Preview state={state} csrfToken={csrfToken} mayPublish={can(user, 'publish')} />
      ) : null}
      {state.step === 'done' ? <Done state={state} /> : null}
      <h2>ファイルを選ぶ (choose a file)</h2>
      <p>
        CSV（UTF-8・BOM付き・Shift_JIS）または Excel（.xlsx）の表を、確認してから取り込みます。 (A CSV in
        UTF-8 or Shift_JIS, or an .xlsx workbook: checked first, then imported all or nothing.)
      </p>
      <UploadForm csrfToken={csrfToken} plans={plans} mappings={mappings} />
      <Templates />
    </AdminLayout>
  );
}
