/**
 * An organization as a URL or a staff member names it: its id (`komoro`) or its 全国地方公共団体コード, with or
 * without the check digit (`202088` or `20208`).
 */
import type { Organization } from './model.ts';

/**
 * The organization the reference names, or undefined.
 * @example organizationByReference(orgs, '202088')?.id // 'komoro'
 */
export function organizationByReference<T extends Pick<Organization, 'id' | 'municipalityCode'>>(
  organizations: readonly T[],
  reference: string,
): T | undefined {
  const byId = organizations.find((org) => org.id === reference);
  if (byId || !/^\d{5,6}$/.test(reference)) return byId;
  return organizations.find((org) => (org.municipalityCode ?? '').startsWith(reference));
}

/** The path segment an organization's pages use: its 団体コード when it has one, else its id. */
export const organizationSlug = (organization: Pick<Organization, 'id' | 'municipalityCode'>): string =>
  organization.municipalityCode ?? organization.id;
