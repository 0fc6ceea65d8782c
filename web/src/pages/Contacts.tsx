import { useState, type FormEvent } from 'react';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useHub } from '../app';
import { ApiError, type Page } from '../api/client';
import type { Company, CrmContact as Contact } from '../api/types';
import { Button, Dialog, ErrorText, Failed, Loading, PageHeader, SelectField, TextField } from '../ui/ui';
import { ExportButton, useMayChange } from './crm/common';

/** CRM contacts: search, create, edit, delete. */
export default function Contacts() {
  const { api, t, can } = useHub();
  const queries = useQueryClient();
  const [q, setQ] = useState('');
  const [editing, setEditing] = useState<Contact | 'new' | null>(null);
  const list = useInfiniteQuery({
    queryKey: ['contacts', q],
    queryFn: ({ pageParam }) => api.get<Page<Contact>>('/api/crm/contacts', { q: q.trim(), limit: 50, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const remove = useMutation({ mutationFn: (c: Contact) => api.delete(`/api/crm/contacts/${c.id}`), onSuccess: () => queries.invalidateQueries({ queryKey: ['contacts'] }) });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const write = can('crm:write');
  // the owner or crm:manage changes a contact; only crm:manage deletes one
  const mayChange = useMayChange();
  return (
    <>
      <PageHeader title={t('contacts')}>
        <ExportButton path="/api/crm/contacts/export" query={{ q: q.trim() || undefined }} filename="contacts.csv" />
        {write && <Button variant="primary" onClick={() => setEditing('new')}>{t('newContact')}</Button>}
      </PageHeader>
      <div className="toolbar"><TextField label={t('search')} type="search" value={q} onChange={(e) => setQ(e.target.value)} /></div>
      <ErrorText error={remove.error} />
      {list.isPending ? <Loading /> : list.isError ? <Failed error={list.error} retry={() => void list.refetch()} /> : items.length === 0 ? <p className="muted">{t('nothingHere')}</p> : (
        <div className="table-wrap">
          <table data-testid="contacts">
            <thead><tr><th scope="col">{t('name')}</th><th scope="col">{t('email')}</th><th scope="col">{t('phone')}</th><th scope="col">{t('tags')}</th>{write && <th scope="col">{t('actions')}</th>}</tr></thead>
            <tbody>
              {items.map((c) => (
                <tr key={c.id}>
                  <td><Link to={`/crm/contacts/${c.id}`}>{[c.firstName, c.lastName].filter(Boolean).join(' ')}</Link></td>
                  <td dir="ltr">{c.email}</td>
                  <td dir="ltr">{c.phone}</td>
                  <td>{c.tags?.join(', ')}</td>
                  {write && (
                    <td className="actions">
                      {mayChange(c.ownerId) && <Button onClick={() => setEditing(c)}>{t('edit')}</Button>}
                      {can('crm:manage') && <Button variant="danger" onClick={() => window.confirm(t('confirmDelete', { name: c.firstName })) && remove.mutate(c)}>{t('delete')}</Button>}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {list.hasNextPage && <Button onClick={() => void list.fetchNextPage()}>{t('more')}</Button>}
      {editing && <ContactDialog contact={editing === 'new' ? null : editing} onClose={(changed) => { setEditing(null); if (changed) void queries.invalidateQueries({ queryKey: ['contacts'] }); }} />}
    </>
  );
}

export function ContactDialog({ contact, onClose }: { contact: Contact | null; onClose: (changed: boolean) => void }) {
  const { api, t } = useHub();
  const [form, setForm] = useState({
    firstName: contact?.firstName ?? '',
    lastName: contact?.lastName ?? '',
    email: contact?.email ?? '',
    phone: contact?.phone ?? '',
    tags: contact?.tags?.join(', ') ?? '',
    title: contact?.title ?? '',
    companyId: contact?.companyId ?? '',
  });
  const companies = useQuery({ queryKey: ['companies', 'choices'], queryFn: () => api.get<Page<Company>>('/api/crm/companies', { sort: 'name', limit: 200 }) });
  const [error, setError] = useState<unknown>(null);
  const fields = error instanceof ApiError ? error.fieldErrors() : {};
  async function submit(e: FormEvent) {
    e.preventDefault();
    const body = {
      firstName: form.firstName,
      lastName: form.lastName || null,
      email: form.email || null,
      phone: form.phone || null,
      tags: form.tags.split(',').map((s) => s.trim()).filter(Boolean),
      title: form.title || null,
      companyId: form.companyId || null,
    };
    try {
      if (contact) await api.patch(`/api/crm/contacts/${contact.id}`, body);
      else await api.post('/api/crm/contacts', body);
      onClose(true);
    } catch (err) {
      setError(err);
    }
  }
  const set = (key: keyof typeof form) => (e: React.ChangeEvent<HTMLInputElement>) => setForm({ ...form, [key]: e.target.value });
  return (
    <Dialog title={contact ? t('editContact') : t('newContact')} open onClose={() => onClose(false)}>
      <form className="form" onSubmit={submit}>
        <div className="row">
          <TextField label={t('firstName')} required value={form.firstName} onChange={set('firstName')} error={fields.firstName} />
          <TextField label={t('lastName')} value={form.lastName} onChange={set('lastName')} error={fields.lastName} />
        </div>
        <TextField label={t('email')} type="email" dir="ltr" value={form.email} onChange={set('email')} error={fields.email} />
        <TextField label={t('phone')} type="tel" dir="ltr" value={form.phone} onChange={set('phone')} error={fields.phone} />
        <div className="row">
          <TextField label={t('jobTitle')} value={form.title} onChange={set('title')} error={fields.title} />
          <SelectField label={t('company')} value={form.companyId} onChange={(e) => setForm({ ...form, companyId: e.target.value })} error={fields.companyId}
            options={[{ value: '', label: t('none') }, ...(companies.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))]} />
        </div>
        <TextField label={t('tags')} value={form.tags} onChange={set('tags')} error={fields.tags} />
        <ErrorText error={error} />
        <div className="dialog-actions">
          <Button type="submit" variant="primary">{t('save')}</Button>
          <Button onClick={() => onClose(false)}>{t('cancel')}</Button>
        </div>
      </form>
    </Dialog>
  );
}
