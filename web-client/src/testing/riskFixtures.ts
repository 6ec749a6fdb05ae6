import type { ReceivedRiskMessage, Risk, RiskEscalation, RiskProposal, RiskRegisterSnapshot } from '../api/types';

export function risk(id: string, overrides: Partial<Risk> = {}): Risk {
  return {
    id,
    sequence: Number(id.slice(1)),
    threat: `Hot ${id}`,
    vulnerability: null,
    consequence: null,
    probability: 2,
    impact: 5,
    value: 10,
    level: 'MEDIUM',
    decidedBy: 'TACTICAL_STEERING_GROUP',
    actionNeeded: true,
    owner: null,
    state: 'OPEN',
    fromProposal: null,
    actions: [],
    history: [],
    estimate: null,
    registeredAt: '2026-11-29T10:00:00Z',
    updatedAt: '2026-11-29T10:00:00Z',
    ...overrides,
  };
}

export function proposal(id: string, overrides: Partial<RiskProposal> = {}): RiskProposal {
  return {
    id,
    threat: `Förslag ${id}`,
    vulnerability: null,
    consequence: null,
    probability: 3,
    impact: 3,
    value: 9,
    level: 'MEDIUM',
    state: 'pending',
    riskId: null,
    proposedBy: 'anna',
    proposedByName: 'Anna',
    workshopId: 'w1',
    proposedAt: '2026-11-29T10:00:00Z',
    reason: null,
    ...overrides,
  };
}

export function register(overrides: Partial<RiskRegisterSnapshot> = {}): RiskRegisterSnapshot {
  return { projectId: 'p1', version: 5, risks: [risk('R1'), risk('R2')], proposals: [], escalations: [], ...overrides };
}

export function escalation(riskId: string, version: number, overrides: Partial<RiskEscalation> = {}): RiskEscalation {
  return {
    riskId,
    version,
    previousLevel: 'MEDIUM',
    level: 'HIGH',
    decidedBy: 'COMMISSIONING_PARTY',
    probability: 4,
    impact: 4,
    value: 16,
    at: '2026-11-29T10:05:00Z',
    ...overrides,
  };
}

export function riskChanged(version: number, changed: Risk, type = 'risk.reassessed'): ReceivedRiskMessage {
  return { type: `risk.${type.replace(/^risk\./, '')}`, version, risk: changed, proposal: null, escalation: null };
}
