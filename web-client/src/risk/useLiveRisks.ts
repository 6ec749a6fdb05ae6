import { useEffect, useState } from 'preact/hooks';
import type { ReceivedRiskMessage, RiskRegisterSnapshot } from '../api/types';
import type { Credential } from '../api/client';
import { isApiError } from '../api/client';
import { api } from '../api/instance';
import { LiveState, type LiveView } from '../live/liveWorkshop';
import { parseRiskMessage } from '../live/riskMessages';
import { riskReconciler } from '../live/riskReconcile';
import { brokerUrlFor, TopicTransport } from '../live/transport';
import { facilitatorCredential, participantSession } from '../session';

const INITIAL: LiveView<RiskRegisterSnapshot> = { snapshot: null, connection: 'reconnecting', error: null };

export function riskTopicFor(projectId: string): string {
  return `/topic/projects.${projectId}.risks`;
}

/**
 * Who may read a project's register here: the facilitator's session, else the participant's
 * (the server decides whether the participant's workshop belongs to the project).
 */
export function projectReader(): Credential | null {
  const participant = participantSession();
  return facilitatorCredential() ?? (participant ? { kind: 'participant', token: participant.token } : null);
}

/** The live risk register of one project for as long as the calling screen is shown. */
export function useLiveRisks(projectId: string, credential: Credential | null): LiveView<RiskRegisterSnapshot> {
  const [view, setView] = useState<LiveView<RiskRegisterSnapshot>>(INITIAL);
  const token = credential?.token ?? null;
  const kind = credential?.kind ?? null;

  useEffect(() => {
    setView(INITIAL);
    if (token === null || kind === null) return undefined;
    const reader: Credential = { kind, token };
    const live = new LiveState<RiskRegisterSnapshot, ReceivedRiskMessage>({
      source: new TopicTransport<ReceivedRiskMessage>({
        brokerURL: brokerUrlFor(window.location),
        token,
        topic: riskTopicFor(projectId),
        parse: parseRiskMessage,
      }),
      loadSnapshot: () => api.risks.get(reader, projectId),
      onChange: setView,
      reconciler: riskReconciler,
      isFatal: (error) => isApiError(error, 400, 401, 403, 404),
    });
    live.start();
    return () => live.stop();
  }, [projectId, token, kind]);

  return view;
}
