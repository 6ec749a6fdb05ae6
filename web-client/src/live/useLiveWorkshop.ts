import { useEffect, useState } from 'preact/hooks';
import type { Credential } from '../api/client';
import { isApiError } from '../api/client';
import { api } from '../api/instance';
import { LiveWorkshop, type LiveView } from './liveWorkshop';
import { brokerUrlFor, LiveTransport } from './transport';

const INITIAL: LiveView = { snapshot: null, connection: 'reconnecting', error: null };

/** The live state of one workshop for as long as the calling screen is shown. */
export function useLiveWorkshop(workshopId: string, credential: Credential | null): LiveView {
  const [view, setView] = useState<LiveView>(INITIAL);
  const token = credential?.token ?? null;
  const kind = credential?.kind ?? null;

  useEffect(() => {
    setView(INITIAL);
    if (token === null || kind === null) return undefined;
    const reader: Credential = { kind, token };
    const live = new LiveWorkshop({
      source: new LiveTransport({ brokerURL: brokerUrlFor(window.location), token, workshopId }),
      loadSnapshot: () => api.getWorkshop(reader, workshopId),
      onChange: setView,
      isFatal: (error) => isApiError(error, 400, 401, 403, 404),
    });
    live.start();
    return () => live.stop();
  }, [workshopId, token, kind]);

  return view;
}
