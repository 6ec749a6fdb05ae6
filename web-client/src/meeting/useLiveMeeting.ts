import { useEffect, useState } from 'preact/hooks';
import type { Credential } from '../api/client';
import { isApiError } from '../api/client';
import { api } from '../api/instance';
import { LiveState, type LiveView } from '../live/liveWorkshop';
import { brokerUrlFor, TopicTransport } from '../live/transport';
import {
  parseWholeViewMessage, wholeViewReconciler, type MeetingSnapshot, type RecordsSnapshot, type WholeViewMessage,
} from './meetingModel';

function useLiveWholeView<S extends { version: number }>(
  key: string,
  credential: Credential | null,
  topic: string,
  field: 'meeting' | 'records',
  load: (c: Credential) => Promise<S>,
): LiveView<S> {
  const initial: LiveView<S> = { snapshot: null, connection: 'reconnecting', error: null };
  const [view, setView] = useState<LiveView<S>>(initial);
  const token = credential?.token ?? null;
  const kind = credential?.kind ?? null;
  useEffect(() => {
    setView(initial);
    if (token === null || kind === null) return undefined;
    const reader: Credential = { kind, token };
    const live = new LiveState<S, WholeViewMessage<S>>({
      source: new TopicTransport<WholeViewMessage<S>>({
        brokerURL: brokerUrlFor(window.location),
        token,
        topic,
        parse: (body) => parseWholeViewMessage<S>(body, field),
      }),
      loadSnapshot: () => load(reader),
      onChange: setView,
      reconciler: wholeViewReconciler<S>(),
      isFatal: (error) => isApiError(error, 400, 401, 403, 404),
    });
    live.start();
    return () => live.stop();
  }, [key, token, kind]);
  return view;
}

/** The live meeting of a workshop (`/topic/workshops.{id}.meeting`). */
export function useLiveMeeting(workshopId: string, credential: Credential | null): LiveView<MeetingSnapshot> {
  return useLiveWholeView(workshopId, credential, `/topic/workshops.${workshopId}.meeting`, 'meeting',
    (c) => api.meeting.get(c, workshopId));
}

/** The live records of a project (`/topic/projects.{id}.records`). */
export function useLiveRecords(projectId: string, credential: Credential | null): LiveView<RecordsSnapshot> {
  return useLiveWholeView(projectId, credential, `/topic/projects.${projectId}.records`, 'records',
    (c) => api.meeting.records(c, projectId));
}
