import { JoinQr } from '../components/JoinQr';
import { errorText } from '../api/instance';
import { ConnectionStatus, ErrorBox, Loading } from '../components/common';
import { LiveResults } from '../components/LiveResults';
import { Countdown, scopeText, VoterCount } from '../components/RoundPanel';
import { useI18n } from '../lang';
import { useLiveWorkshop } from '../live/useLiveWorkshop';
import { hrefs } from '../router';
import { latestRound } from '../rounds';
import { readerCredential } from '../session';

const joinUrl = (code: string) => `${window.location.origin}/${hrefs.join(code)}`;

/** The projector view of a workshop: the live capability picture in large type, nothing to operate. */
export function Results({ workshopId }: { workshopId: string }) {
  const { t, lang } = useI18n();
  const credential = readerCredential(workshopId);
  const { snapshot, connection, error } = useLiveWorkshop(workshopId, credential);

  if (!credential) {
    return (
      <main class="narrow">
        <ErrorBox text={t('rate.notJoined')} />
        <a href={hrefs.start()}>{t('common.backToStart')}</a>
      </main>
    );
  }
  const round = snapshot ? latestRound(snapshot) : null;
  return (
    <main class="projector">
      <div class="dash-bar">
        <ConnectionStatus state={connection} />
        <a class="button secondary" href={hrefs.dashboard(workshopId)}>
          {t('results.toDashboard')}
        </a>
      </div>
      <ErrorBox text={error ? errorText(error, t) : null} />
      {!snapshot && !error && <Loading />}
      {snapshot && (
        <>
          <h1>{snapshot.title}</h1>
          <div class="projector-bar">
            <div class="projector-join-block">
              <JoinQr url={joinUrl(snapshot.joinCode)} size="large" />
              <p class="projector-join">
                {t('dash.joinCode')}: <strong data-testid="join-code">{snapshot.joinCode}</strong>
                <br />
                <span class="join-url">{joinUrl(snapshot.joinCode)}</span>
              </p>
            </div>
            {round && (
              <div class="projector-round" data-testid="current-round" data-state={round.state}>
                <p>
                  <strong>{t('round.title', { number: round.number })}</strong> – {t(`round.state.${round.state}`)} ·{' '}
                  {scopeText(round, snapshot, lang, t)}
                </p>
                <VoterCount round={round} />
                <Countdown round={round} />
              </div>
            )}
          </div>
          <LiveResults snapshot={snapshot} credential={credential} />
        </>
      )}
    </main>
  );
}
