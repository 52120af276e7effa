/** 「最近の変更」: every published change on the site, newest first, each linked to its item's history. */
import type { Revision } from '../../store/editing/contract.ts';
import type { PlanHeader } from '../../store/read-store.ts';
import { Ja } from '../components/Ja.tsx';
import { Layout } from '../components/Layout.tsx';
import { type Lang, localHref, planHref } from '../i18n/index.ts';
import { isBatchImport } from './batch-import.ts';
import { changedFields } from './changed-fields.ts';
import { fieldLabel } from './field-labels.ts';
import { entityLabel, historyWords, latestState, recordName } from './history-words.ts';
import { RevisionMeta } from './RevisionEntry.tsx';

export interface ChangesPageProps {
  revisions: Revision[];
  plans: PlanHeader[];
  olderThan: number | undefined;
  /** Set on pages after the first, so the page can link back to the newest. */
  paged: boolean;
  lang: Lang;
}

export const historyHref = (revision: Pick<Revision, 'entity' | 'entityId' | 'seq'>, lang: Lang) =>
  `${localHref(`/history/${revision.entity}/${encodeURIComponent(revision.entityId)}`, lang)}#seq-${revision.seq}`;

/** The fields a change touched, in words: 「名称、状況」. */
export function changedFieldNames(revision: Revision, lang: Lang): string {
  if (isBatchImport(revision)) return historyWords[lang].fileImport(revision.after.file);
  if (revision.before === null || revision.after === null) return '';
  const names = [
    ...new Set(changedFields(revision.before, revision.after).map((c) => fieldLabel(c.field, lang))),
  ];
  return names.join(lang === 'en' ? ', ' : '、');
}

export function planTitle(
  plan: PlanHeader | undefined,
  lang: Lang,
): { text: string; english: boolean } | undefined {
  if (!plan) return undefined;
  return lang === 'en' && plan.titleEn
    ? { text: plan.titleEn, english: true }
    : { text: plan.title, english: false };
}

function ChangeItem({
  revision,
  plan,
  lang,
}: {
  revision: Revision;
  plan: PlanHeader | undefined;
  lang: Lang;
}) {
  const state = latestState(revision);
  const { name, english } = recordName(state, revision.entityId, lang);
  const fields = changedFieldNames(revision, lang);
  const title = planTitle(plan, lang);
  return (
    <li class="change">
      <RevisionMeta revision={revision} />
      <p>
        {entityLabel(revision.entity, state, lang)}{' '}
        <a href={historyHref(revision, lang)}>{english ? name : <Ja>{name}</Ja>}</a>
        {plan && title ? (
          <>
            {' · '}
            <a href={planHref(plan.id, lang)}>{title.english ? title.text : <Ja>{title.text}</Ja>}</a>
          </>
        ) : null}
      </p>
      {fields ? (
        <p class="changed-fields">
          {isBatchImport(revision) ? fields : `${historyWords[lang].changedFields}: ${fields}`}
        </p>
      ) : null}
    </li>
  );
}

export function ChangesPage({ revisions, plans, olderThan, paged, lang }: ChangesPageProps) {
  const words = historyWords[lang];
  const byId = new Map(plans.map((plan) => [plan.id, plan]));
  return (
    <Layout title={words.recentChanges} lang={lang} path="/changes" feed="/feed.atom">
      <h1>{words.recentChanges}</h1>
      <p>{words.recentLead}</p>
      <p>
        <a href="/feed.atom" type="application/atom+xml">
          {words.feed}
        </a>
      </p>
      {revisions.length === 0 ? (
        <p>{words.noChanges}</p>
      ) : (
        <ol class="changes">
          {revisions.map((revision) => (
            <ChangeItem revision={revision} plan={byId.get(revision.planId ?? '')} lang={lang} />
          ))}
        </ol>
      )}
      <nav class="pager" aria-label={words.recentChanges}>
        {paged ? <a href={localHref('/changes', lang)}>{words.newer}</a> : null}
        {olderThan !== undefined ? (
          <a href={localHref(`/changes?before=${olderThan}`, lang)}>{words.older}</a>
        ) : null}
      </nav>
    </Layout>
  );
}
