import { useState } from 'preact/hooks';
import type { Credential } from '../api/client';
import { api, errorText } from '../api/instance';
import type { Capability, WorkshopSnapshot } from '../api/types';
import { downloadExport } from '../audit/download';
import { ConnectionStatus, ErrorBox, Loading } from '../components/common';
import { useI18n } from '../lang';
import { useLiveWorkshop } from '../live/useLiveWorkshop';
import { groupModel } from '../model';
import { hrefs } from '../router';
import { facilitatorSession } from '../session';

type Run = (action: () => Promise<unknown>) => Promise<boolean>;

function useRunner(): { run: Run; busy: boolean; error: string | null; saved: boolean } {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const run: Run = async (action) => {
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      await action();
      setSaved(true);
      return true;
    } catch (e) {
      setError(errorText(e, t));
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { run, busy, error, saved };
}

/** Where a capability may go: a category and, optionally, a main capability of it (not itself). */
function PlaceFields({
  snapshot,
  prefix,
  category,
  parent,
  exclude,
  onCategory,
  onParent,
}: {
  snapshot: WorkshopSnapshot;
  prefix: string;
  category: string;
  parent: string;
  exclude: string | null;
  onCategory: (id: string) => void;
  onParent: (id: string) => void;
}) {
  const { t, lang } = useI18n();
  const parents = snapshot.capabilities.filter(
    (c) => c.category === category && c.parentId === null && !c.retired && c.id !== exclude,
  );
  return (
    <div class="form-row">
      <div>
        <label for={`${prefix}-category`}>{t('model.category')}</label>
        <select id={`${prefix}-category`} data-testid={`${prefix}-category`} value={category}
                onChange={(e) => {
                  onCategory(e.currentTarget.value);
                  onParent('');
                }}>
          {snapshot.categories.map((c) => (
            <option key={c.id} value={c.id}>{c.name[lang]}</option>
          ))}
        </select>
      </div>
      <div>
        <label for={`${prefix}-parent`}>{t('model.parent')}</label>
        <select id={`${prefix}-parent`} data-testid={`${prefix}-parent`} value={parent}
                onChange={(e) => onParent(e.currentTarget.value)}>
          <option value="">{t('model.parentNone')}</option>
          {parents.map((c) => (
            <option key={c.id} value={c.id}>{c.name[lang]}</option>
          ))}
        </select>
      </div>
    </div>
  );
}

function AddCapability({ snapshot, credential }: { snapshot: WorkshopSnapshot; credential: Credential }) {
  const { t } = useI18n();
  const [category, setCategory] = useState(snapshot.categories[0]?.id ?? '');
  const [parent, setParent] = useState('');
  const [sv, setSv] = useState('');
  const [en, setEn] = useState('');
  const { run, busy, error, saved } = useRunner();
  return (
    <form class="card model-add" data-testid="model-add" onSubmit={async (e) => {
      e.preventDefault();
      const ok = await run(() => api.addCapability(credential, snapshot.projectId, {
        name: en.trim() ? { sv: sv.trim(), en: en.trim() } : { sv: sv.trim() },
        categoryId: category,
        parentId: parent || null,
      }));
      if (ok) {
        setSv('');
        setEn('');
      }
    }}>
      <h2>{t('model.addTitle')}</h2>
      <PlaceFields snapshot={snapshot} prefix="model-add" category={category} parent={parent} exclude={null}
                   onCategory={setCategory} onParent={setParent} />
      <label for="model-add-sv">{t('model.nameSv')}</label>
      <input id="model-add-sv" data-testid="model-add-sv" required maxLength={200} value={sv}
             onInput={(e) => setSv(e.currentTarget.value)} />
      <label for="model-add-en">{t('model.nameEn')}</label>
      <input id="model-add-en" data-testid="model-add-en" maxLength={200} value={en} lang="en"
             onInput={(e) => setEn(e.currentTarget.value)} />
      <button type="submit" class="button" data-testid="model-add-submit" disabled={busy}>{t('model.add')}</button>
      {saved && <p role="status">{t('model.saved')}</p>}
      <ErrorBox text={error} />
    </form>
  );
}

function EditCapability({ snapshot, credential, capability, onClose }: {
  snapshot: WorkshopSnapshot;
  credential: Credential;
  capability: Capability;
  onClose: () => void;
}) {
  const { t, lang } = useI18n();
  const [sv, setSv] = useState(capability.name.sv);
  const [en, setEn] = useState(capability.name.en);
  const [category, setCategory] = useState(capability.category);
  const [parent, setParent] = useState(capability.parentId ?? '');
  const { run, busy, error, saved } = useRunner();
  const prefix = `model-edit-${capability.id}`;
  const pid = snapshot.projectId;
  return (
    <div class="model-edit" data-testid={prefix}>
      <form onSubmit={(e) => {
        e.preventDefault();
        void run(() => api.renameCapability(credential, pid, capability.id,
          en.trim() ? { sv: sv.trim(), en: en.trim() } : { sv: sv.trim() }));
      }}>
        <label for={`${prefix}-sv`}>{t('model.nameSv')}</label>
        <input id={`${prefix}-sv`} data-testid={`${prefix}-sv`} required maxLength={200} value={sv}
               onInput={(e) => setSv(e.currentTarget.value)} />
        <label for={`${prefix}-en`}>{t('model.nameEn')}</label>
        <input id={`${prefix}-en`} maxLength={200} value={en} lang="en" onInput={(e) => setEn(e.currentTarget.value)} />
        <button type="submit" class="button secondary" data-testid={`${prefix}-rename`} disabled={busy}>
          {t('model.rename')}
        </button>
      </form>
      <form onSubmit={(e) => {
        e.preventDefault();
        void run(() => api.moveCapability(credential, pid, capability.id, category, parent || null));
      }}>
        <PlaceFields snapshot={snapshot} prefix={`${prefix}-place`} category={category} parent={parent}
                     exclude={capability.id} onCategory={setCategory} onParent={setParent} />
        <button type="submit" class="button secondary" data-testid={`${prefix}-move`} disabled={busy}>
          {t('model.move')}
        </button>
      </form>
      <div class="button-row">
        {!capability.retired && (
          <button type="button" class="button danger" data-testid={`${prefix}-retire`} disabled={busy}
                  onClick={() => {
                    if (window.confirm(t('model.retireConfirm', { name: capability.name[lang] }))) {
                      void run(() => api.retireCapability(credential, pid, capability.id));
                    }
                  }}>
            {t('model.retire')}
          </button>
        )}
        <button type="button" class="button secondary" onClick={onClose}>{t('model.cancel')}</button>
      </div>
      {saved && <p role="status">{t('model.saved')}</p>}
      <ErrorBox text={error} />
    </div>
  );
}

/** The facilitator's editor of the project's capability model, reached from a workshop's dashboard. */
export function ModelEditor({ workshopId }: { workshopId: string }) {
  const { t, lang } = useI18n();
  const session = facilitatorSession();
  const credential: Credential | null = session ? { kind: 'facilitator', token: session.token } : null;
  const { snapshot, connection, error } = useLiveWorkshop(workshopId, credential);
  const [editing, setEditing] = useState<string | null>(null);
  const [exportError, setExportError] = useState<string | null>(null);

  if (!credential) {
    return (
      <main class="narrow">
        <ErrorBox text={t('error.forbidden')} />
        <a href={hrefs.login()}>{t('login.title')}</a>
      </main>
    );
  }

  async function exportModel(s: WorkshopSnapshot) {
    if (!credential) return;
    setExportError(null);
    try {
      await downloadExport(credential, `/projects/${encodeURIComponent(s.projectId)}/model`, `samverka-model-${s.projectId}.json`);
    } catch (e) {
      setExportError(errorText(e, t));
    }
  }

  return (
    <main class="model-editor">
      <div class="dash-bar">
        <ConnectionStatus state={connection} />
        <a class="button secondary" href={hrefs.dashboard(workshopId)}>{t('dash.toDashboard')}</a>
      </div>
      <h1>{t('model.title')}</h1>
      <p class="lead">{t('model.intro')}</p>
      <ErrorBox text={error ? errorText(error, t) : null} />
      {!snapshot && !error && <Loading />}
      {snapshot && (
        <>
          <button type="button" class="button secondary" data-testid="model-export" onClick={() => exportModel(snapshot)}>
            {t('model.export')}
          </button>
          <ErrorBox text={exportError} />
          <AddCapability snapshot={snapshot} credential={credential} />
          {groupModel(snapshot).map((section) => (
            <section class="card" key={section.category.id} aria-labelledby={`model-cat-${section.category.id}`}>
              <h2 id={`model-cat-${section.category.id}`}>{section.category.name[lang]}</h2>
              <ul class="model-list">
                {section.groups.flatMap((g) => [g.capability, ...g.subCapabilities]).map((c) => (
                  <li key={c.id} class={c.parentId ? 'sub' : ''} data-testid={`model-cap-${c.id}`}
                      data-retired={String(c.retired === true)}>
                    <span class={c.retired ? 'retired' : ''}>{c.name[lang]}</span>
                    {c.retired && <span class="badge"> ({t('model.retired')})</span>}{' '}
                    <button type="button" class="link-button" data-testid={`model-edit-open-${c.id}`}
                            aria-label={t('model.editTitle', { name: c.name[lang] })}
                            onClick={() => setEditing(editing === c.id ? null : c.id)}>
                      {t('model.edit')}
                    </button>
                    {editing === c.id && (
                      <EditCapability snapshot={snapshot} credential={credential} capability={c}
                                      onClose={() => setEditing(null)} />
                    )}
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </>
      )}
    </main>
  );
}
