import { useEffect, useState } from 'preact/hooks';
import { api, errorText } from '../api/instance';
import type { Results, WorkshopSnapshot, WorkshopSummary } from '../api/types';
import { ConnectionStatus, ErrorBox, Loading } from '../components/common';
import { useFetched } from '../components/hooks';
import { formatDecimal, formatMean, meanAttribute } from '../format';
import { useI18n } from '../lang';
import { useLiveWorkshop } from '../live/useLiveWorkshop';
import { hrefs } from '../router';
import { compareResults } from '../scenarios';
import { readerCredential } from '../session';

interface Choice {
  value: string;
  label: string;
}

/** The pictures of a workshop that anyone may read: current, free rating, and rounds not sealed. */
function roundChoices(snapshot: WorkshopSnapshot, t: ReturnType<typeof useI18n>['t']): Choice[] {
  return [
    { value: 'current', label: t('compare.current') },
    { value: 'free', label: t('compare.free') },
    ...snapshot.rounds
      .filter((r) => !r.sealed || r.state === 'revealed')
      .map((r) => ({ value: r.id, label: t('compare.round', { number: r.number }) })),
  ];
}

/** Projects of the facilitator's workshops, each named by its workshops' titles. */
function projectChoices(workshops: readonly WorkshopSummary[]): Choice[] {
  const byProject = new Map<string, string[]>();
  for (const w of workshops) byProject.set(w.projectId, [...(byProject.get(w.projectId) ?? []), w.title]);
  return [...byProject.entries()].map(([value, titles]) => ({ value, label: titles.join(', ') }));
}

function Picker({ id, label, choices, value, onChange }: {
  id: string;
  label: string;
  choices: readonly Choice[];
  value: string;
  onChange: (v: string) => void;
}) {
  return (
    <div>
      <label for={id}>{label}</label>
      <select id={id} data-testid={id} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        {choices.map((c) => (
          <option key={c.value} value={c.value}>{c.label}</option>
        ))}
      </select>
    </div>
  );
}

function CompareTable({ left, right, leftLabel, rightLabel }: {
  left: Results;
  right: Results;
  leftLabel: string;
  rightLabel: string;
}) {
  const { t, lang } = useI18n();
  const rows = compareResults(left, right);
  if (rows.length === 0) return <p class="muted" data-testid="compare-empty">{t('compare.none')}</p>;
  return (
    <div class="table-scroll" role="region" aria-labelledby="compare-caption" tabIndex={0}>
      <table class="figures" data-testid="compare-table">
        <caption id="compare-caption">{t('compare.caption', { left: leftLabel, right: rightLabel })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('results.capability')}</th>
            <th scope="col">{leftLabel}</th>
            <th scope="col">{rightLabel}</th>
            <th scope="col">{t('compare.change')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.capabilityId} class={r.parentId ? 'sub' : ''} data-testid={`compare-row-${r.capabilityId}`}
                data-left={meanAttribute(r.left?.mean ?? null)} data-right={meanAttribute(r.right?.mean ?? null)}>
              <th scope="row">{r.name[lang]}</th>
              <td>{formatMean(r.left?.mean ?? null, lang)}</td>
              <td>{formatMean(r.right?.mean ?? null, lang)}</td>
              <td>{r.change === null ? '–' : (r.change > 0 ? '+' : '') + formatDecimal(r.change, lang, 2)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Two rounds of a workshop, or (for the facilitator) two projects' pictures, side by side. */
export function Compare({ workshopId }: { workshopId: string }) {
  const { t } = useI18n();
  const credential = readerCredential(workshopId);
  const { snapshot, connection, error } = useLiveWorkshop(workshopId, credential);
  const facilitator = credential?.kind === 'facilitator' ? credential : null;
  const [kind, setKind] = useState<'rounds' | 'projects'>('rounds');
  const [left, setLeft] = useState('free');
  const [right, setRight] = useState('current');
  const [projects, setProjects] = useState<Choice[]>([]);
  const [leftProject, setLeftProject] = useState('');
  const [rightProject, setRightProject] = useState('');

  useEffect(() => {
    if (!facilitator) return;
    api.listWorkshops(facilitator).then((list) => {
      const choices = projectChoices(list);
      setProjects(choices);
      setLeftProject((p) => p || choices[1]?.value || choices[0]?.value || '');
      setRightProject((p) => p || choices[0]?.value || '');
    }, () => setProjects([]));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [facilitator?.token]);

  const token = credential?.token ?? '';
  const trigger = String(snapshot?.version ?? 0);
  const byRound = kind === 'rounds' && credential !== null;
  const byProject = kind === 'projects' && facilitator !== null && leftProject !== '' && rightProject !== '';
  const leftResults = useFetched(
    byRound ? `r:${workshopId}:${left}:${token}` : byProject ? `p:${leftProject}:${token}` : null,
    () => (byRound ? api.workshopResults(credential, workshopId, left) : api.projectResults(credential!, leftProject)),
    trigger,
  );
  const rightResults = useFetched(
    byRound ? `r:${workshopId}:${right}:${token}` : byProject ? `p:${rightProject}:${token}` : null,
    () => (byRound ? api.workshopResults(credential, workshopId, right) : api.projectResults(credential!, rightProject)),
    trigger,
  );

  if (!credential) {
    return (
      <main class="narrow">
        <ErrorBox text={t('rate.notJoined')} />
        <a href={hrefs.start()}>{t('common.backToStart')}</a>
      </main>
    );
  }
  const rounds = snapshot ? roundChoices(snapshot, t) : [];
  const labelOf = (choices: Choice[], v: string) => choices.find((c) => c.value === v)?.label ?? v;
  const failure = leftResults.error ?? rightResults.error;

  return (
    <main class="compare">
      <div class="dash-bar">
        <ConnectionStatus state={connection} />
        <a class="button secondary" href={hrefs.dashboard(workshopId)}>{t('dash.toDashboard')}</a>
      </div>
      <h1>{t('compare.title')}</h1>
      <ErrorBox text={error ? errorText(error, t) : null} />
      {!snapshot && !error && <Loading />}
      {facilitator && (
        <fieldset class="compare-kind">
          <legend>{t('compare.kind')}</legend>
          <label class="check">
            <input type="radio" name="compare-kind" data-testid="compare-kind-rounds" checked={kind === 'rounds'}
                   onChange={() => setKind('rounds')} />
            {t('compare.rounds')}
          </label>
          <label class="check">
            <input type="radio" name="compare-kind" data-testid="compare-kind-projects" checked={kind === 'projects'}
                   onChange={() => setKind('projects')} />
            {t('compare.projects')}
          </label>
        </fieldset>
      )}
      {kind === 'rounds' && snapshot && (
        <div class="form-row">
          <Picker id="compare-left" label={t('compare.left')} choices={rounds} value={left} onChange={setLeft} />
          <Picker id="compare-right" label={t('compare.right')} choices={rounds} value={right} onChange={setRight} />
        </div>
      )}
      {kind === 'projects' && projects.length < 2 && <p class="muted">{t('compare.noProjects')}</p>}
      {kind === 'projects' && projects.length > 0 && (
        <div class="form-row">
          <Picker id="compare-left-project" label={t('compare.left')} choices={projects} value={leftProject}
                  onChange={setLeftProject} />
          <Picker id="compare-right-project" label={t('compare.right')} choices={projects} value={rightProject}
                  onChange={setRightProject} />
        </div>
      )}
      <ErrorBox text={failure ? errorText(failure, t) : null} />
      {leftResults.data && rightResults.data && (
        <CompareTable
          left={leftResults.data}
          right={rightResults.data}
          leftLabel={kind === 'rounds' ? labelOf(rounds, left) : labelOf(projects, leftProject)}
          rightLabel={kind === 'rounds' ? labelOf(rounds, right) : labelOf(projects, rightProject)}
        />
      )}
    </main>
  );
}
