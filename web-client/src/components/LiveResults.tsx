import type { Credential } from '../api/client';
import { api, errorText } from '../api/instance';
import type { WorkshopSnapshot } from '../api/types';
import { useI18n } from '../lang';
import { resultsSignature } from '../rounds';
import { useFetched } from './hooks';
import { ErrorBox, Loading } from './common';
import { ResultsPanel } from './ResultsPanel';

/**
 * The workshop's current capability picture, fetched again (debounced) whenever a live
 * message changes what it is built from.
 */
export function LiveResults({ snapshot, credential }: { snapshot: WorkshopSnapshot; credential: Credential }) {
  const { t, lang } = useI18n();
  const key = `${snapshot.id}:${credential.kind}:${credential.token}`;
  const { data, error, loading } = useFetched(
    key,
    () => api.workshopResults(credential, snapshot.id, 'current'),
    resultsSignature(snapshot),
  );
  const dimensionName = (id: string) => snapshot.dimensions.find((d) => d.id === id)?.name[lang] ?? id;
  return (
    <>
      {error !== null && <ErrorBox text={errorText(error, t)} />}
      {data === null && error === null && <Loading />}
      {data !== null && (
        <ResultsPanel results={data} categories={snapshot.categories} dimensionName={dimensionName} refreshing={loading} />
      )}
    </>
  );
}
