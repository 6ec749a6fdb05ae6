import { describe, expect, it } from 'vitest';
import { escalation, proposal, risk } from '../testing/riskFixtures';
import { parseRiskMessage } from './riskMessages';

describe('parseRiskMessage', () => {
  it.each([
    {
      name: 'a changed risk',
      body: JSON.stringify({ type: 'risk.reassessed', version: 3, projectId: 'p1', risk: risk('R1'), proposal: null, escalation: null }),
      expected: { type: 'risk.reassessed', version: 3, risk: risk('R1'), proposal: null, escalation: null },
    },
    {
      name: 'an escalation with its risk',
      body: JSON.stringify({
        type: 'risk.escalated',
        version: 4,
        risk: risk('R1', { level: 'HIGH' }),
        proposal: null,
        escalation: escalation('R1', 4),
      }),
      expected: {
        type: 'risk.escalated',
        version: 4,
        risk: risk('R1', { level: 'HIGH' }),
        proposal: null,
        escalation: escalation('R1', 4),
      },
    },
    {
      name: 'a proposal without risk fields at all',
      body: JSON.stringify({ type: 'risk.proposed', version: 0, proposal: proposal('P1') }),
      expected: { type: 'risk.proposed', version: 0, risk: null, proposal: proposal('P1'), escalation: null },
    },
  ])('reads $name', ({ body, expected }) => {
    expect(parseRiskMessage(body)).toEqual(expected);
  });

  it.each([
    { name: 'an unknown type', body: '{"type":"risk.something","version":7}' },
    { name: 'a type of another stream', body: '{"type":"capability.rated","version":7,"risk":null}' },
    { name: 'a risk off the scale', body: JSON.stringify({ type: 'risk.reassessed', version: 7, risk: risk('R1', { probability: 6 }) }) },
    { name: 'a risk value that is not whole', body: JSON.stringify({ type: 'risk.reassessed', version: 7, risk: { ...risk('R1'), value: 2.5 } }) },
    { name: 'a proposal that is not an object', body: '{"type":"risk.proposed","version":7,"proposal":"P1"}' },
  ])('keeps the version of $name as unrecognised', ({ body }) => {
    expect(parseRiskMessage(body)).toMatchObject({ type: 'unrecognised', version: 7 });
  });

  it.each([
    { name: 'bad JSON', body: '{' },
    { name: 'no version', body: '{"type":"risk.reassessed"}' },
    { name: 'a fractional version', body: '{"type":"risk.reassessed","version":1.5}' },
    { name: 'an array', body: '[]' },
  ])('drops $name', ({ body }) => {
    expect(parseRiskMessage(body)).toBeNull();
  });
});
