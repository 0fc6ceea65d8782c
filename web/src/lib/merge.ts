import type { CrmContact } from '../api/types';

const FILLED = ['lastName', 'email', 'phone', 'title', 'companyId'] as const;

/**
 * What a merge will keep, as crm-service does it: the kept contact, its blank fields filled
 * from the duplicate, and both sets of tags (the kept one's first, at most 20).
 */
export function mergedContact(kept: CrmContact, duplicate: CrmContact): CrmContact {
  const out: CrmContact = { ...kept };
  for (const field of FILLED) {
    const value = kept[field];
    if (value === null || value === undefined || value.trim() === '') out[field] = duplicate[field] ?? null;
  }
  out.tags = [...new Set([...(kept.tags ?? []), ...(duplicate.tags ?? [])])].slice(0, 20);
  return out;
}
