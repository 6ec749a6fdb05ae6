import { useEffect, useState } from 'preact/hooks';
import type { Credential } from '../api/client';
import { api } from '../api/instance';
import type { Replayed } from '../api/types';
import { clampVersion } from './replay';

export interface ReplayState {
  active: boolean;
  /** The version asked for; the replay shown may still be an earlier one while it loads. */
  version: number;
  replayed: Replayed | null;
  error: unknown;
  open: (latest: number) => void;
  close: () => void;
  show: (version: number) => void;
}

const SETTLE_MS = 150;

/** The workshop as it stood at a chosen version, fetched from the server's replay. */
export function useReplay(workshopId: string, credential: Credential | null): ReplayState {
  const [active, setActive] = useState(false);
  const [version, setVersion] = useState(0);
  const [latest, setLatest] = useState(0);
  const [replayed, setReplayed] = useState<Replayed | null>(null);
  const [error, setError] = useState<unknown>(null);
  const token = credential?.token ?? null;
  const kind = credential?.kind ?? null;

  useEffect(() => {
    if (!active || token === null || kind === null) return undefined;
    let current = true;
    // Dragging the slider asks for many versions; only the one it settles on is fetched.
    const timer = setTimeout(() => {
      api.replay({ kind, token }, workshopId, version).then(
        (answer) => {
          if (!current) return;
          setReplayed(answer);
          setLatest(answer.latestVersion);
          setError(null);
        },
        (e: unknown) => current && setError(e),
      );
    }, SETTLE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [active, version, workshopId, token, kind]);

  return {
    active,
    version,
    replayed: active ? replayed : null,
    error,
    open: (now) => {
      setLatest(now);
      setVersion(now);
      setReplayed(null);
      setActive(true);
    },
    close: () => {
      setActive(false);
      setReplayed(null);
      setError(null);
    },
    show: (next) => setVersion(clampVersion(next, Math.max(latest, replayed?.latestVersion ?? 0))),
  };
}
