import { JoinQr } from '../components/JoinQr';
import type { Capability } from '../api/types';
import { errorText } from '../api/instance';
import { ConnectionStatus, Distribution, ErrorBox, Loading } from '../components/common';
import { LiveResults } from '../components/LiveResults';
import { ResponsibilityPanel } from '../components/Responsibility';
import { Countdown, RoundPanel, scopeText, VoterCount } from '../components/RoundPanel';
import { formatMean, meanAttribute } from '../format';
import { useI18n } from '../lang';
import { useLiveWorkshop } from '../live/useLiveWorkshop';
import { groupModel } from '../model';
import { latestRound } from '../rounds';
import { hrefs } from '../router';
import { useReplay } from '../replay/useReplay';
import { participantCredential, readerCredential } from '../session';
import { RecordLinks, ReplayBar } from './DashboardRecord';
import { ProjectEscalations } from '../risk/EscalationBanner';
import { ScenarioComparison, ScenarioPanel } from '../components/Scenarios';

function CapabilityRow({ capability, sub }: { capability: Capability; sub: boolean }) {
  const { t, lang } = useI18n();
  const { count, mean, distribution } = capability.rating;
  const Name = sub ? 'h4' : 'h3';
  return (
    <div
      class={sub ? 'cap-row sub' : 'cap-row'}
      data-testid={`cap-${capability.id}`}
      data-count={String(count)}
      data-mean={meanAttribute(mean)}
    >
      <Name class="cap-name">
        {capability.name[lang]}
        {capability.retired && <span class="muted small"> ({t('model.retired')})</span>}
      </Name>
      <div class="cap-stats">
        <span class="cap-mean" title={t('dash.mean', { mean: formatMean(mean, lang) })}>
          {formatMean(mean, lang)}
        </span>
        <span class="cap-count">{t('dash.ratings', { count })}</span>
        <Distribution distribution={distribution} />
      </div>
    </div>
  );
}

export function Dashboard({ workshopId }: { workshopId: string }) {
  const { t, lang } = useI18n();
  const credential = readerCredential(workshopId);
  const { snapshot: live, connection, error } = useLiveWorkshop(workshopId, credential);
  const replay = useReplay(workshopId, credential);
  // While replaying, the dashboard shows the workshop as it stood then; live updates wait.
  const snapshot = replay.replayed?.workshop ?? live;

  if (!credential) {
    return (
      <main class="narrow">
        <ErrorBox text={t('rate.notJoined')} />
        <a href={hrefs.start()}>{t('common.backToStart')}</a>
      </main>
    );
  }

  const joinUrl = snapshot ? `${window.location.origin}/${hrefs.join(snapshot.joinCode)}` : '';
  const isParticipant = participantCredential(workshopId) !== null;
  const facilitator = credential.kind === 'facilitator' ? credential : null;
  const round = snapshot ? latestRound(snapshot) : null;

  return (
    <main class="dashboard">
      <div class="dash-bar">
        <ConnectionStatus state={connection} />
        <div class="dash-links">
          {isParticipant && (
            <a class="button secondary" href={hrefs.rate(workshopId)}>
              {t('dash.toRate')}
            </a>
          )}
          <a class="button secondary" href={hrefs.results(workshopId)} data-testid="results-view-link">
            {t('dash.toProjector')}
          </a>
          {snapshot && (
            <a class="button secondary" href={hrefs.projectResults(snapshot.projectId)} data-testid="project-results-link">
              {t('dash.toProject')}
            </a>
          )}
          <a class="button secondary" href={hrefs.compare(workshopId)} data-testid="compare-link">
            {t('compare.link')}
          </a>
          {snapshot && facilitator && (
            <a class="button secondary" href={hrefs.model(workshopId)} data-testid="model-link">
              {t('model.link')}
            </a>
          )}
          {snapshot && (
            <a class="button secondary" href={hrefs.risks(snapshot.projectId)} data-testid="risks-link">
              {t('risk.link')}
            </a>
          )}
          {/* Surveys and the environment analysis (issue 10) */}
          {snapshot && facilitator && (
            <a class="button secondary" href={hrefs.surveys(snapshot.projectId)} data-testid="surveys-link">
              {t('survey.title')}
            </a>
          )}
          {snapshot && (
            <a class="button secondary" href={hrefs.environment(snapshot.projectId)} data-testid="environment-link">
              {t('environment.title')}
            </a>
          )}
          <a class="button secondary" href={hrefs.meeting(workshopId)} data-testid="meeting-link">
            {t('meeting.link')}
          </a>
        </div>
      </div>
      {live && <ProjectEscalations projectId={live.projectId} />}
      {live && credential && <RecordLinks snapshot={live} credential={credential} />}
      {live && <ReplayBar replay={replay} liveVersion={live.version} />}
      <ErrorBox text={error ? errorText(error, t) : null} />
      {!snapshot && !error && <Loading />}
      {snapshot && (
        <>
          <h1>{snapshot.title}</h1>
          <section class="join-panel card" aria-label={t('dash.joinCode')}>
            <div class="join-code-block">
              <span class="join-label">{t('dash.joinCode')}</span>
              <span class="join-code" data-testid="join-code">
                {snapshot.joinCode}
              </span>
            </div>
            <div class="join-url-block">
              <span class="join-label">{t('dash.joinAt')}</span>
              <a class="join-url" href={joinUrl}>
                {joinUrl}
              </a>
            </div>
            <JoinQr url={joinUrl} />
            <div class="participants-block">
              <span class="join-label">{t('dash.participants')}</span>
              <span class="participant-count" data-testid="participant-count">
                {snapshot.participantCount}
              </span>
            </div>
          </section>
          {facilitator && <RoundPanel snapshot={snapshot} credential={facilitator} />}
          {!facilitator && round && (
            <section class="card round-status" aria-label={t('round.title', { number: round.number })}>
              <h2>
                {t('round.title', { number: round.number })} –{' '}
                <span data-testid="round-state" data-state={round.state}>
                  {t(`round.state.${round.state}`)}
                </span>
              </h2>
              <p class="muted">{scopeText(round, snapshot, lang, t)}</p>
              <VoterCount round={round} />
              <Countdown round={round} />
            </section>
          )}
          {snapshot.mode === 'free' && <h2 class="section-title">{t('dash.freeRating')}</h2>}
          {snapshot.mode === 'free' && groupModel(snapshot).map((section) => (
            <section class="category" key={section.category.id} aria-labelledby={`cat-${section.category.id}`}>
              <h2 id={`cat-${section.category.id}`}>{section.category.name[lang]}</h2>
              <div class="cap-grid">
                {section.groups.map((group) => (
                  <article class="cap-card card" key={group.capability.id}>
                    <CapabilityRow capability={group.capability} sub={false} />
                    {group.subCapabilities.length > 0 && (
                      <div class="subcaps">
                        {group.subCapabilities.map((c) => (
                          <CapabilityRow key={c.id} capability={c} sub />
                        ))}
                      </div>
                    )}
                  </article>
                ))}
              </div>
            </section>
          ))}
          {facilitator && <ScenarioPanel snapshot={snapshot} credential={facilitator} />}
          {!facilitator && snapshot.scenarios.length > 0 && (
            <section class="card scenario-panel" aria-label={t('scenario.title')}>
              <ScenarioComparison snapshot={snapshot} credential={credential} />
            </section>
          )}
          <LiveResults snapshot={snapshot} credential={credential} />
          <ResponsibilityPanel snapshot={snapshot} credential={credential} />
        </>
      )}
    </main>
  );
}
