import { useEffect, useRef, useState } from 'preact/hooks';

/** The current time, ticking every `ms` while `active`. */
export function useNow(active: boolean, ms = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return undefined;
    setNow(Date.now());
    const handle = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(handle);
  }, [active, ms]);
  return now;
}

export interface Fetched<T> {
  data: T | null;
  error: unknown;
  loading: boolean;
}

/**
 * Fetches with `load` whenever `key` or `trigger` changes, waiting `debounceMs` after a
 * trigger change so that a burst of live messages costs one request. A new `key` (another
 * workshop, scope or token) forgets what was loaded; a new `trigger` keeps showing it while
 * the fresh copy loads. Answers to superseded requests are dropped. A null key loads nothing.
 */
export function useFetched<T>(key: string | null, load: () => Promise<T>, trigger: string, debounceMs = 400): Fetched<T> {
  const [state, setState] = useState<Fetched<T>>({ data: null, error: null, loading: key !== null });
  const loadRef = useRef(load);
  loadRef.current = load;
  const seq = useRef(0);
  const lastKey = useRef<string | null>(null);
  useEffect(
    () => () => {
      seq.current++;
    },
    [],
  );

  useEffect(() => {
    if (key === null) {
      lastKey.current = null;
      setState({ data: null, error: null, loading: false });
      return undefined;
    }
    const keyChanged = lastKey.current !== key;
    lastKey.current = key;
    if (keyChanged) setState({ data: null, error: null, loading: true });
    const run = () => {
      const mine = ++seq.current;
      setState((s) => ({ ...s, loading: true }));
      loadRef.current().then(
        (data) => mine === seq.current && setState({ data, error: null, loading: false }),
        (error: unknown) => mine === seq.current && setState((s) => ({ data: s.data, error, loading: false })),
      );
    };
    if (keyChanged) {
      run();
      return undefined;
    }
    const handle = setTimeout(run, debounceMs);
    return () => clearTimeout(handle);
  }, [key, trigger]);

  return state;
}
