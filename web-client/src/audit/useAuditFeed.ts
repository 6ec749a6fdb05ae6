import { useEffect, useRef, useState } from 'preact/hooks';
import type { Credential } from '../api/client';
import { api } from '../api/instance';
import { brokerUrlFor, TopicTransport } from '../live/transport';
import { AuditFeed, type AuditFeedView } from './feed';
import { parseAuditMessage, queryString, topicOf, type AuditFilter, type AuditScope } from './trail';

const PAGE_SIZE = 50;
const INITIAL: AuditFeedView = { trail: null, live: 'connecting', loadingOlder: false, error: null };

/** A trail on screen for as long as the calling screen is shown; a new filter starts afresh. */
export function useAuditFeed(
  scope: AuditScope,
  credential: Credential | null,
  filter: AuditFilter,
): AuditFeedView & { older: () => void } {
  const [view, setView] = useState<AuditFeedView>(INITIAL);
  const feed = useRef<AuditFeed | null>(null);
  const token = credential?.token ?? null;
  const kind = credential?.kind ?? null;
  const scopeKey = JSON.stringify(scope);
  const filterKey = JSON.stringify(filter);

  useEffect(() => {
    setView(INITIAL);
    if (token === null || kind === null) return undefined;
    const reader: Credential = { kind, token };
    const current = new AuditFeed({
      scope,
      filter,
      source: new TopicTransport({
        brokerURL: brokerUrlFor(window.location),
        token,
        topic: topicOf(scope),
        parse: parseAuditMessage,
      }),
      load: (before) => {
        const query = queryString(scope, filter, { before, limit: PAGE_SIZE });
        return scope.kind === 'project'
          ? api.projectAudit(reader, scope.projectId, query)
          : api.workshopAudit(reader, scope.workshopId, query);
      },
      onChange: setView,
    });
    feed.current = current;
    current.start();
    return () => {
      current.stop();
      feed.current = null;
    };
    // scope and filter are compared by value through their keys.
  }, [scopeKey, filterKey, token, kind]);

  return { ...view, older: () => feed.current?.older() };
}
