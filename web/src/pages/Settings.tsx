import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useHub, type User } from '../app';
import { ApiError } from '../api/client';
import { Button, ErrorText, PageHeader, SelectField, TextField } from '../ui/ui';

const ZONES: string[] = (() => {
  try {
    return (Intl as unknown as { supportedValuesOf(k: string): string[] }).supportedValuesOf('timeZone');
  } catch {
    return ['UTC'];
  }
})();

/** The user's own profile, time zone, language and password. */
export default function Settings() {
  const { t, me } = useHub();
  return (
    <>
      <PageHeader title={t('settings')} />
      {me && <Profile me={me} />}
      <Password />
    </>
  );
}

function Profile({ me }: { me: User }) {
  const { api, t } = useHub();
  const queries = useQueryClient();
  const [displayName, setDisplayName] = useState(me.displayName);
  const [timeZone, setTimeZone] = useState(me.timeZone);
  const [locale, setLocale] = useState(me.locale.startsWith('ar') ? 'ar' : 'en');
  const save = useMutation({
    mutationFn: () => api.patch<User>('/api/users/me', { displayName, timeZone, locale }),
    onSuccess: (user) => queries.setQueryData(['me'], user),
  });
  const zones = ZONES.includes(timeZone) ? ZONES : [timeZone, ...ZONES];
  const fields = save.error instanceof ApiError ? save.error.fieldErrors() : {};
  return (
    <section className="card" aria-labelledby="profile-title">
      <h2 id="profile-title">{t('profile')}</h2>
      <form className="form" onSubmit={(e) => { e.preventDefault(); save.mutate(); }}>
        <TextField label={t('displayName')} required value={displayName} onChange={(e) => setDisplayName(e.target.value)} error={fields.displayName} />
        <TextField label={t('email')} value={me.email} readOnly dir="ltr" />
        <SelectField label={t('timeZone')} value={timeZone} onChange={(e) => setTimeZone(e.target.value)} options={zones.map((z) => ({ value: z, label: z }))} error={fields.timeZone} />
        <SelectField label={t('language')} value={locale} onChange={(e) => setLocale(e.target.value)} options={[{ value: 'en', label: t('english') }, { value: 'ar', label: t('arabic') }]} />
        <ErrorText error={save.error} />
        {save.isSuccess && <p role="status" className="notice">{t('saved')}</p>}
        <div><Button type="submit" variant="primary" disabled={save.isPending}>{t('save')}</Button></div>
      </form>
    </section>
  );
}

function Password() {
  const { api, t } = useHub();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      await api.post('/api/auth/password', { currentPassword, newPassword });
      setDone(true);
      window.setTimeout(() => void api.logout(), 1500);
    } catch (err) {
      setError(err);
    }
  }
  const fields = error instanceof ApiError ? error.fieldErrors() : {};
  return (
    <section className="card" aria-labelledby="password-title">
      <h2 id="password-title">{t('changePassword')}</h2>
      <form className="form" onSubmit={submit}>
        <TextField label={t('currentPassword')} type="password" autoComplete="current-password" required value={currentPassword} onChange={(e) => setCurrent(e.target.value)} error={fields.currentPassword} />
        <TextField label={t('newPassword')} type="password" autoComplete="new-password" required minLength={12} value={newPassword} onChange={(e) => setNew(e.target.value)} error={fields.newPassword} />
        <ErrorText error={error} />
        {done && <p role="status" className="notice">{t('passwordChanged')}</p>}
        <div><Button type="submit" variant="primary">{t('changePassword')}</Button></div>
      </form>
    </section>
  );
}
