import { useState } from 'preact/hooks';
import type { ConnectionState } from '../live/liveWorkshop';
import { useI18n } from '../lang';
import { hrefs, navigate } from '../router';
import { clearSession, facilitatorSession } from '../session';

export function LangToggle() {
  const { lang, setLang, t } = useI18n();
  const next = lang === 'sv' ? 'en' : 'sv';
  return (
    <button type="button" class="lang-toggle" data-testid="lang-toggle" lang={next} onClick={() => setLang(next)}>
      <span aria-hidden="true">{next === 'en' ? 'EN' : 'SV'}</span> {t('lang.toggle')}
    </button>
  );
}

export function Header() {
  const { t } = useI18n();
  // Logging out on a page whose hash does not change must still redraw the header.
  const [, redraw] = useState(0);
  const facilitator = facilitatorSession();
  return (
    <header class="site-header">
      <a class="brand" href={hrefs.start()}>
        <span class="brand-name">{t('app.name')}</span>
        <span class="brand-tagline">{t('app.tagline')}</span>
      </a>
      <nav class="site-nav">
        {facilitator && (
          <>
            <a href={hrefs.facilitator()}>{t('nav.facilitator')}</a>
            {facilitator.admin && <a href={hrefs.admin()} data-testid="admin-link">{t('nav.accounts')}</a>}
            <button
              type="button"
              class="link-button"
              onClick={() => {
                clearSession('facilitator');
                redraw((n) => n + 1);
                navigate(hrefs.start());
              }}
            >
              {t('nav.logout')}
            </button>
          </>
        )}
        <LangToggle />
      </nav>
    </header>
  );
}

export function ConnectionStatus({ state }: { state: ConnectionState }) {
  const { t } = useI18n();
  return (
    <p class={`connection connection-${state}`} data-testid="connection-status" data-state={state} aria-live="polite">
      <span class="connection-dot" aria-hidden="true" />
      {t(`status.${state}`)}
    </p>
  );
}

export function ErrorBox({ text }: { text: string | null }) {
  return text ? (
    <p class="error" role="alert">
      {text}
    </p>
  ) : null;
}

export function Loading() {
  const { t } = useI18n();
  return <p class="muted">{t('common.loading')}</p>;
}

/** Five bars, one per score; heights relative to the most common score. */
export function Distribution({ distribution }: { distribution: readonly number[] }) {
  const { t } = useI18n();
  const max = Math.max(1, ...distribution);
  const values = distribution.map((n, i) => `${i + 1}: ${n}`).join(', ');
  return (
    <div class="distribution" role="img" aria-label={t('dash.distribution', { values })}>
      {distribution.map((n, i) => (
        <div class="bar" key={i} title={`${i + 1}: ${n}`}>
          <div class="bar-fill" style={{ height: `${(n / max) * 100}%` }} />
          <span class="bar-label" aria-hidden="true">
            {i + 1}
          </span>
        </div>
      ))}
    </div>
  );
}
