/** A node's status in its plan's vocabulary; colours come from the status stylesheets (no inline style). */
import type { StatusDefinition } from '../../domain/model.ts';
import { findStatus } from '../../domain/status.ts';
import { useLang } from '../i18n/index.ts';

export interface StatusBadgeProps {
  vocabulary: readonly StatusDefinition[];
  status: string | null;
}

export function StatusBadge({ vocabulary, status }: StatusBadgeProps) {
  const definition = findStatus(vocabulary, status);
  const label = useLang() === 'en' ? definition.labelEn : definition.label;
  return <span class={`status status-${definition.code}`}>{label}</span>;
}
