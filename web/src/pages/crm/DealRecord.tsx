import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { useHub } from '../../app';
import type { Company, CrmContact, Deal, Pipeline } from '../../api/types';
import { formatDate, formatMoney } from '../../lib/format';
import { Button, ErrorText, Failed, Loading, PageHeader } from '../../ui/ui';
import { ActivityFeed } from '../../ui/feed';
import { Attachments } from '../../ui/attachments';
import { Facts, Timeline, nameOf, useMayChange, usePeople } from './common';
import { DealDialog } from './Deals';
import { useStageName } from './stages';

/** A deal: amount, stage (changed in place), company and people, and its timeline. */
export default function DealRecord() {
  const { id = '' } = useParams();
  const { api, t, can, fmt } = useHub();
  const queries = useQueryClient();
  const navigate = useNavigate();
  const people = usePeople();
  const mayChange = useMayChange();
  const stageName = useStageName();
  const [editing, setEditing] = useState(false);
  const deal = useQuery({ queryKey: ['deals', 'one', id], queryFn: () => api.get<Deal>(`/api/crm/deals/${id}`) });
  const d = deal.data;
  const pipeline = useQuery({ queryKey: ['pipelines', d?.pipelineId], queryFn: () => api.get<Pipeline>(`/api/crm/pipelines/${d!.pipelineId}`), enabled: !!d });
  const company = useQuery({ queryKey: ['companies', 'one', d?.companyId], queryFn: () => api.get<Company>(`/api/crm/companies/${d!.companyId}`), enabled: !!d?.companyId });
  const contacts = useQuery({
    queryKey: ['contacts', 'of-deal', id, d?.contactIds],
    queryFn: () => Promise.all((d!.contactIds ?? []).map((c) => api.get<CrmContact>(`/api/crm/contacts/${c}`))),
    enabled: !!d?.contactIds?.length,
  });
  const refresh = () => Promise.all([queries.invalidateQueries({ queryKey: ['deals'] }), queries.invalidateQueries({ queryKey: ['activities'] })]);
  const stage = useMutation({ mutationFn: (to: string) => api.post<Deal>(`/api/crm/deals/${id}/stage`, { stage: to }), onSettled: refresh });
  const remove = useMutation({
    mutationFn: () => api.delete(`/api/crm/deals/${id}`),
    onSuccess: () => {
      void queries.invalidateQueries({ queryKey: ['deals'] });
      navigate('/crm/deals');
    },
  });
  if (deal.isPending) return <Loading />;
  if (deal.isError || !d) return <Failed error={deal.error} retry={() => void deal.refetch()} />;
  const movable = mayChange(d.ownerId);
  const stages = pipeline.data?.stages ?? [{ key: d.stage, name: d.stage, probability: 0 }];
  return (
    <>
      <PageHeader title={d.title}>
        {movable && <Button onClick={() => setEditing(true)}>{t('edit')}</Button>}
        {can('crm:manage') && <Button variant="danger" onClick={() => window.confirm(t('confirmDelete', { name: d.title })) && remove.mutate()}>{t('delete')}</Button>}
      </PageHeader>
      <p><Link to="/crm/deals">{t('deals')}</Link></p>
      <ErrorText error={stage.error ?? remove.error} />
      <div className="record">
        <div>
          <section className="card" aria-labelledby="details-head">
            <h2 id="details-head">{t('details')}</h2>
            <Facts items={[
              [t('amount'), formatMoney(d.amount.value, d.amount.currency, fmt.locale)],
              [t('stage'), movable ? (
                <select aria-label={t('stage')} value={d.stage} disabled={stage.isPending} onChange={(e) => stage.mutate(e.target.value)} data-testid="deal-stage">
                  {stages.map((s) => <option key={s.key} value={s.key}>{stageName(s)}</option>)}
                </select>
              ) : stageName(stages.find((s) => s.key === d.stage) ?? { key: d.stage, name: d.stage })],
              [t('company'), d.companyId ? <Link to={`/crm/companies/${d.companyId}`}>{company.data?.name ?? '…'}</Link> : null],
              [t('contacts'), contacts.data?.map((c, i) => <span key={c.id}>{i > 0 && ', '}<Link to={`/crm/contacts/${c.id}`}>{[c.firstName, c.lastName].filter(Boolean).join(' ')}</Link></span>)],
              [t('expectedClose'), d.expectedCloseAt && formatDate(d.expectedCloseAt, fmt)],
              [t('closed'), d.closedAt && formatDate(d.closedAt, fmt)],
              [t('lostReason'), d.lostReason],
              [t('owner'), nameOf(people, d.ownerId)],
            ]} />
          </section>
        </div>
        <div>
          <Timeline link={{ dealId: id }} />
          <Attachments path={`/api/crm/deals/${id}/attachments`} mayChange={movable} />
          {can('notifications:read') && <ActivityFeed title={t('history')} record={id} limit={20} />}
        </div>
      </div>
      {editing && <DealDialog deal={d} onClose={(saved) => { setEditing(false); if (saved) void refresh(); }} />}
    </>
  );
}
