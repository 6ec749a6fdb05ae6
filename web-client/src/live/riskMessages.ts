import type { ReceivedRiskMessage, Risk, RiskEscalation, RiskProposal } from '../api/types';

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isWholeNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value);
}

function onScale(value: unknown): boolean {
  return isWholeNumber(value) && value >= 1 && value <= 5;
}

const LEVELS = ['LOW', 'MEDIUM', 'HIGH'];

// The server is the contract's other half: a body whose key fields check out is taken as the
// documented type; one that does not is treated as a change this client cannot apply.
function asRisk(value: unknown): Risk | null | undefined {
  if (value === null || value === undefined) return null;
  if (!isObject(value)) return undefined;
  const ok =
    typeof value.id === 'string' &&
    isWholeNumber(value.sequence) &&
    onScale(value.probability) &&
    onScale(value.impact) &&
    isWholeNumber(value.value) &&
    typeof value.level === 'string' &&
    LEVELS.includes(value.level) &&
    typeof value.state === 'string' &&
    Array.isArray(value.actions) &&
    Array.isArray(value.history);
  return ok ? (value as unknown as Risk) : undefined;
}

function asProposal(value: unknown): RiskProposal | null | undefined {
  if (value === null || value === undefined) return null;
  if (!isObject(value)) return undefined;
  return typeof value.id === 'string' && typeof value.state === 'string' && onScale(value.probability)
    ? (value as unknown as RiskProposal)
    : undefined;
}

function asEscalation(value: unknown): RiskEscalation | null | undefined {
  if (value === null || value === undefined) return null;
  if (!isObject(value)) return undefined;
  return typeof value.riskId === 'string' && isWholeNumber(value.version) && typeof value.level === 'string'
    ? (value as unknown as RiskEscalation)
    : undefined;
}

function isRiskType(type: string): type is `risk.${string}` {
  return type.startsWith('risk.');
}

/**
 * Reads one message of a risk register's stream. Null for anything that is not a message
 * (bad JSON, no whole-number version); a message this client cannot apply comes back as
 * `unrecognised`, so that its version is not lost and the client reloads instead.
 */
export function parseRiskMessage(body: string): ReceivedRiskMessage | null {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return null;
  }
  if (!isObject(value) || !isWholeNumber(value.version) || typeof value.type !== 'string') return null;
  const { type, version } = value;
  const risk = asRisk(value.risk);
  const proposal = asProposal(value.proposal);
  const escalation = asEscalation(value.escalation);
  if (isRiskType(type) && risk !== undefined && proposal !== undefined && escalation !== undefined
    && (risk !== null || proposal !== null)) {
    return { type, version, risk, proposal, escalation };
  }
  return { type: 'unrecognised', version, originalType: type };
}
