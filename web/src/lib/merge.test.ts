import { describe, expect, it } from 'vitest';
import { mergedContact } from './merge';

describe('mergedContact', () => {
  it('keeps the kept fields, fills its blanks from the duplicate and joins the tags', () => {
    const kept = { id: 'k', firstName: 'Layla', lastName: '', email: 'layla@x.com', phone: null, tags: ['vip', 'riyadh'], ownerId: 'o1' };
    const duplicate = { id: 'd', firstName: 'L.', lastName: 'Haddad', email: 'other@x.com', phone: '+966 11', title: 'CFO', tags: ['riyadh', 'q4'], ownerId: 'o2' };
    const merged = mergedContact(kept, duplicate);
    expect(merged).toMatchObject({ id: 'k', firstName: 'Layla', lastName: 'Haddad', email: 'layla@x.com', phone: '+966 11', title: 'CFO', ownerId: 'o1' });
    expect(merged.tags).toEqual(['vip', 'riyadh', 'q4']);
  });

  it('keeps at most 20 tags, the kept contact first', () => {
    const many = (prefix: string) => Array.from({ length: 15 }, (_, i) => `${prefix}${i}`);
    const merged = mergedContact({ id: 'k', firstName: 'A', tags: many('k') }, { id: 'd', firstName: 'B', tags: many('d') });
    expect(merged.tags).toHaveLength(20);
    expect(merged.tags!.slice(0, 15)).toEqual(many('k'));
  });
});
