import { describe, expect, it } from 'vitest';
import { hrefs, parseRoute, type Route } from './router';

describe('parseRoute', () => {
  it.each<{ hash: string; expected: Route }>([
    { hash: '', expected: { name: 'start', joinCode: null } },
    { hash: '#', expected: { name: 'start', joinCode: null } },
    { hash: '#/', expected: { name: 'start', joinCode: null } },
    { hash: '#/join/K7Q2MX', expected: { name: 'start', joinCode: 'K7Q2MX' } },
    { hash: '#/login', expected: { name: 'login' } },
    { hash: '#/facilitator/', expected: { name: 'facilitator' } },
    { hash: '#/w/abc-123/dashboard', expected: { name: 'dashboard', workshopId: 'abc-123' } },
    { hash: '#/w/abc-123/rate', expected: { name: 'rate', workshopId: 'abc-123' } },
    { hash: '#/w/a%20b/rate', expected: { name: 'rate', workshopId: 'a b' } },
    { hash: '#/w/abc-123/results', expected: { name: 'results', workshopId: 'abc-123' } },
    { hash: '#/p/p-9/results', expected: { name: 'projectResults', projectId: 'p-9' } },
    { hash: '#/p//results', expected: { name: 'notFound' } },
    { hash: '#/p/p-9/other', expected: { name: 'notFound' } },
    { hash: '#/p/p-1/risks', expected: { name: 'risks', projectId: 'p-1' } },
    { hash: '#/p//risks', expected: { name: 'notFound' } },
    { hash: '#/p/p-1/other', expected: { name: 'notFound' } },
    { hash: '#/w/abc/audit', expected: { name: 'workshopAudit', workshopId: 'abc' } },
    { hash: '#/w/abc/model', expected: { name: 'model', workshopId: 'abc' } },
    { hash: '#/w/abc/compare', expected: { name: 'compare', workshopId: 'abc' } },
    { hash: '#/p/p1/audit', expected: { name: 'projectAudit', projectId: 'p1', workshopId: null } },
    { hash: '#/p/p1/audit/w1', expected: { name: 'projectAudit', projectId: 'p1', workshopId: 'w1' } },
    { hash: '#/p/p1/other', expected: { name: 'notFound' } },
    { hash: '#/p//audit', expected: { name: 'notFound' } },
    { hash: '#/w/abc/other', expected: { name: 'notFound' } },
    { hash: '#/w//rate', expected: { name: 'notFound' } },
    { hash: '#/admin', expected: { name: 'admin' } },
    { hash: '#/w/w1/decisions/d1/evidence', expected: { name: 'evidence', workshopId: 'w1', decisionId: 'd1' } },
    { hash: '#/w/w1/decisions//evidence', expected: { name: 'notFound' } },
    { hash: '#/nowhere', expected: { name: 'notFound' } },
  ])('$hash', ({ hash, expected }) => {
    expect(parseRoute(hash)).toEqual(expected);
  });

  it('reads back what hrefs writes', () => {
    expect(parseRoute(hrefs.dashboard('w 1'))).toEqual({ name: 'dashboard', workshopId: 'w 1' });
    expect(parseRoute(hrefs.rate('w1'))).toEqual({ name: 'rate', workshopId: 'w1' });
    expect(parseRoute(hrefs.join('AB23CD'))).toEqual({ name: 'start', joinCode: 'AB23CD' });
    expect(parseRoute(hrefs.results('w/1'))).toEqual({ name: 'results', workshopId: 'w/1' });
    expect(parseRoute(hrefs.projectResults('p 1'))).toEqual({ name: 'projectResults', projectId: 'p 1' });
    expect(parseRoute(hrefs.risks('p 1'))).toEqual({ name: 'risks', projectId: 'p 1' });
    expect(parseRoute(hrefs.workshopAudit('w 1'))).toEqual({ name: 'workshopAudit', workshopId: 'w 1' });
    expect(parseRoute(hrefs.evidence('w 1', 'd 2'))).toEqual({ name: 'evidence', workshopId: 'w 1', decisionId: 'd 2' });
    expect(parseRoute(hrefs.projectAudit('p1'))).toEqual({ name: 'projectAudit', projectId: 'p1', workshopId: null });
    expect(parseRoute(hrefs.projectAudit('p1', 'w1'))).toEqual({ name: 'projectAudit', projectId: 'p1', workshopId: 'w1' });
  });
});

// Surveys and the environment analysis (issue 10)
describe('survey routes', () => {
  it('round-trips every survey route', () => {
    expect(parseRoute(hrefs.surveys('p1'))).toEqual({ name: 'surveys', projectId: 'p1' });
    expect(parseRoute(hrefs.survey('p1', 'sv-abc'))).toEqual({ name: 'survey', projectId: 'p1', surveyId: 'sv-abc' });
    expect(parseRoute(hrefs.environment('p1'))).toEqual({ name: 'environment', projectId: 'p1' });
    expect(parseRoute(hrefs.capability('p1', 'build-competence'))).toEqual({ name: 'capability', projectId: 'p1', capabilityId: 'build-competence' });
    expect(parseRoute(hrefs.answer('czE.abc_-'))).toEqual({ name: 'answer', link: 'czE.abc_-' });
  });
});
