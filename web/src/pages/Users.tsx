import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useHub, type User } from '../app';
import { ApiError, type Page } from '../api/client';
import type { Role } from '../api/types';
import { formatDate } from '../lib/format';
import { Button, Dialog, ErrorText, Failed, Loading, PageHeader, TextField } from '../ui/ui';

/** Users and roles: list and search; admins create, disable, enable, delete and set roles. */
export default function Users() {
  const { api, t, fmt, can, me } = useHub();
  const queries = useQueryClient();
  const admin = can('users:admin');
  const [q, setQ] = useState('');
  const [creating, setCreating] = useState(false);
  const [rolesOf, setRolesOf] = useState<User | null>(null);
  const users = useQuery({ queryKey: ['users', q], queryFn: () => api.get<Page<User>>('/api/users', { q, limit: 100 }) });
  const roles = useQuery({ queryKey: ['roles'], queryFn: () => api.get<{ items: Role[] }>('/api/users/roles') });
  const refresh = () => queries.invalidateQueries({ queryKey: ['users'] });
  const action = useMutation({
    mutationFn: ({ user, kind }: { user: User; kind: 'disable' | 'enable' | 'delete' }) =>
      kind === 'delete' ? api.delete(`/api/users/${user.id}`) : api.post(`/api/users/${user.id}/${kind}`),
    onSuccess: refresh,
  });
  return (
    <>
      <PageHeader title={t('users')}>{admin && <Button variant="primary" onClick={() => setCreating(true)}>{t('newUser')}</Button>}</PageHeader>
      <div className="toolbar">
        <TextField label={t('search')} type="search" value={q} onChange={(e) => setQ(e.target.value)} />
      </div>
      <ErrorText error={action.error} />
      {users.isPending ? <Loading /> : users.isError ? <Failed error={users.error} retry={() => void users.refetch()} /> : (
        <div className="table-wrap">
          <table data-testid="users">
            <thead><tr><th scope="col">{t('displayName')}</th><th scope="col">{t('email')}</th><th scope="col">{t('roles')}</th><th scope="col">{t('status')}</th><th scope="col">{t('actions')}</th></tr></thead>
            <tbody>
              {users.data.items.map((user) => (
                <tr key={user.id}>
                  <td>{user.displayName}</td>
                  <td dir="ltr">{user.email}</td>
                  <td>{user.roles.join(', ')}</td>
                  <td>{user.status === 'active' ? t('active') : t('disabled')} <span className="muted">· {formatDate(user.createdAt, fmt)}</span></td>
                  <td className="actions">
                    {admin && user.id !== me?.id && (
                      <>
                        <Button onClick={() => setRolesOf(user)}>{t('roles')}</Button>
                        <Button onClick={() => action.mutate({ user, kind: user.status === 'active' ? 'disable' : 'enable' })}>{user.status === 'active' ? t('disable') : t('enable')}</Button>
                        <Button variant="danger" onClick={() => window.confirm(t('confirmDelete', { name: user.displayName })) && action.mutate({ user, kind: 'delete' })}>{t('delete')}</Button>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <section className="card" aria-labelledby="roles-title">
        <h2 id="roles-title">{t('roles')}</h2>
        {roles.isPending ? <Loading /> : roles.isError ? <Failed error={roles.error} /> : (
          <ul className="list">
            {roles.data.items.map((role) => (
              <li key={role.name}><strong>{role.name}</strong>{role.builtIn && <span className="muted"> · {t('builtIn')}</span>}<span className="muted perms" dir="ltr">{role.permissions.join(' ')}</span></li>
            ))}
          </ul>
        )}
      </section>
      {creating && <CreateUser roles={roles.data?.items ?? []} onClose={(changed) => { setCreating(false); if (changed) void refresh(); }} />}
      {rolesOf && <EditRoles user={rolesOf} roles={roles.data?.items ?? []} onClose={(changed) => { setRolesOf(null); if (changed) void refresh(); }} />}
    </>
  );
}

function RoleChecks({ roles, chosen, onChange }: { roles: Role[]; chosen: string[]; onChange: (r: string[]) => void }) {
  const { t } = useHub();
  return (
    <fieldset>
      <legend>{t('roles')}</legend>
      {roles.map((role) => (
        <label key={role.name} className="check">
          <input type="checkbox" checked={chosen.includes(role.name)} onChange={(e) => onChange(e.target.checked ? [...chosen, role.name] : chosen.filter((r) => r !== role.name))} />
          {role.name}
        </label>
      ))}
    </fieldset>
  );
}

function CreateUser({ roles, onClose }: { roles: Role[]; onClose: (changed: boolean) => void }) {
  const { api, t, fmt } = useHub();
  const [form, setForm] = useState({ email: '', displayName: '', password: '', roles: ['member'] });
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const fields = error instanceof ApiError ? error.fieldErrors() : {};
  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    try {
      await api.post('/api/users', { ...form, timeZone: fmt.timeZone, locale: fmt.locale });
      onClose(true);
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  }
  return (
    <Dialog title={t('newUser')} open onClose={() => onClose(false)}>
      <form className="form" onSubmit={submit}>
        <TextField label={t('email')} type="email" required value={form.email} onChange={(e) => setForm({ ...form, email: e.target.value })} error={fields.email} />
        <TextField label={t('displayName')} required value={form.displayName} onChange={(e) => setForm({ ...form, displayName: e.target.value })} error={fields.displayName} />
        <TextField label={t('initialPassword')} type="password" autoComplete="new-password" required minLength={12} value={form.password} onChange={(e) => setForm({ ...form, password: e.target.value })} error={fields.password} />
        <RoleChecks roles={roles} chosen={form.roles} onChange={(r) => setForm({ ...form, roles: r })} />
        <ErrorText error={error} />
        <div className="dialog-actions">
          <Button type="submit" variant="primary" disabled={busy}>{t('create')}</Button>
          <Button onClick={() => onClose(false)}>{t('cancel')}</Button>
        </div>
      </form>
    </Dialog>
  );
}

function EditRoles({ user, roles, onClose }: { user: User; roles: Role[]; onClose: (changed: boolean) => void }) {
  const { api, t } = useHub();
  const [chosen, setChosen] = useState(user.roles);
  const save = useMutation({ mutationFn: () => api.put(`/api/users/${user.id}/roles`, { roles: chosen }), onSuccess: () => onClose(true) });
  return (
    <Dialog title={t('rolesOf', { name: user.displayName })} open onClose={() => onClose(false)}>
      <form className="form" onSubmit={(e) => { e.preventDefault(); save.mutate(); }}>
        <RoleChecks roles={roles} chosen={chosen} onChange={setChosen} />
        <ErrorText error={save.error} />
        <div className="dialog-actions">
          <Button type="submit" variant="primary" disabled={save.isPending || chosen.length === 0}>{t('save')}</Button>
          <Button onClick={() => onClose(false)}>{t('cancel')}</Button>
        </div>
      </form>
    </Dialog>
  );
}
