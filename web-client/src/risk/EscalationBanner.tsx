import { useState } from 'preact/hooks';
import type { RiskRegisterSnapshot } from '../api/types';
import { useI18n } from '../lang';
import { hrefs } from '../router';
import { activeEscalations } from './riskModel';
import { projectReader, useLiveRisks } from './useLiveRisks';

/** Every escalation still standing, prominently, until this screen dismisses it. */
export function EscalationBanner({ register, projectId }: { register: RiskRegisterSnapshot; projectId?: string }) {
  const { t } = useI18n();
  const [dismissed, setDismissed] = useState<ReadonlySet<number>>(new Set());
  const shown = activeEscalations(register, dismissed);
  if (shown.length === 0) return null;
  return (
    <div class="escalations" role="alert">
      {shown.map((e) => (
        <div class={`escalation level-${e.level.toLowerCase()}`} key={e.version} data-testid="escalation-banner" data-risk={e.riskId}>
          <p class="escalation-text">
            <strong>{t('risk.escalation', { risk: e.riskId, body: t(`risk.decider.${e.decidedBy}`) })}</strong>{' '}
            {t('risk.escalationDetail', {
              value: e.value,
              level: t(`risk.level.${e.level}`),
              previous: t(`risk.level.${e.previousLevel}`),
            })}{' '}
            {projectId && <a href={hrefs.risks(projectId)}>{t('risk.link')}</a>}
          </p>
          <button type="button" class="button secondary" onClick={() => setDismissed(new Set([...dismissed, e.version]))}>
            {t('risk.dismiss')}
          </button>
        </div>
      ))}
    </div>
  );
}

/**
 * The project's standing escalations on any screen of its meetings (dashboard, rating page):
 * it follows the project's risk stream on a connection of its own and shows nothing else.
 */
export function ProjectEscalations({ projectId }: { projectId: string }) {
  const { snapshot } = useLiveRisks(projectId, projectReader());
  return snapshot ? <EscalationBanner register={snapshot} projectId={projectId} /> : null;
}
