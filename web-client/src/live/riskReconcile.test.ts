import { describe, expect, it } from 'vitest';
import type { ReceivedRiskMessage, RiskRegisterSnapshot } from '../api/types';
import { escalation, proposal, register, risk, riskChanged } from '../testing/riskFixtures';
import { adoptRiskSnapshot, applyRiskMessage, applyRiskMessages } from './riskReconcile';

const base = register({ version: 5 });

describe('applyRiskMessage', () => {
  const cases: Array<{
    name: string;
    msg: ReceivedRiskMessage;
    needsReload: boolean;
    version: number;
    check?: (state: RiskRegisterSnapshot) => void;
  }> = [
    {
      name: 'replaces the changed risk, keeping the others',
      msg: riskChanged(6, risk('R2', { probability: 4, impact: 4, value: 16, level: 'HIGH' })),
      needsReload: false,
      version: 6,
      check: (s) => {
        expect(s.risks.map((r) => [r.id, r.value])).toEqual([['R1', 10], ['R2', 16]]);
      },
    },
    {
      name: 'adds a newly registered risk in number order',
      msg: riskChanged(6, risk('R10'), 'registered'),
      needsReload: false,
      version: 6,
      check: (s) => expect(s.risks.map((r) => r.id)).toEqual(['R1', 'R2', 'R10']),
    },
    {
      name: 'adds an escalation once, with its risk',
      msg: { type: 'risk.escalated', version: 6, risk: risk('R1', { level: 'HIGH' }), proposal: null, escalation: escalation('R1', 6) },
      needsReload: false,
      version: 6,
      check: (s) => {
        expect(s.escalations).toEqual([escalation('R1', 6)]);
        expect(s.risks[0]?.level).toBe('HIGH');
      },
    },
    {
      name: 'adds a proposal',
      msg: { type: 'risk.proposed', version: 6, risk: null, proposal: proposal('P1'), escalation: null },
      needsReload: false,
      version: 6,
      check: (s) => expect(s.proposals.map((p) => p.id)).toEqual(['P1']),
    },
    { name: 'ignores a duplicate of the current version', msg: riskChanged(5, risk('R1', { value: 25 })), needsReload: false, version: 5 },
    { name: 'ignores an old message', msg: riskChanged(2, risk('R1', { value: 25 })), needsReload: false, version: 5 },
    { name: 'asks for a reload on a gap', msg: riskChanged(7, risk('R1')), needsReload: true, version: 5 },
    {
      name: 'asks for a reload on a message it cannot apply',
      msg: { type: 'unrecognised', version: 6, originalType: 'risk.future' },
      needsReload: true,
      version: 5,
    },
  ];

  it.each(cases)('$name', ({ msg, needsReload, version, check }) => {
    const result = applyRiskMessage(base, msg);
    expect(result.needsReload).toBe(needsReload);
    expect(result.state.version).toBe(version);
    if (needsReload || version === base.version) expect(result.state).toBe(base);
    check?.(result.state);
  });

  it('applies the first message to a register nothing has happened in yet', () => {
    const empty = register({ version: -1, risks: [] });
    const result = applyRiskMessage(empty, riskChanged(0, risk('R1'), 'registered'));
    expect(result.state.risks.map((r) => r.id)).toEqual(['R1']);
    expect(result.state.version).toBe(0);
  });
});

describe('applyRiskMessages', () => {
  it('applies buffered messages in version order and skips repeats', () => {
    const result = applyRiskMessages(base, [
      riskChanged(7, risk('R1', { value: 20 })),
      riskChanged(6, risk('R1', { value: 15 })),
      riskChanged(6, risk('R1', { value: 15 })),
      riskChanged(4, risk('R1', { value: 1 })),
    ]);
    expect(result).toMatchObject({ needsReload: false, pending: [] });
    expect(result.state.version).toBe(7);
    expect(result.state.risks[0]?.value).toBe(20);
  });

  it('stops at a gap and keeps what is newer', () => {
    const result = applyRiskMessages(base, [riskChanged(6, risk('R1')), riskChanged(8, risk('R1')), riskChanged(9, risk('R2'))]);
    expect(result.needsReload).toBe(true);
    expect(result.state.version).toBe(6);
    expect(result.pending.map((m) => m.version)).toEqual([8, 9]);
  });
});

describe('adoptRiskSnapshot', () => {
  it.each([
    { name: 'takes the snapshot when nothing is held', current: null, loaded: register({ version: 3 }), expected: 3 },
    { name: 'takes a newer snapshot', current: register({ version: 3 }), loaded: register({ version: 5 }), expected: 5 },
    { name: 'keeps a state that live messages brought further', current: register({ version: 6 }), loaded: register({ version: 5 }), expected: 6 },
    {
      name: 'takes the snapshot of another project whatever its version',
      current: register({ version: 6 }),
      loaded: register({ projectId: 'p2', version: 1 }),
      expected: 1,
    },
  ])('$name', ({ current, loaded, expected }) => {
    expect(adoptRiskSnapshot(current, loaded).version).toBe(expected);
  });
});
