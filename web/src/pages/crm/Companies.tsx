import { useState, type FormEvent } from 'react';
import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { useHub } from '../../app';
import { ApiError, type Page } from '../../api/client';
import type { Company } from '../../api/types';
import { Button, Dialog, ErrorText, Failed, Loading, PageHeader, TextField } from '../../ui/ui';
import { ExportButton, nameOf, usePeople } from './common';

/** CRM companies: search by a prefix of name or domain, create, export. */
export default function Companies() {
  const { api, t, can } = useHub();
  const queries = useQueryClient();
  const navigate = useNavigate();
  const people = usePeople();
  const [q, setQ] = useState('');
  const [creating, setCreating] = useState(false);
  const list = useInfiniteQuery({
    queryKey: ['companies', q],
    queryFn: ({ pageParam }) => api.get<Page<Company>>('/api/crm/companies', { q: q.trim(), limit: 50, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <PageHeader title={t('companies')}>
        <ExportButton path="/api/crm/companies/export" query={{ q: q.trim() || undefined }} filename="companies.csv" />
        {can('crm:write') && <Button variant="primary" onClick={() => setCreating(true)}>{t('newCompany')}</Button>}
      </PageHeader>
      <div className="toolbar"><TextField label={t('search')} type="search" value={q} onChange={(e) => setQ(e.target.value)} /></div>
      {list.isPending ? <Loading /> : list.isError ? <Failed error={list.error} retry={() => void list.refetch()} /> : items.length === 0 ? <p className="muted">{t('nothingHere')}</p> : (
        <div className="table-wrap">
          <table data-testid="companies">
            <thead><tr><th scope="col">{t('name')}</th><th scope="col">{t('domain')}</th><th scope="col">{t('industry')}</th><th scope="col">{t('owner')}</th></tr></thead>
            <tbody>
              {items.map((c) => (
                <tr key={c.id}>
                  <td><Link to={`/crm/companies/${c.id}`}>{c.name}</Link></td>
                  <td dir="ltr">{c.domain}</td>
                  <td>{c.industry}</td>
                  <td>{nameOf(people, c.ownerId)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {list.hasNextPage && <Button onClick={() => void list.fetchNextPage()}>{t('more')}</Button>}
      {creating && (
        <CompanyDialog
          company={null}
          onClose={(saved) => {
            setCreating(false);
            if (saved) {
              void queries.invalidateQueries({ queryKey: ['companies'] });
              navigate(`/crm/companies/${saved.id}`);
            }
          }}
        />
      )}
    </>
  );
}

export function CompanyDialog({ company, onClose }: { company: Company | null; onClose: (saved: Company | null) => void }) {
  const { api, t } = useHub();
  const [form, setForm] = useState({
    name: company?.name ?? '',
    domain: company?.domain ?? '',
    industry: company?.industry ?? '',
    phone: company?.phone ?? '',
    address: company?.address ?? '',
    tags: company?.tags?.join(', ') ?? '',
  });
  const [error, setError] = useState<unknown>(null);
  const fields = error instanceof ApiError ? error.fieldErrors() : {};
  const taken = error instanceof ApiError && error.status === 409 && typeof error.problem.existingId === 'string' ? error.problem.existingId : null;
  async function submit(e: FormEvent) {
    e.preventDefault();
    const body = {
      name: form.name,
      domain: form.domain || null,
      industry: form.industry || null,
      phone: form.phone || null,
      address: form.address || null,
      tags: form.tags.split(',').map((s) => s.trim()).filter(Boolean),
    };
    try {
      onClose(company ? await api.patch<Company>(`/api/crm/companies/${company.id}`, body) : await api.post<Company>('/api/crm/companies', body));
    } catch (err) {
      setError(err);
    }
  }
  const set = (key: keyof typeof form) => (e: React.ChangeEvent<HTMLInputElement>) => setForm({ ...form, [key]: e.target.value });
  return (
    <Dialog title={company ? t('editCompany') : t('newCompany')} open onClose={() => onClose(null)}>
      <form className="form" onSubmit={submit}>
        <TextField label={t('name')} required value={form.name} onChange={set('name')} error={fields.name} />
        <div className="row">
          <TextField label={t('domain')} dir="ltr" value={form.domain} onChange={set('domain')} error={fields.domain} />
          <TextField label={t('industry')} value={form.industry} onChange={set('industry')} error={fields.industry} />
        </div>
        <TextField label={t('phone')} type="tel" dir="ltr" value={form.phone} onChange={set('phone')} error={fields.phone} />
        <TextField label={t('address')} value={form.address} onChange={set('address')} error={fields.address} />
        <TextField label={t('tags')} value={form.tags} onChange={set('tags')} error={fields.tags} />
        {taken ? <p className="error" role="alert">{t('domainTaken')} <Link to={`/crm/companies/${taken}`} onClick={() => onClose(null)}>{t('openIt')}</Link></p> : <ErrorText error={Object.keys(fields).length ? null : error} />}
        <div className="dialog-actions">
          <Button type="submit" variant="primary">{t('save')}</Button>
          <Button onClick={() => onClose(null)}>{t('cancel')}</Button>
        </div>
      </form>
    </Dialog>
  );
}
