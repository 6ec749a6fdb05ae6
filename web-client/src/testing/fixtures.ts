import type { AuditLine, Capability, ModeVotes, RatingAggregate, ReceivedMessage, Round, WorkshopSnapshot } from '../api/types';

export const NO_RATINGS: RatingAggregate = {
  count: 0,
  mean: null,
  median: null,
  stddev: null,
  agreement: null,
  distribution: [0, 0, 0, 0, 0],
};

export const NO_MODES: ModeVotes = { own: 0, collaboration: 0, procurement: 0, agreed: null };

export function capability(id: string, overrides: Partial<Capability> = {}): Capability {
  return {
    id,
    parentId: null,
    category: 'leadership',
    name: { sv: `sv ${id}`, en: `en ${id}` },
    rating: NO_RATINGS,
    modes: NO_MODES,
    ...overrides,
  };
}

export function snapshot(overrides: Partial<WorkshopSnapshot> = {}): WorkshopSnapshot {
  return {
    id: 'w1',
    projectId: 'p1',
    title: 'Förmågekartläggning 1',
    joinCode: 'K7Q2MX',
    template: 'fyrbodal-it-capabilities',
    version: 10,
    participantCount: 2,
    createdAt: '2026-11-29T19:00:00Z',
    categories: [
      { id: 'leadership', name: { sv: 'Ledningsförmågor', en: 'Leadership capabilities' } },
      { id: 'core', name: { sv: 'Kärnförmågor', en: 'Core capabilities' } },
    ],
    capabilities: [
      capability('set-goals'),
      capability('set-goals-1', { parentId: 'set-goals' }),
      capability('operate', { category: 'core' }),
    ],
    mode: 'free',
    dimensions: [
      { id: 'processes', name: { sv: 'Processer och arbetssätt', en: 'Processes and ways of working' } },
      { id: 'people', name: { sv: 'Medarbetare och kompetenser', en: 'Employees and competences' } },
      { id: 'tools', name: { sv: 'Verktyg och teknologier', en: 'Tools and technologies' } },
    ],
    rounds: [],
    scenarios: [],
    scenarioVotes: [],
    ...overrides,
  };
}

export function joined(version: number, participantCount: number): ReceivedMessage {
  return {
    type: 'participant.joined',
    version,
    participantCount,
    participant: { id: `p${version}`, displayName: 'Anna', organisation: 'Uddevalla' },
  };
}

export function rated(version: number, capabilityId: string, rating: RatingAggregate): ReceivedMessage {
  return { type: 'capability.rated', version, capabilityId, rating };
}

export const ONE_FOUR: RatingAggregate = {
  count: 1,
  mean: 4,
  median: 4,
  stddev: 0,
  agreement: 1,
  distribution: [0, 0, 0, 1, 0],
};
export const TWO: RatingAggregate = {
  count: 2,
  mean: 3.5,
  median: 3.5,
  stddev: 0.5,
  agreement: 0.75,
  distribution: [0, 0, 1, 1, 0],
};

export function round(id: string, overrides: Partial<Round> = {}): Round {
  return {
    id,
    number: 1,
    scope: { kind: 'ALL', target: null },
    capabilityIds: ['set-goals', 'set-goals-1', 'operate'],
    ratingMode: 'OVERALL',
    anonymous: false,
    sealed: true,
    state: 'open',
    timedOut: false,
    openedAt: '2026-11-29T19:10:00Z',
    deadline: null,
    closedAt: null,
    revealedAt: null,
    voterCount: 0,
    results: null,
    ...overrides,
  };
}


export function auditLine(sequence: number, overrides: Partial<AuditLine> = {}): AuditLine {
  return {
    id: `e${sequence}`,
    sequence,
    workshopId: 'w1',
    workshopSequence: sequence,
    occurredAt: `2026-11-29T10:0${sequence % 10}:00Z`,
    kind: 'rating',
    type: 'CapabilityRatedEvent',
    actor: { role: 'participant', id: 'anna', name: 'Anna', organisation: 'Uddevalla', anonymous: false },
    summary: { sv: 'Bedömde', en: 'Rated' },
    changes: [],
    requestId: `r${sequence}`,
    correlationId: `c${sequence}`,
    traceId: `t${sequence}`,
    source: { aggregateType: 'Workshop', aggregateId: 'w1', sequenceNumber: sequence, eventType: 'CapabilityRatedEvent' },
    ...overrides,
  };
}
