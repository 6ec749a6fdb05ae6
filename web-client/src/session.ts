import type { Credential, CredentialKind } from './api/client';

export interface FacilitatorSession {
  token: string;
  username: string;
  /** The admin manages facilitator accounts (#/admin). */
  admin?: boolean;
}

export interface ParticipantSession {
  token: string;
  workshopId: string;
  participantId: string;
}

const FACILITATOR_KEY = 'samverka.facilitator';
const PARTICIPANT_KEY = 'samverka.participant';

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    // Storage can be blocked (privacy settings); the app then works for one page view.
    return null;
  }
}

function read(key: string): Record<string, unknown> | null {
  const raw = storage()?.getItem(key);
  if (!raw) return null;
  try {
    const value: unknown = JSON.parse(raw);
    return typeof value === 'object' && value !== null ? { ...value } : null;
  } catch {
    return null;
  }
}

function str(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 ? value : null;
}

export function facilitatorSession(): FacilitatorSession | null {
  const value = read(FACILITATOR_KEY);
  const token = str(value?.token);
  return token ? { token, username: str(value?.username) ?? '', admin: value?.admin === true } : null;
}

export function participantSession(): ParticipantSession | null {
  const value = read(PARTICIPANT_KEY);
  const token = str(value?.token);
  const workshopId = str(value?.workshopId);
  const participantId = str(value?.participantId);
  return token && workshopId && participantId ? { token, workshopId, participantId } : null;
}

export function saveFacilitator(session: FacilitatorSession): void {
  storage()?.setItem(FACILITATOR_KEY, JSON.stringify(session));
}

export function saveParticipant(session: ParticipantSession): void {
  storage()?.setItem(PARTICIPANT_KEY, JSON.stringify(session));
}

export function clearSession(kind: CredentialKind): void {
  storage()?.removeItem(kind === 'facilitator' ? FACILITATOR_KEY : PARTICIPANT_KEY);
}

export function facilitatorCredential(): Credential | null {
  const session = facilitatorSession();
  return session ? { kind: 'facilitator', token: session.token } : null;
}

export function participantCredential(workshopId: string): Credential | null {
  const session = participantSession();
  return session && session.workshopId === workshopId ? { kind: 'participant', token: session.token } : null;
}

/**
 * Who may read a workshop here: a participant session of this very workshop is sure to be
 * let in, a facilitator session only if it created the workshop.
 */
export function readerCredential(workshopId: string): Credential | null {
  return participantCredential(workshopId) ?? facilitatorCredential();
}
