import { useState } from 'preact/hooks';
import type { AuditLine, ChainVerification } from '../api/types';
import type { Credential } from '../api/client';
import { api, errorText } from '../api/instance';
import { downloadExport } from '../audit/download';
import { exportPath, localInputToIso, NO_FILTER, peopleIn, type AuditFilter, type AuditScope } from '../audit/trail';
import { useAuditFeed } from '../audit/useAuditFeed';
import { ConnectionStatus, ErrorBox, Loading } from '../components/common';
import { formatMoment } from '../format';
import { isMessageKey } from '../i18n';
import type { ConnectionState, TransportStatus } from '../live/liveWorkshop';
import { useI18n } from '../lang';
import { hrefs } from '../router';
import { facilitatorCredential, readerCredential } from '../session';

const KINDS = ['project', 'workshop', 'participation', 'rating', 'decision', 'risk', 'status', 'plan'];

function connectionOf(status: TransportStatus): ConnectionState {
  if (status === 'connected' || status === 'offline') return status;
  return 'reconnecting';
}

function useKindLabel(): (kind: string) => string {
  const { t } = useI18n();
  return (kind) => {
    const key = `audit.kind.${kind}`;
    return isMessageKey(key) ? t(key) : kind;
  };
}

function Who({ line }: { line: AuditLine }) {
  const { t } = useI18n();
  const { actor } = line;
  if (actor.anonymous) return <span class="audit-who anonymous">{t('audit.anonymous')}</span>;
  const roleKey = `audit.role.${actor.role}`;
  const role = isMessageKey(roleKey) ? t(roleKey) : actor.role;
  if (actor.role === 'system') return <span class="audit-who">{role}</span>;
  const name = actor.name ?? t('audit.unknownPerson');
  return (
    <span class="audit-who">
      <span class="audit-name">{name}</span>
      <span class="muted">
        {' · '}
        {role}
        {actor.organisation ? ` · ${actor.organisation}` : ''}
      </span>
    </span>
  );
}

function Line({ line, broken }: { line: AuditLine; broken: boolean }) {
  const { t, lang } = useI18n();
  const kindLabel = useKindLabel();
  return (
    <li class={broken ? 'audit-line card broken' : 'audit-line card'} data-testid="audit-line" data-id={line.id}
        data-kind={line.kind} data-broken={broken ? 'true' : undefined}>
      <div class="audit-head">
        <time dateTime={line.occurredAt}>{formatMoment(line.occurredAt, lang)}</time>
        <span class="audit-kind">{kindLabel(line.kind)}</span>
        <span class="muted">#{line.sequence}</span>
      </div>
      <Who line={line} />
      <p class="audit-what">{line.summary[lang]}</p>
      {line.changes.length > 0 && (
        <ul class="audit-changes">
          {line.changes.map((c) => (
            <li key={c.field}>
              {t('audit.change', { label: c.label[lang], from: c.from ?? '–', to: c.to ?? '–' })}
            </li>
          ))}
        </ul>
      )}
      {broken && <p class="error">{t('audit.brokenHere')}</p>}
      {line.requestId && <p class="audit-ids muted">{t('audit.request', { id: line.requestId })}</p>}
    </li>
  );
}

function Verify({ credential, projectId, onResult }: {
  credential: Credential;
  projectId: string;
  onResult: (result: ChainVerification | null) => void;
}) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ChainVerification | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function verify() {
    setBusy(true);
    setError(null);
    try {
      const answer = await api.verifyChain(credential, projectId);
      setResult(answer);
      onResult(answer);
    } catch (e) {
      setError(errorText(e, t));
      onResult(null);
    } finally {
      setBusy(false);
    }
  }

  const reason = (r: string) => {
    const key = `audit.reason.${r}`;
    return isMessageKey(key) ? t(key) : r;
  };

  return (
    <section class="card verify" aria-live="polite">
      <button type="button" class="button primary" data-testid="verify-chain" disabled={busy} onClick={verify}>
        {busy ? t('audit.verifying') : t('audit.verify')}
      </button>
      <ErrorBox text={error} />
      {result && (
        <div data-testid="verify-result" data-intact={String(result.intact)}>
          {result.intact ? (
            <p class="ok">{t('audit.intact', { checked: result.checked })}</p>
          ) : (
            <p class="error">
              {t('audit.broken', {
                position: result.brokenAt?.position ?? '?',
                reason: reason(result.brokenAt?.reason ?? ''),
              })}
            </p>
          )}
          {result.pending > 0 && <p class="muted">{t('audit.pending', { count: result.pending })}</p>}
          {result.head && <p class="muted hash">{t('audit.head', { hash: result.head.hash })}</p>}
        </div>
      )}
    </section>
  );
}

function Filters({ filter, onChange, lines }: {
  filter: AuditFilter;
  onChange: (f: AuditFilter) => void;
  lines: readonly AuditLine[];
}) {
  const { t } = useI18n();
  const kindLabel = useKindLabel();
  const people = peopleIn(lines);
  // A chosen person stays choosable even when none of their lines is loaded.
  if (filter.actor && !people.some((p) => p.key === filter.actor)) {
    people.unshift({ key: filter.actor, label: filter.actor });
  }
  return (
    <form class="card audit-filters" aria-label={t('audit.filters')} onSubmit={(e) => e.preventDefault()}>
      <div class="field">
        <label for="audit-kind">{t('audit.filter.kind')}</label>
        <select id="audit-kind" data-testid="audit-kind" value={filter.kinds[0] ?? ''}
                onChange={(e) => onChange({ ...filter, kinds: e.currentTarget.value ? [e.currentTarget.value] : [] })}>
          <option value="">{t('audit.filter.allKinds')}</option>
          {KINDS.map((k) => (
            <option key={k} value={k}>{kindLabel(k)}</option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="audit-person">{t('audit.filter.person')}</label>
        <select id="audit-person" data-testid="audit-person" value={filter.actor ?? ''}
                onChange={(e) => onChange({ ...filter, actor: e.currentTarget.value || null })}>
          <option value="">{t('audit.filter.everyone')}</option>
          {people.map((p) => (
            <option key={p.key} value={p.key}>{p.label}</option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="audit-from">{t('audit.filter.from')}</label>
        <input id="audit-from" type="datetime-local"
               onChange={(e) => onChange({ ...filter, from: localInputToIso(e.currentTarget.value) })} />
      </div>
      <div class="field">
        <label for="audit-to">{t('audit.filter.to')}</label>
        <input id="audit-to" type="datetime-local"
               onChange={(e) => onChange({ ...filter, to: localInputToIso(e.currentTarget.value) })} />
      </div>
      <button type="reset" class="button secondary" onClick={() => onChange(NO_FILTER)}>
        {t('audit.filter.clear')}
      </button>
    </form>
  );
}

/** The audit trail of a project (its facilitator), of one workshop in it, or of a workshop (its participants). */
export function Audit({ scope }: { scope: AuditScope }) {
  const { t } = useI18n();
  const credential = scope.kind === 'project' ? facilitatorCredential() : readerCredential(scope.workshopId);
  const [filter, setFilter] = useState<AuditFilter>(NO_FILTER);
  const [verification, setVerification] = useState<ChainVerification | null>(null);
  const [exportError, setExportError] = useState<string | null>(null);
  const feed = useAuditFeed(scope, credential, filter);

  if (!credential) {
    return (
      <main class="narrow">
        <ErrorBox text={t('error.forbidden')} />
        <a href={hrefs.start()}>{t('common.backToStart')}</a>
      </main>
    );
  }

  const brokenId = verification?.brokenAt?.eventIdentifier ?? null;
  const title = scope.kind === 'workshop' ? t('audit.titleWorkshop')
    : scope.workshopId ? t('audit.titleProjectWorkshop') : t('audit.titleProject');
  const dashboardId = scope.workshopId;

  async function exportJson() {
    if (!credential) return;
    setExportError(null);
    try {
      const name = scope.kind === 'project' ? scope.projectId : scope.workshopId;
      await downloadExport(credential, exportPath(scope, filter), `samverka-audit-${name}.json`);
    } catch (e) {
      setExportError(t('export.failed', { detail: errorText(e, t) }));
    }
  }

  return (
    <main class="audit">
      <div class="dash-bar">
        <ConnectionStatus state={connectionOf(feed.live)} />
        {dashboardId && (
          <a class="button secondary" href={hrefs.dashboard(dashboardId)}>{t('audit.toDashboard')}</a>
        )}
        {scope.kind === 'project' && scope.workshopId && (
          <a class="button secondary" data-testid="audit-project" href={hrefs.projectAudit(scope.projectId)}>
            {t('audit.projectTrail')}
          </a>
        )}
        <button type="button" class="button secondary" data-testid="audit-export" onClick={exportJson}>
          {t('audit.export')}
        </button>
      </div>
      <h1>{title}</h1>
      <p class="lead">{t('audit.intro')}</p>
      <ErrorBox text={exportError} />
      {scope.kind === 'project' && (
        <Verify credential={credential} projectId={scope.projectId} onResult={setVerification} />
      )}
      <Filters filter={filter} onChange={setFilter} lines={feed.trail?.entries ?? []} />
      <ErrorBox text={feed.error ? errorText(feed.error, t) : null} />
      {!feed.trail && !feed.error && <Loading />}
      {feed.trail && feed.trail.entries.length === 0 && <p class="muted">{t('audit.empty')}</p>}
      {feed.trail && (
        <ol class="audit-list" data-testid="audit-list" data-latest={String(feed.trail.latest)}>
          {feed.trail.entries.map((line) => (
            <Line key={line.id} line={line} broken={line.id === brokenId} />
          ))}
        </ol>
      )}
      {feed.trail?.nextBefore != null && (
        <button type="button" class="button secondary" data-testid="audit-older" disabled={feed.loadingOlder}
                onClick={feed.older}>
          {feed.loadingOlder ? t('audit.loadingOlder') : t('audit.older')}
        </button>
      )}
    </main>
  );
}
