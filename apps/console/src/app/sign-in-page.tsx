import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/problem';
import { useSession } from '../auth/session-context';
import { useLocale } from '../i18n/locale-context';

export function SignInPage() {
  const { t } = useLocale();
  const { store, expired } = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [failure, setFailure] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setBusy(true);
    setFailure(undefined);
    try {
      await store.signIn(username, password);
    } catch (error) {
      const rejected = error instanceof ApiError && (error.status === 400 || error.status === 401);
      setFailure(rejected ? t('signIn.failed') : t('common.error'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="sign-in">
      <form className="card" onSubmit={(event) => void submit(event)} aria-label={t('signIn.title')}>
        <h1>{t('app.title')}</h1>
        {expired ? <p className="muted">{t('signIn.expired')}</p> : null}
        <label>
          {t('signIn.username')}
          <input
            name="username"
            autoComplete="username"
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            required
          />
        </label>
        <label>
          {t('signIn.password')}
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            required
          />
        </label>
        {failure ? (
          <p className="error" role="alert">
            {failure}
          </p>
        ) : null}
        <button type="submit" disabled={busy}>
          {t('signIn.submit')}
        </button>
      </form>
    </main>
  );
}
