/** A source document ↔ its `source_document` row, and an organization ↔ its `organization` row. */
import type { Selectable } from 'kysely';
import {
  documentKinds,
  type NextStepDefinition,
  type Organization,
  type SourceDocument,
  type ViewpointDefinition,
} from '../../domain/model.ts';
import type { OrganizationTable, SourceDocumentTable } from '../schema.ts';
import { optionalText, parseJsonColumn, withoutUndefined } from '../values.ts';

/** The row's own columns (no version or stamps); `position` is the document's place in the dataset. */
export function documentToRow(d: SourceDocument, organizationId: string, position: number) {
  return {
    id: d.id,
    organization_id: organizationId,
    position,
    title: d.title,
    publisher: d.publisher ?? null,
    kind: d.kind ?? null,
    published_at: d.publishedAt,
    file: d.file ?? null,
    url: d.url ?? null,
    note: d.note ?? null,
  };
}

function documentKindOf(kind: string | null): SourceDocument['kind'] {
  return documentKinds.find((k) => k === kind);
}

export function documentFromRow(row: Selectable<SourceDocumentTable>): SourceDocument {
  return withoutUndefined({
    id: row.id,
    title: row.title,
    publisher: optionalText(row.publisher),
    kind: documentKindOf(row.kind),
    publishedAt: row.published_at,
    file: optionalText(row.file),
    url: optionalText(row.url),
    note: optionalText(row.note),
  });
}

export function organizationToRow(o: Organization) {
  return {
    id: o.id,
    name: o.name,
    name_en: o.nameEn ?? null,
    kind: o.kind,
    municipality_code: o.municipalityCode,
    prefecture: o.prefecture ?? null,
    url: o.url ?? null,
    evaluation_viewpoints: o.evaluationViewpoints === null ? null : JSON.stringify(o.evaluationViewpoints),
    next_step_vocabulary: o.nextStepVocabulary === null ? null : JSON.stringify(o.nextStepVocabulary),
  };
}

export function organizationFromRow(row: Selectable<OrganizationTable>): Organization {
  return withoutUndefined({
    id: row.id,
    name: row.name,
    nameEn: optionalText(row.name_en),
    kind: row.kind as Organization['kind'],
    municipalityCode: row.municipality_code,
    prefecture: optionalText(row.prefecture),
    url: optionalText(row.url),
    evaluationViewpoints: parseJsonColumn<ViewpointDefinition[]>(row.evaluation_viewpoints),
    nextStepVocabulary: parseJsonColumn<NextStepDefinition[]>(row.next_step_vocabulary),
  });
}
