import { useId, useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useHub, type User } from '../app';
import { ApiError } from '../api/client';
import { useLogo, useOrganisation, type OrganisationSettings } from '../shell';
import { Button, ErrorText, Failed, Loading, PageHeader, SelectField, TextField } from '../ui/ui';

const ZONES: string[] = (() => {
  try {
    return (Intl as unknown as { supportedValuesOf(k: string): string[] }).supportedValuesOf('timeZone');
  } catch {
    return ['UTC'];
  }
})();

const DAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'] as const;

/** The user's own profile, time zone, language and password; the organisation's settings and logo. */
export default function Settings() {
  const { t, me } = useHub();
  return (
    <>
      <PageHeader title={t('settings')} />
      {me && <Profile me={me} />}
      <Password />
      <Organisation />
    </>
  );
}

/** A weekday's name in the user's language (Monday = 0). */
function useDayName() {
  const { fmt } = useHub();
  return (i: number) => new Intl.DateTimeFormat(fmt.locale, { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, 1 + i)));
}

/** Everyone reads the organisation's settings; holders of users:admin change them and its logo. */
function Organisation() {
  const { t, can } = useHub();
  const organisation = useOrganisation();
  return (
    <section className="card" aria-labelledby="organisation-title" data-testid="organisation">
      <h2 id="organisation-title">{t('organisation')}</h2>
      {organisation.isPending ? <Loading /> : organisation.isError ? <Failed error={organisation.error} retry={() => void organisation.refetch()} /> : (
        <>
          <Logo settings={organisation.data} admin={can('users:admin')} />
          {can('users:admin') ? <OrganisationForm settings={organisation.data} /> : <OrganisationFacts settings={organisation.data} />}
        </>
      )}
    </section>
  );
}

function OrganisationFacts({ settings: o }: { settings: OrganisationSettings }) {
  const { t } = useHub();
  const day = useDayName();
  const name = (d: string) => day(DAYS.indexOf(d as (typeof DAYS)[number]));
  return (
    <dl className="facts">
      <div><dt>{t('name')}</dt><dd>{o.name}</dd></div>
      <div><dt>{t('defaultTimeZone')}</dt><dd dir="ltr">{o.timeZone}</dd></div>
      <div><dt>{t('defaultLanguage')}</dt><dd>{o.locale === 'ar' ? t('arabic') : t('english')}</dd></div>
      <div><dt>{t('weekStart')}</dt><dd>{name(o.weekStart)}</dd></div>
      <div><dt>{t('workingDays')}</dt><dd>{o.workingDays.map(name).join('، ')}</dd></div>
      <div><dt>{t('workingHours')}</dt><dd dir="ltr">{o.workingHours.from}–{o.workingHours.to}</dd></div>
      <div><dt>{t('digestTime')}</dt><dd dir="ltr">{o.digestTime}</dd></div>
    </dl>
  );
}

function OrganisationForm({ settings }: { settings: OrganisationSettings }) {
  const { api, t } = useHub();
  const queries = useQueryClient();
  const day = useDayName();
  const [form, setForm] = useState(settings);
  const save = useMutation({
    mutationFn: () => api.patch<OrganisationSettings>('/api/users/settings', {
      name: form.name, timeZone: form.timeZone, locale: form.locale, weekStart: form.weekStart,
      workingDays: form.workingDays, workingHours: form.workingHours, digestTime: form.digestTime,
    }),
    onSuccess: (saved) => queries.setQueryData(['settings', 'organisation'], saved),
  });
  const fields = save.error instanceof ApiError ? save.error.fieldErrors() : {};
  const zones = ZONES.includes(form.timeZone) ? ZONES : [form.timeZone, ...ZONES];
  const toggle = (d: string) => setForm({ ...form, workingDays: form.workingDays.includes(d) ? form.workingDays.filter((x) => x !== d) : DAYS.filter((x) => x === d || form.workingDays.includes(x)) });
  return (
    <form className="form" onSubmit={(e) => { e.preventDefault(); save.mutate(); }}>
      <TextField label={t('name')} required maxLength={100} value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} error={fields.name} />
      <div className="row">
        <SelectField label={t('defaultTimeZone')} value={form.timeZone} onChange={(e) => setForm({ ...form, timeZone: e.target.value })} options={zones.map((z) => ({ value: z, label: z }))} error={fields.timeZone} />
        <SelectField label={t('defaultLanguage')} value={form.locale} onChange={(e) => setForm({ ...form, locale: e.target.value })} options={[{ value: 'en', label: t('english') }, { value: 'ar', label: t('arabic') }]} error={fields.locale} />
        <SelectField label={t('weekStart')} value={form.weekStart} onChange={(e) => setForm({ ...form, weekStart: e.target.value })} options={DAYS.map((d, i) => ({ value: d, label: day(i) }))} />
      </div>
      <fieldset className="checks">
        <legend>{t('workingDays')}</legend>
        {DAYS.map((d, i) => (
          <label key={d}><input type="checkbox" checked={form.workingDays.includes(d)} onChange={() => toggle(d)} />{day(i)}</label>
        ))}
      </fieldset>
      {fields.workingDays && <p className="error" role="alert">{fields.workingDays}</p>}
      <div className="row">
        <TextField label={t('workStarts')} type="time" required value={form.workingHours.from} onChange={(e) => setForm({ ...form, workingHours: { ...form.workingHours, from: e.target.value } })} error={fields['workingHours.from']} />
        <TextField label={t('workEnds')} type="time" required value={form.workingHours.to} onChange={(e) => setForm({ ...form, workingHours: { ...form.workingHours, to: e.target.value } })} error={fields['workingHours.to'] ?? fields['workingHours.ordered'] ?? fields.workingHours} />
        <TextField label={t('digestTime')} type="time" required value={form.digestTime} onChange={(e) => setForm({ ...form, digestTime: e.target.value })} error={fields.digestTime} />
      </div>
      <ErrorText error={save.error && !Object.keys(fields).length ? save.error : null} />
      {save.isSuccess && <p role="status" className="notice">{t('saved')}</p>}
      <div><Button type="submit" variant="primary" disabled={save.isPending}>{t('save')}</Button></div>
    </form>
  );
}

/** The logo: shown to everyone; an admin uploads an image (PNG, JPEG, GIF, WebP) or removes it. */
function Logo({ settings, admin }: { settings: OrganisationSettings; admin: boolean }) {
  const { api, t } = useHub();
  const queries = useQueryClient();
  const input = useId();
  const url = useLogo(settings.logoFileId);
  const done = () => queries.invalidateQueries({ queryKey: ['settings'] });
  const upload = useMutation({ mutationFn: (file: File) => api.upload('/api/users/settings/logo', file, file.name, 'PUT'), onSettled: done });
  const remove = useMutation({ mutationFn: () => api.delete('/api/users/settings/logo'), onSettled: done });
  return (
    <div className="field" data-testid="logo">
      <span>{t('logo')}</span>
      {url ? <img src={url} alt={t('logoOf', { name: settings.name })} className="logo-preview" /> : <p className="muted">{t('noLogo')}</p>}
      {admin && (
        <>
          <label htmlFor={input}>{t('uploadLogo')}</label>
          <input id={input} type="file" accept="image/png,image/jpeg,image/gif,image/webp" disabled={upload.isPending} data-testid="logo-input" onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) upload.mutate(file);
            e.target.value = '';
          }} />
          <small className="hint">{t('logoHint')}</small>
          {settings.logoFileId && <div><Button variant="danger" disabled={remove.isPending} onClick={() => remove.mutate()}>{t('removeLogo')}</Button></div>}
          <ErrorText error={upload.error ?? remove.error} />
        </>
      )}
    </div>
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
