import { useEffect, useState } from 'preact/hooks';
import type { Account, AccountCredentials } from '../api/client';
import { api, errorText } from '../api/instance';
import { ErrorBox, Loading } from '../components/common';
import { useI18n } from '../lang';
import { hrefs } from '../router';
import { facilitatorCredential, facilitatorSession } from '../session';

/**
 * The admin's accounts screen (`#/admin`): every facilitator account, create one, disable or
 * enable one, reset a password. A generated password is shown once, to hand over.
 */
export function Accounts() {
  const { t } = useI18n();
  const credential = facilitatorCredential();
  const me = facilitatorSession()?.username ?? '';
  const [accounts, setAccounts] = useState<Account[] | null>(null);
  const [username, setUsername] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [issued, setIssued] = useState<AccountCredentials | null>(null);
  const reload = () => {
    if (credential) api.accounts.list(credential).then(setAccounts).catch(setError);
  };
  useEffect(reload, []);

  if (!credential) {
    return (
      <main class="narrow">
        <h1>{t('accounts.title')}</h1>
        <p><a href={hrefs.login()}>{t('accounts.login')}</a></p>
      </main>
    );
  }
  const run = (action: () => Promise<unknown>) => {
    setError(null);
    setIssued(null);
    action().then(reload).catch(setError);
  };
  const create = (e: Event) => {
    e.preventDefault();
    run(() => api.accounts.create(credential, username.trim()).then((c) => { setIssued(c); setUsername(''); }));
  };
  return (
    <main class="accounts-screen">
      <h1>{t('accounts.title')}</h1>
      <p class="lead">{t('accounts.intro')}</p>
      <ErrorBox text={error ? errorText(error, t) : null} />
      {issued?.generatedPassword && (
        <p class="card" role="status" data-testid="issued-password">
          {t('accounts.issued', { username: issued.username })}{' '}
          <code class="one-time-password">{issued.generatedPassword}</code>
        </p>
      )}
      <form class="card form" data-testid="account-form" onSubmit={create}>
        <h2>{t('accounts.create')}</h2>
        <div class="field">
          <label for="account-username">{t('accounts.username')}</label>
          <input id="account-username" data-testid="account-username" value={username} required maxLength={64}
            autocomplete="off" aria-describedby="account-username-hint" onInput={(e) => setUsername(e.currentTarget.value)} />
          <p class="hint" id="account-username-hint">{t('accounts.usernameHint')}</p>
        </div>
        <button type="submit" class="button primary" data-testid="account-create">{t('accounts.createButton')}</button>
      </form>
      {!accounts && !error && <Loading />}
      {accounts && (
        <section class="card">
          <h2>{t('accounts.list')}</h2>
          <div class="table-scroll" role="region" aria-label={t('accounts.list')} tabIndex={0}>
            <table class="accounts" data-testid="accounts">
              <thead><tr><th>{t('accounts.username')}</th><th>{t('accounts.state')}</th><th>{t('accounts.actions')}</th></tr></thead>
              <tbody>{accounts.map((a) => (
                <tr key={a.username} data-testid={`account-${a.username}`} data-disabled={a.disabled ? 'true' : 'false'}>
                  <th scope="row">{a.username}{a.admin && <em> · {t('accounts.admin')}</em>}</th>
                  <td>{a.disabled ? <strong>{t('accounts.disabled')}</strong> : t('accounts.active')}</td>
                  <td>
                    {a.username !== me && (
                      <button type="button" class="button secondary small" data-testid={`toggle-${a.username}`}
                        onClick={() => run(() => api.accounts.setDisabled(credential, a.username, !a.disabled))}>
                        {a.disabled ? t('accounts.enable', { username: a.username }) : t('accounts.disable', { username: a.username })}
                      </button>
                    )}{' '}
                    <button type="button" class="button secondary small" data-testid={`reset-${a.username}`}
                      onClick={() => run(() => api.accounts.resetPassword(credential, a.username).then(setIssued))}>
                      {t('accounts.reset', { username: a.username })}
                    </button>
                  </td>
                </tr>
              ))}</tbody>
            </table>
          </div>
        </section>
      )}
    </main>
  );
}
