import { useEffect, useState } from 'preact/hooks';
import { api, errorText } from '../api/instance';
import type { RiskRegisterSnapshot } from '../api/types';
import { ErrorBox, Loading } from '../components/common';
import { useI18n } from '../lang';
import { optionLabel, type Decision, type RecordsSnapshot } from '../meeting/meetingModel';
import { hrefs } from '../router';
import { readerCredential } from '../session';
import { LightBadge, ScrollTable } from './Records';

interface Loaded { decision: Decision; projectId: string; records: RecordsSnapshot | null; risks: RiskRegisterSnapshot | null }

/**
 * A decision's evidence as it stood when the decision closed (`#/w/{id}/decisions/{d}/evidence`):
 * the status report, plan versions and milestones at the records version it recorded, and the
 * risk register at its version, both rebuilt by the server from the events up to those versions.
 */
export function Evidence({ workshopId, decisionId }: { workshopId: string; decisionId: string }) {
  const { t } = useI18n();
  const credential = readerCredential(workshopId);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    if (!credential) return;
    (async () => {
      const meeting = await api.meeting.get(credential, workshopId);
      const decision = meeting.decisions.find((d) => d.id === decisionId);
      if (!decision || !meeting.projectId) throw new Error(t('evidence.noDecision'));
      const e = decision.evidence;
      const records = e?.recordsVersion != null ? await api.meeting.recordsAt(credential, meeting.projectId, e.recordsVersion) : null;
      const risks = e?.riskRegisterVersion != null ? await api.meeting.risksAt(credential, meeting.projectId, e.riskRegisterVersion) : null;
      setLoaded({ decision, projectId: meeting.projectId, records, risks });
    })().catch(setError);
  }, [workshopId, decisionId]);

  if (!credential) {
    return (
      <main class="narrow">
        <h1>{t('evidence.title')}</h1>
        <ErrorBox text={t('rate.notJoined')} />
        <a href={hrefs.start()}>{t('common.backToStart')}</a>
      </main>
    );
  }
  const decision = loaded?.decision;
  const reportId = decision?.evidence?.statusReportWorkshopId ?? null;
  const report = loaded?.records?.statusReports.find((r) => r.workshopId === reportId) ?? null;
  return (
    <main class="records evidence">
      <p><a href={hrefs.meeting(workshopId)}>{t('evidence.back')}</a></p>
      <h1>{t('evidence.title')}</h1>
      <ErrorBox text={error ? errorText(error, t) : null} />
      {!loaded && !error && <Loading />}
      {decision && (
        <>
          <section class="card" data-testid="evidence-decision">
            <h2>{decision.proposal}</h2>
            {decision.state === 'closed' ? (
              <p><strong>{decision.result === 'DECIDED' ? t('meeting.outcome', { option: optionLabel(decision, decision.outcome) })
                : t(`meeting.result.${decision.result ?? 'NO_VOTES'}`)}</strong></p>
            ) : <p>{t('evidence.stillOpen')}</p>}
            <p class="muted">{t('meeting.evidence', {
              risk: decision.evidence?.riskRegisterVersion ?? t('meeting.none'),
              records: decision.evidence?.recordsVersion ?? t('meeting.none'),
            })}</p>
          </section>
          <section class="card">
            <h2>{t('records.status')}{report ? ` · ${t('records.reportOf', { date: report.reportedOn })}` : ''}</h2>
            {report ? (
              <ScrollTable label={t('records.status')}><table class="status-report" data-testid="evidence-status"><thead><tr>
                <th>{t('records.area')}</th><th>{t('records.light')}</th><th>{t('records.deviation')}</th><th>{t('records.action')}</th>
              </tr></thead>
                <tbody>{report.rows.map((r) => (
                  <tr key={r.area}><th scope="row">{r.area}</th><td><LightBadge light={r.light} /></td>
                    <td>{r.deviation ?? ''}</td><td>{r.action ?? ''}</td></tr>
                ))}</tbody>
              </table></ScrollTable>
            ) : <p>{t('evidence.noReport')}</p>}
          </section>
          {loaded?.records && loaded.records.planVersions.length > 0 && (
            <section class="card"><h2>{t('records.plans')}</h2>
              <ul>{loaded.records.planVersions.map((p) => (
                <li key={p.version}>v {p.version}: <strong>{t(`records.plan.${p.state}`)}</strong></li>
              ))}</ul>
            </section>
          )}
          <section class="card">
            <h2>{t('evidence.risks')}</h2>
            {loaded?.risks && loaded.risks.risks.length > 0 ? (
              <ScrollTable label={t('evidence.risks')}><table data-testid="evidence-risks"><thead><tr>
                <th>{t('evidence.risk')}</th><th>S</th><th>K</th><th>R</th><th>{t('evidence.level')}</th><th>{t('evidence.state')}</th>
              </tr></thead>
                <tbody>{loaded.risks.risks.map((r) => (
                  <tr key={r.id}><th scope="row">{r.id} {r.threat}</th><td>{r.probability}</td><td>{r.impact}</td><td>{r.value}</td>
                    <td>{t(`risk.level.${r.level}`)}</td><td>{t(`risk.state.${r.state}`)}</td></tr>
                ))}</tbody>
              </table></ScrollTable>
            ) : <p>{t('evidence.noRisks')}</p>}
          </section>
        </>
      )}
    </main>
  );
}
