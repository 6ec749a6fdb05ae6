import { useState } from 'preact/hooks';
import { isApiError } from '../api/client';
import { api, errorText } from '../api/instance';
import { ErrorBox } from '../components/common';
import { useI18n } from '../lang';
import { hrefs, navigate } from '../router';
import { saveFacilitator } from '../session';

export function Login() {
  const { t } = useI18n();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const session = await api.login({ username: username.trim(), password });
      saveFacilitator({ token: session.token, username: session.username, admin: session.admin === true });
      navigate(hrefs.facilitator());
    } catch (e) {
      setError(isApiError(e, 401) ? t('login.failed') : errorText(e, t));
      setBusy(false);
    }
  }

  return (
    <main class="narrow">
      <h1>{t('login.title')}</h1>
      <form class="card form" onSubmit={submit}>
        <div class="field">
          <label for="login-username">{t('login.username')}</label>
          <input
            id="login-username"
            data-testid="login-username"
            value={username}
            onInput={(e) => setUsername(e.currentTarget.value)}
            required
            autocomplete="username"
            autocapitalize="none"
            spellcheck={false}
          />
        </div>
        <div class="field">
          <label for="login-password">{t('login.password')}</label>
          <input
            id="login-password"
            type="password"
            data-testid="login-password"
            value={password}
            onInput={(e) => setPassword(e.currentTarget.value)}
            required
            autocomplete="current-password"
          />
        </div>
        <ErrorBox text={error} />
        <button type="submit" class="button primary" data-testid="login-submit" disabled={busy}>
          {busy ? t('login.submitting') : t('login.submit')}
        </button>
      </form>
      <p class="aside-link">
        <a href={hrefs.start()}>{t('common.backToStart')}</a>
      </p>
    </main>
  );
}
