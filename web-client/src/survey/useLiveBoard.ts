import { useEffect, useState } from 'preact/hooks';
import type { Credential } from '../api/client';
import { isApiError } from '../api/client';
import { LiveState, type LiveView } from '../live/liveWorkshop';
import { brokerUrlFor, TopicTransport } from '../live/transport';
import { surveyApi } from './surveyApi';
import { boardReconciler, parseSurveyMessage, type ResponseBoard, type SurveyLiveMessage } from './surveyModel';

const INITIAL: LiveView<ResponseBoard> = { snapshot: null, connection: 'reconnecting', error: null };

export function boardTopicFor(projectId: string, surveyId: string): string {
  return `/topic/projects.${projectId}.survey-${surveyId}`;
}

function parse(body: string): SurveyLiveMessage | null {
  try {
    return parseSurveyMessage(JSON.parse(body));
  } catch {
    return null;
  }
}

/** The live response-rate board of one survey: subscribe, load the board, apply pushes (as for workshops). */
export function useLiveBoard(projectId: string, surveyId: string, credential: Credential | null): LiveView<ResponseBoard> {
  const [view, setView] = useState<LiveView<ResponseBoard>>(INITIAL);
  const token = credential?.token ?? null;
  const kind = credential?.kind ?? null;
  useEffect(() => {
    setView(INITIAL);
    if (token === null || kind === null) return undefined;
    const reader: Credential = { kind, token };
    const live = new LiveState<ResponseBoard, SurveyLiveMessage>({
      source: new TopicTransport<SurveyLiveMessage>({
        brokerURL: brokerUrlFor(window.location),
        token,
        topic: boardTopicFor(projectId, surveyId),
        parse,
      }),
      loadSnapshot: () => surveyApi.board(reader, projectId, surveyId),
      onChange: setView,
      reconciler: boardReconciler,
      isFatal: (error) => isApiError(error, 400, 401, 403, 404),
    });
    live.start();
    return () => live.stop();
  }, [projectId, surveyId, token, kind]);
  return view;
}
