import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { useHub } from '../../app';
import type { Page } from '../../api/client';
import type { Company, CrmContact, Deal } from '../../api/types';
import { formatMoney } from '../../lib/format';
import { Button, ErrorText, Failed, Loading, PageHeader } from '../../ui/ui';
import { ActivityFeed } from '../../ui/feed';
import { Attachments } from '../../ui/attachments';
import { CompanyDialog } from './Companies';
import { Facts, Timeline, nameOf, useMayChange, usePeople } from './common';

/** A company: its fields, its people and deals, and its timeline. */
export default function CompanyRecord() {
  const { id = '' } = useParams();
  const { api, t, can, fmt } = useHub();
  const queries = useQueryClient();
  const navigate = useNavigate();
  const people = usePeople();
  const mayChange = useMayChange();
  const [editing, setEditing] = useState(false);
  const company = useQuery({ queryKey: ['companies', 'one', id], queryFn: () => api.get<Company>(`/api/crm/companies/${id}`) });
  const contacts = useQuery({ queryKey: ['contacts', 'of-company', id], queryFn: () => api.get<Page<CrmContact>>('/api/crm/contacts', { companyId: id, limit: 100 }) });
  const deals = useQuery({ queryKey: ['deals', 'of-company', id], queryFn: () => api.get<Page<Deal>>('/api/crm/deals', { companyId: id, limit: 100 }) });
  const remove = useMutation({
    mutationFn: () => api.delete(`/api/crm/companies/${id}`),
    onSuccess: () => {
      void queries.invalidateQueries({ queryKey: ['companies'] });
      navigate('/crm/companies');
    },
  });
  if (company.isPending) return <Loading />;
  if (company.isError) return <Failed error={company.error} retry={() => void company.refetch()} />;
  const c = company.data;
  return (
    <>
      <PageHeader title={c.name}>
        {mayChange(c.ownerId) && <Button onClick={() => setEditing(true)}>{t('edit')}</Button>}
        {can('crm:manage') && <Button variant="danger" onClick={() => window.confirm(t('confirmDelete', { name: c.name })) && remove.mutate()}>{t('delete')}</Button>}
      </PageHeader>
      <p><Link to="/crm/companies">{t('companies')}</Link></p>
      <ErrorText error={remove.error} />
      <div className="record">
        <div>
          <section className="card" aria-labelledby="details-head">
            <h2 id="details-head">{t('details')}</h2>
            <Facts items={[
              [t('domain'), c.domain && <span dir="ltr">{c.domain}</span>],
              [t('industry'), c.industry],
              [t('phone'), c.phone && <span dir="ltr">{c.phone}</span>],
              [t('address'), c.address],
              [t('tagsShort'), c.tags?.join(', ')],
              [t('owner'), nameOf(people, c.ownerId)],
            ]} />
          </section>
          <section className="card" aria-labelledby="people-head">
            <h2 id="people-head">{t('contacts')}</h2>
            {contacts.isPending ? <Loading /> : contacts.isError ? <Failed error={contacts.error} /> : contacts.data.items.length === 0 ? <p className="muted">{t('nothingHere')}</p> : (
              <ul className="list">
                {contacts.data.items.map((p) => <li key={p.id}><Link to={`/crm/contacts/${p.id}`}>{[p.firstName, p.lastName].filter(Boolean).join(' ')}</Link>{p.title && <span className="muted">{p.title}</span>}</li>)}
              </ul>
            )}
          </section>
          <section className="card" aria-labelledby="deals-head">
            <h2 id="deals-head">{t('deals')}</h2>
            {deals.isPending ? <Loading /> : deals.isError ? <Failed error={deals.error} /> : deals.data.items.length === 0 ? <p className="muted">{t('nothingHere')}</p> : (
              <ul className="list">
                {deals.data.items.map((d) => <li key={d.id}><Link to={`/crm/deals/${d.id}`}>{d.title}</Link><span className="muted">{formatMoney(d.amount.value, d.amount.currency, fmt.locale)} · {d.stage}</span></li>)}
              </ul>
            )}
          </section>
        </div>
        <div>
          <Timeline link={{ companyId: id }} />
          <Attachments path={`/api/crm/companies/${id}/attachments`} mayChange={mayChange(c.ownerId)} />
          {can('notifications:read') && <ActivityFeed title={t('history')} record={id} limit={20} />}
        </div>
      </div>
      {editing && <CompanyDialog company={c} onClose={(saved) => { setEditing(false); if (saved) void queries.invalidateQueries({ queryKey: ['companies'] }); }} />}
    </>
  );
}
