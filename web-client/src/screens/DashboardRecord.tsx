import { useState } from 'preact/hooks';
import type { Credential } from '../api/client';
import { errorText } from '../api/instance';
import type { WorkshopSnapshot } from '../api/types';
import { downloadExport } from '../audit/download';
import { ErrorBox } from '../components/common';
import { formatMoment } from '../format';
import { useI18n } from '../lang';
import type { ReplayState } from '../replay/useReplay';
import { hrefs } from '../router';

/** The dashboard's way into the record: the audit trail and the spreadsheet exports. */
export function RecordLinks({ snapshot, credential }: { snapshot: WorkshopSnapshot; credential: Credential }) {
  const { t, lang } = useI18n();
  const [error, setError] = useState<string | null>(null);
  const facilitator = credential.kind === 'facilitator';
  const lang2 = lang === 'en' ? '?lang=en' : '';

  async function csv(which: 'results' | 'ratings') {
    setError(null);
    try {
      await downloadExport(credential, `/workshops/${encodeURIComponent(snapshot.id)}/export/${which}.csv${lang2}`,
        `samverka-${which}-${snapshot.joinCode}.csv`);
    } catch (e) {
      setError(t('export.failed', { detail: errorText(e, t) }));
    }
  }

  return (
    <nav class="record-links" aria-label={t('dash.record')}>
      <a class="button secondary" data-testid="dash-audit"
         href={facilitator ? hrefs.projectAudit(snapshot.projectId, snapshot.id) : hrefs.workshopAudit(snapshot.id)}>
        {t('dash.audit')}
      </a>
      <button type="button" class="button secondary" data-testid="export-results" onClick={() => csv('results')}>
        {t('export.results')}
      </button>
      {facilitator && (
        <button type="button" class="button secondary" data-testid="export-ratings" onClick={() => csv('ratings')}>
          {t('export.ratings')}
        </button>
      )}
      <ErrorBox text={error} />
    </nav>
  );
}

/** The slider that steps the dashboard through the meeting, event by event. */
export function ReplayBar({ replay, liveVersion }: { replay: ReplayState; liveVersion: number }) {
  const { t, lang } = useI18n();
  if (!replay.active) {
    return (
      <button type="button" class="button secondary" data-testid="replay-open" onClick={() => replay.open(liveVersion)}>
        {t('replay.open')}
      </button>
    );
  }
  const latest = replay.replayed?.latestVersion ?? liveVersion;
  return (
    <section class="replay card" aria-label={t('replay.open')} data-testid="replay-bar">
      <p class="replay-banner" role="status">{t('replay.banner')}</p>
      <label for="replay-slider">{t('replay.slider')}</label>
      <input id="replay-slider" data-testid="replay-slider" type="range" min={0} max={latest} step={1}
             value={replay.version} onInput={(e) => replay.show(Number(e.currentTarget.value))} />
      {replay.replayed && (
        <p data-testid="replay-position" data-version={String(replay.replayed.version)}>
          {t('replay.position', {
            version: replay.replayed.version,
            latest,
            time: formatMoment(replay.replayed.occurredAt, lang),
          })}
        </p>
      )}
      <ErrorBox text={replay.error ? errorText(replay.error, t) : null} />
      <button type="button" class="button secondary" data-testid="replay-close" onClick={replay.close}>
        {t('replay.close')}
      </button>
    </section>
  );
}
