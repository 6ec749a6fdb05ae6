export type Route =
  | { name: 'start'; joinCode: string | null }
  | { name: 'login' }
  | { name: 'facilitator' }
  | { name: 'dashboard'; workshopId: string }
  | { name: 'rate'; workshopId: string }
  | { name: 'results'; workshopId: string }
  | { name: 'model'; workshopId: string }
  | { name: 'compare'; workshopId: string }
  | { name: 'projectResults'; projectId: string }
  | { name: 'risks'; projectId: string }
  | { name: 'meeting'; workshopId: string }
  | { name: 'projector'; workshopId: string }
  | { name: 'records'; projectId: string }
  | { name: 'workshopAudit'; workshopId: string }
  | { name: 'projectAudit'; projectId: string; workshopId: string | null }
  // --- steering evidence and account admin (issues 5 and 9) ---
  | { name: 'evidence'; workshopId: string; decisionId: string }
  | { name: 'admin' }
  // --- end steering evidence and account admin ---
  // Surveys and the environment analysis (issue 10)
  | { name: 'surveys'; projectId: string }
  | { name: 'survey'; projectId: string; surveyId: string }
  | { name: 'environment'; projectId: string }
  | { name: 'capability'; projectId: string; capabilityId: string }
  | { name: 'answer'; link: string }
  | { name: 'notFound' };

function decode(segment: string): string | null {
  try {
    const value = decodeURIComponent(segment);
    return value.length > 0 ? value : null;
  } catch {
    return null;
  }
}

/** Reads a hash route (`#/w/{id}/rate`); hash routing needs no SPA fallback on the server. */
export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '').replace(/^\/+/, '').replace(/\/+$/, '');
  const parts = path === '' ? [] : path.split('/');
  const [first, second, third] = parts;
  if (parts.length === 0) return { name: 'start', joinCode: null };
  if (parts.length === 1 && first === 'login') return { name: 'login' };
  if (parts.length === 1 && first === 'facilitator') return { name: 'facilitator' };
  // --- steering evidence and account admin (issues 5 and 9) ---
  if (parts.length === 1 && first === 'admin') return { name: 'admin' };
  if (parts.length === 5 && first === 'w' && second !== undefined && third === 'decisions' && parts[4] === 'evidence') {
    const workshopId = decode(second);
    const decisionId = decode(parts[3] ?? '');
    if (workshopId && decisionId) return { name: 'evidence', workshopId, decisionId };
  }
  // --- end steering evidence and account admin ---
  if (parts.length === 2 && first === 'join' && second !== undefined) {
    return { name: 'start', joinCode: decode(second) };
  }
  if (parts.length === 3 && first === 'w' && second !== undefined) {
    const workshopId = decode(second);
    if (workshopId && third === 'dashboard') return { name: 'dashboard', workshopId };
    if (workshopId && third === 'rate') return { name: 'rate', workshopId };
    if (workshopId && third === 'results') return { name: 'results', workshopId };
    if (workshopId && third === 'audit') return { name: 'workshopAudit', workshopId };
    if (workshopId && third === 'model') return { name: 'model', workshopId };
    if (workshopId && third === 'compare') return { name: 'compare', workshopId };
    if (workshopId && third === 'meeting') return { name: 'meeting', workshopId };
    if (workshopId && third === 'projector') return { name: 'projector', workshopId };
  }
  if (parts.length === 3 && first === 'p' && second !== undefined && third === 'results') {
    const projectId = decode(second);
    if (projectId) return { name: 'projectResults', projectId };
  }
  if (parts.length === 3 && first === 'p' && second !== undefined && third === 'risks') {
    const projectId = decode(second);
    if (projectId) return { name: 'risks', projectId };
  }
  if (parts.length === 3 && first === 'p' && second !== undefined && third === 'records') {
    const projectId = decode(second);
    if (projectId) return { name: 'records', projectId };
  }
  // #/p/{projectId}/audit, or #/p/{projectId}/audit/{workshopId} for one workshop in the project's trail.
  if ((parts.length === 3 || parts.length === 4) && first === 'p' && second !== undefined && third === 'audit') {
    const projectId = decode(second);
    const fourth = parts[3];
    const workshopId = fourth === undefined ? null : decode(fourth);
    if (projectId && (fourth === undefined || workshopId)) return { name: 'projectAudit', projectId, workshopId };
  }
  // Surveys and the environment analysis (issue 10): #/answer/{link}, #/p/{p}/surveys[/{s}],
  // #/p/{p}/environment, #/p/{p}/capabilities/{c}.
  if (parts.length === 2 && first === 'answer' && second !== undefined) {
    const link = decode(second);
    if (link) return { name: 'answer', link };
  }
  if (first === 'p' && second !== undefined && (parts.length === 3 || parts.length === 4)) {
    const projectId = decode(second);
    const fourth = parts[3] === undefined ? null : decode(parts[3]);
    if (projectId && third === 'surveys' && parts.length === 3) return { name: 'surveys', projectId };
    if (projectId && third === 'surveys' && fourth) return { name: 'survey', projectId, surveyId: fourth };
    if (projectId && third === 'environment' && parts.length === 3) return { name: 'environment', projectId };
    if (projectId && third === 'capabilities' && fourth) return { name: 'capability', projectId, capabilityId: fourth };
  }
  return { name: 'notFound' };
}

export const hrefs = {
  start: () => '#/',
  join: (code: string) => `#/join/${encodeURIComponent(code)}`,
  login: () => '#/login',
  facilitator: () => '#/facilitator',
  dashboard: (id: string) => `#/w/${encodeURIComponent(id)}/dashboard`,
  rate: (id: string) => `#/w/${encodeURIComponent(id)}/rate`,
  results: (id: string) => `#/w/${encodeURIComponent(id)}/results`,
  model: (id: string) => `#/w/${encodeURIComponent(id)}/model`,
  compare: (id: string) => `#/w/${encodeURIComponent(id)}/compare`,
  projectResults: (id: string) => `#/p/${encodeURIComponent(id)}/results`,
  risks: (projectId: string) => `#/p/${encodeURIComponent(projectId)}/risks`,
  meeting: (id: string) => `#/w/${encodeURIComponent(id)}/meeting`,
  projector: (id: string) => `#/w/${encodeURIComponent(id)}/projector`,
  records: (projectId: string) => `#/p/${encodeURIComponent(projectId)}/records`,
  // --- steering evidence and account admin (issues 5 and 9) ---
  evidence: (workshopId: string, decisionId: string) =>
    `#/w/${encodeURIComponent(workshopId)}/decisions/${encodeURIComponent(decisionId)}/evidence`,
  admin: () => '#/admin',
  // --- end steering evidence and account admin ---
  workshopAudit: (id: string) => `#/w/${encodeURIComponent(id)}/audit`,
  projectAudit: (projectId: string, workshopId?: string) =>
    `#/p/${encodeURIComponent(projectId)}/audit` + (workshopId ? `/${encodeURIComponent(workshopId)}` : ''),
  // Surveys and the environment analysis (issue 10)
  surveys: (projectId: string) => `#/p/${encodeURIComponent(projectId)}/surveys`,
  survey: (projectId: string, surveyId: string) =>
    `#/p/${encodeURIComponent(projectId)}/surveys/${encodeURIComponent(surveyId)}`,
  environment: (projectId: string) => `#/p/${encodeURIComponent(projectId)}/environment`,
  capability: (projectId: string, capabilityId: string) =>
    `#/p/${encodeURIComponent(projectId)}/capabilities/${encodeURIComponent(capabilityId)}`,
  answer: (link: string) => `#/answer/${encodeURIComponent(link)}`,
};

export function navigate(href: string): void {
  window.location.hash = href;
}
