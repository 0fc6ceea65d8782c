import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { useHub } from '../../app';
import type { Page } from '../../api/client';
import type { CrmContact } from '../../api/types';
import { mergedContact } from '../../lib/merge';
import { Button, ErrorText, Failed, Loading, PageHeader, TextField } from '../../ui/ui';
import { Facts } from './common';

const fullName = (c: CrmContact) => [c.firstName, c.lastName].filter(Boolean).join(' ');

/**
 * Merging a duplicate into this contact (crm:manage): find the duplicate, compare the two
 * and what will be kept, then merge; the duplicate's deals, activities and files move over.
 */
export default function ContactMerge() {
  const { id = '' } = useParams();
  const { api, t } = useHub();
  const queries = useQueryClient();
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const [duplicateId, setDuplicateId] = useState<string | null>(null);
  const kept = useQuery({ queryKey: ['contacts', 'one', id], queryFn: () => api.get<CrmContact>(`/api/crm/contacts/${id}`) });
  const found = useQuery({
    queryKey: ['contacts', 'merge-search', q],
    queryFn: () => api.get<Page<CrmContact>>('/api/crm/contacts', { q, limit: 10 }),
    enabled: q.trim().length > 1,
  });
  const duplicate = found.data?.items.find((c) => c.id === duplicateId);
  const merge = useMutation({
    mutationFn: () => api.post<{ movedDealIds: string[]; movedActivityIds: string[] }>(`/api/crm/contacts/${id}/merge`, { duplicateId }),
    onSuccess: () => {
      void queries.invalidateQueries({ queryKey: ['contacts'] });
      void queries.invalidateQueries({ queryKey: ['deals'] });
      void queries.invalidateQueries({ queryKey: ['activities'] });
    },
  });
  if (kept.isPending) return <Loading />;
  if (kept.isError) return <Failed error={kept.error} retry={() => void kept.refetch()} />;
  const k = kept.data;
  const candidates = (found.data?.items ?? []).filter((c) => c.id !== id);
  const facts = (c: CrmContact) => <Facts items={[[t('name'), fullName(c)], [t('email'), c.email && <span dir="ltr">{c.email}</span>], [t('phone'), c.phone && <span dir="ltr">{c.phone}</span>], [t('jobTitle'), c.title], [t('tagsShort'), c.tags?.join(', ')]]} />;
  return (
    <>
      <PageHeader title={t('mergeInto', { name: fullName(k) })} />
      <p><Link to={`/crm/contacts/${id}`}>{fullName(k)}</Link></p>
      {merge.isSuccess ? (
        <section className="card" role="status" data-testid="merge-done">
          <p>{t('mergedResult', { deals: merge.data.movedDealIds.length, activities: merge.data.movedActivityIds.length })}</p>
          <Button variant="primary" onClick={() => navigate(`/crm/contacts/${id}`)}>{t('openContact')}</Button>
        </section>
      ) : (
        <>
          <section className="card" aria-labelledby="find-head">
            <h2 id="find-head">{t('findDuplicate')}</h2>
            <TextField label={t('search')} type="search" value={q} onChange={(e) => { setQ(e.target.value); setDuplicateId(null); }} hint={t('findDuplicateHint')} />
            {found.isFetching ? <Loading /> : found.isError ? <Failed error={found.error} /> : q.trim().length > 1 && (
              candidates.length === 0 ? <p className="muted">{t('nothingHere')}</p> : (
                <fieldset className="checks" data-testid="merge-candidates">
                  <legend className="visually-hidden">{t('duplicate')}</legend>
                  {candidates.map((c) => (
                    <label key={c.id}>
                      <input type="radio" name="duplicate" checked={duplicateId === c.id} onChange={() => setDuplicateId(c.id)} />
                      {fullName(c)}{c.email && <span className="muted" dir="ltr"> {c.email}</span>}
                    </label>
                  ))}
                </fieldset>
              )
            )}
          </section>
          {duplicate && (
            <section className="card" aria-labelledby="compare-head">
              <h2 id="compare-head">{t('compare')}</h2>
              <div className="compare">
                <div><h3>{t('kept')}</h3>{facts(k)}</div>
                <div><h3>{t('duplicate')}</h3>{facts(duplicate)}</div>
                <div><h3>{t('afterMerge')}</h3>{facts(mergedContact(k, duplicate))}</div>
              </div>
              <p className="muted">{t('mergeExplained')}</p>
              <ErrorText error={merge.error} />
              <Button variant="danger" disabled={merge.isPending} onClick={() => window.confirm(t('confirmMerge', { duplicate: fullName(duplicate), kept: fullName(k) })) && merge.mutate()}>{t('merge')}</Button>
            </section>
          )}
        </>
      )}
    </>
  );
}
