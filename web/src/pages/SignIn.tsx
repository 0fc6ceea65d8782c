import { useState, type FormEvent } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { useHub } from '../app';
import { ApiError } from '../api/client';
import { Button, TextField } from '../ui/ui';

export function SignIn() {
  const { api, t, signedIn, onSignedIn, signedOutReason, language, setLanguage } = useHub();
  const navigate = useNavigate();
  const location = useLocation();
  const queries = useQueryClient();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (signedIn && !busy) return <Navigate to="/dashboard" replace />;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api.login(email.trim(), password);
      queries.clear();
      onSignedIn();
      const from = (location.state as { from?: string } | null)?.from;
      navigate(from && from !== '/sign-in' ? from : '/dashboard', { replace: true });
    } catch (e) {
      setError(e instanceof ApiError && e.status === 429 ? t('tooManyAttempts') : e instanceof ApiError && e.status === 401 ? t('badCredentials') : e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main id="main" className="signin">
      <form className="card signin-card" onSubmit={submit} aria-labelledby="signin-title">
        <h1 id="signin-title">{t('appName')}</h1>
        <h2>{t('signIn')}</h2>
        {signedOutReason && !error && <p className="notice" role="status">{t('sessionExpired')}</p>}
        <TextField label={t('email')} type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
        <TextField label={t('password')} type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        {error && <p className="error" role="alert">{error}</p>}
        <Button type="submit" variant="primary" disabled={busy}>{busy ? t('signingIn') : t('signIn')}</Button>
        <Button variant="ghost" lang={language === 'ar' ? 'en' : 'ar'} onClick={() => void setLanguage(language === 'ar' ? 'en' : 'ar')}>{t('switchLanguage')}</Button>
      </form>
    </main>
  );
}
