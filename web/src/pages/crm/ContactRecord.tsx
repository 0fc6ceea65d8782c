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
import { ContactDialog } from '../Contacts';
import { Facts, Timeline, nameOf, useMayChange, usePeople } from './common';

/** A contact: its fields, company and deals, and its timeline with notes. */
export default function ContactRecord() {
  const { id = '' } = useParams();
  const { api, t, can, fmt } = useHub();
  const queries = useQueryClient();
  const navigate = useNavigate();
  const people = usePeople();
  const mayChange = useMayChange();
  const [editing, setEditing] = useState(false);
  const contact = useQuery({ queryKey: ['contacts', 'one', id], queryFn: () => api.get<CrmContact>(`/api/crm/contacts/${id}`) });
  const companyId = contact.data?.companyId;
  const company = useQuery({ queryKey: ['companies', 'one', companyId], queryFn: () => api.get<Company>(`/api/crm/companies/${companyId}`), enabled: !!companyId });
  const deals = useQuery({ queryKey: ['deals', 'of-contact', id], queryFn: () => api.get<Page<Deal>>('/api/crm/deals', { contactId: id, limit: 100 }) });
  const remove = useMutation({
    mutationFn: () => api.delete(`/api/crm/contacts/${id}`),
    onSuccess: () => {
      void queries.invalidateQueries({ queryKey: ['contacts'] });
      navigate('/crm/contacts');
    },
  });
  if (contact.isPending) return <Loading />;
  if (contact.isError) return <Failed error={contact.error} retry={() => void contact.refetch()} />;
  const c = contact.data;
  const name = [c.firstName, c.lastName].filter(Boolean).join(' ');
  return (
    <>
      <PageHeader title={name}>
        {mayChange(c.ownerId) && <Button onClick={() => setEditing(true)}>{t('edit')}</Button>}
        {can('crm:manage') && <Link className="btn btn-secondary" to={`/crm/contacts/${id}/merge`}>{t('mergeDuplicate')}</Link>}
        {can('crm:manage') && <Button variant="danger" onClick={() => window.confirm(t('confirmDelete', { name })) && remove.mutate()}>{t('delete')}</Button>}
      </PageHeader>
      <p><Link to="/crm/contacts">{t('contacts')}</Link></p>
      <ErrorText error={remove.error} />
      <div className="record">
        <div>
          <section className="card" aria-labelledby="details-head">
            <h2 id="details-head">{t('details')}</h2>
            <Facts items={[
              [t('email'), c.email && <a href={`mailto:${c.email}`} dir="ltr">{c.email}</a>],
              [t('phone'), c.phone && <span dir="ltr">{c.phone}</span>],
              [t('jobTitle'), c.title],
              [t('company'), companyId ? <Link to={`/crm/companies/${companyId}`}>{company.data?.name ?? '…'}</Link> : null],
              [t('tagsShort'), c.tags?.join(', ')],
              [t('owner'), nameOf(people, c.ownerId)],
            ]} />
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
          <Timeline link={{ contactId: id }} />
          <Attachments path={`/api/crm/contacts/${id}/attachments`} mayChange={mayChange(c.ownerId)} />
          {can('notifications:read') && <ActivityFeed title={t('history')} record={id} limit={20} />}
        </div>
      </div>
      {editing && <ContactDialog contact={c} onClose={(changed) => { setEditing(false); if (changed) void queries.invalidateQueries({ queryKey: ['contacts'] }); }} />}
    </>
  );
}
