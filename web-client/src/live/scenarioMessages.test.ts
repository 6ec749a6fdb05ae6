import { describe, expect, it } from 'vitest';
import { snapshot } from '../testing/fixtures';
import { parseLiveMessage } from './messages';
import { applyMessage } from './reconcile';

const scenarioJson = {
  id: { value: 'soc' },
  name: 'Gemensam SOC',
  description: 'Ett gemensamt säkerhetscenter',
  capabilityIds: ['operate'],
  costSek: 2500000,
  costKind: 'ONE_OFF',
  durationMonths: 12,
  priority: 'HIGH',
};
const voteJson = {
  id: 'v1',
  method: 'DOTS',
  dotsPerPerson: 3,
  sealed: true,
  scenarioIds: ['soc', 'comp'],
  state: 'open',
  voterCount: 1,
  results: null,
};

describe('scenario messages', () => {
  it.each([
    { name: 'a scenario with an id object', body: { type: 'scenario.defined', version: 3, scenario: scenarioJson }, type: 'scenario.defined' },
    { name: 'a scenario with a plain id', body: { type: 'scenario.defined', version: 3, scenario: { ...scenarioJson, id: 'soc' } }, type: 'scenario.defined' },
    { name: 'a sealed vote', body: { type: 'scenario-vote.changed', version: 3, vote: voteJson }, type: 'scenario-vote.changed' },
    {
      name: 'a revealed vote',
      body: { type: 'scenario-vote.changed', version: 3, vote: { ...voteJson, state: 'revealed', results: [{ scenarioId: 'soc', dots: 2, points: 0, firstPlaces: 0 }] } },
      type: 'scenario-vote.changed',
    },
    { name: 'a scenario with an unknown priority', body: { type: 'scenario.defined', version: 3, scenario: { ...scenarioJson, priority: 'URGENT' } }, type: 'unrecognised' },
    { name: 'a vote with fractional dots', body: { type: 'scenario-vote.changed', version: 3, vote: { ...voteJson, dotsPerPerson: 2.5 } }, type: 'unrecognised' },
    { name: 'a model change', body: { type: 'model.changed', version: 3, change: {} }, type: 'unrecognised' },
  ])('$name → $type', ({ body, type }) => {
    expect(parseLiveMessage(JSON.stringify(body))?.type).toBe(type);
  });

  it('reads the id object as the plain id', () => {
    const msg = parseLiveMessage(JSON.stringify({ type: 'scenario.defined', version: 3, scenario: scenarioJson }));
    expect(msg?.type === 'scenario.defined' && msg.scenario.id).toBe('soc');
  });

  it('adds a new scenario, replaces a redefined one in place, and replaces a vote by id', () => {
    const state = snapshot({ version: 2 });
    const defined = parseLiveMessage(JSON.stringify({ type: 'scenario.defined', version: 3, scenario: scenarioJson }));
    const redefined = parseLiveMessage(JSON.stringify({ type: 'scenario.defined', version: 4, scenario: { ...scenarioJson, name: 'SOC' } }));
    const opened = parseLiveMessage(JSON.stringify({ type: 'scenario-vote.changed', version: 5, vote: voteJson }));
    const voted = parseLiveMessage(JSON.stringify({ type: 'scenario-vote.changed', version: 6, vote: { ...voteJson, voterCount: 2 } }));
    if (!defined || !redefined || !opened || !voted) throw new Error('not parsed');
    let s = applyMessage(state, defined).state;
    s = applyMessage(s, redefined).state;
    s = applyMessage(s, opened).state;
    const result = applyMessage(s, voted);
    expect(result.needsReload).toBe(false);
    expect(result.state.version).toBe(6);
    expect(result.state.scenarios.map((x) => x.name)).toEqual(['SOC']);
    expect(result.state.scenarioVotes.map((v) => v.voterCount)).toEqual([2]);
  });

  it('reloads on a model change', () => {
    const msg = parseLiveMessage(JSON.stringify({ type: 'model.changed', version: 11, change: {} }));
    if (!msg) throw new Error('not parsed');
    expect(applyMessage(snapshot({ version: 10 }), msg).needsReload).toBe(true);
  });
});
