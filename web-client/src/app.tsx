import { useEffect, useState } from 'preact/hooks';
import { Header } from './components/common';
import { I18nProvider, useI18n } from './lang';
import { hrefs, parseRoute, type Route } from './router';
import { Audit } from './screens/Audit';
import { Compare } from './screens/Compare';
import { Dashboard } from './screens/Dashboard';
import { FacilitatorHome } from './screens/FacilitatorHome';
import { Login } from './screens/Login';
import { ModelEditor } from './screens/ModelEditor';
import { ProjectResults } from './screens/ProjectResults';
import { Rate } from './screens/Rate';
import { Results } from './screens/Results';
import { Risks } from './screens/Risks';
import { Meeting } from './screens/Meeting';
import { Records } from './screens/Records';
import { Start } from './screens/Start';
// --- steering evidence and account admin (issues 5 and 9) ---
import { Accounts } from './screens/Accounts';
import { Evidence } from './screens/Evidence';
// --- end steering evidence and account admin ---
// Surveys and the environment analysis (issue 10)
import { CapabilityPage } from './survey/CapabilityPage';
import { Environment } from './survey/Environment';
import { Respond } from './survey/Respond';
import { SurveyPage, Surveys } from './survey/Surveys';

function useRoute(): Route {
  const [route, setRoute] = useState<Route>(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => {
      setRoute(parseRoute(window.location.hash));
      window.scrollTo(0, 0);
    };
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

function NotFound() {
  const { t } = useI18n();
  return (
    <main class="narrow">
      <h1>{t('notFound.title')}</h1>
      <a href={hrefs.start()}>{t('common.backToStart')}</a>
    </main>
  );
}

function Screen({ route }: { route: Route }) {
  switch (route.name) {
    case 'start':
      // Keyed so that following another join link fills the form anew.
      return <Start key={route.joinCode ?? ''} joinCode={route.joinCode} />;
    case 'login':
      return <Login />;
    case 'facilitator':
      return <FacilitatorHome />;
    case 'dashboard':
      return <Dashboard key={route.workshopId} workshopId={route.workshopId} />;
    case 'rate':
      return <Rate key={route.workshopId} workshopId={route.workshopId} />;
    case 'model':
      return <ModelEditor key={route.workshopId} workshopId={route.workshopId} />;
    case 'compare':
      return <Compare key={route.workshopId} workshopId={route.workshopId} />;
    case 'results':
      return <Results key={route.workshopId} workshopId={route.workshopId} />;
    case 'projectResults':
      return <ProjectResults key={route.projectId} projectId={route.projectId} />;
    case 'risks':
      return <Risks key={route.projectId} projectId={route.projectId} />;
    case 'meeting':
      return <Meeting key={`m-${route.workshopId}`} workshopId={route.workshopId} projector={false} />;
    case 'projector':
      return <Meeting key={`p-${route.workshopId}`} workshopId={route.workshopId} projector={true} />;
    case 'records':
      return <Records key={route.projectId} projectId={route.projectId} />;
    case 'workshopAudit':
      return <Audit key={route.workshopId} scope={{ kind: 'workshop', workshopId: route.workshopId }} />;
    case 'projectAudit':
      return (
        <Audit
          key={`${route.projectId}/${route.workshopId ?? ''}`}
          scope={{ kind: 'project', projectId: route.projectId, workshopId: route.workshopId }}
        />
      );
    // --- steering evidence and account admin (issues 5 and 9) ---
    case 'evidence':
      return <Evidence key={`${route.workshopId}/${route.decisionId}`} workshopId={route.workshopId} decisionId={route.decisionId} />;
    case 'admin':
      return <Accounts />;
    // --- end steering evidence and account admin ---
    // Surveys and the environment analysis (issue 10)
    case 'surveys':
      return <Surveys key={route.projectId} projectId={route.projectId} />;
    case 'survey':
      return <SurveyPage key={`${route.projectId}/${route.surveyId}`} projectId={route.projectId} surveyId={route.surveyId} />;
    case 'environment':
      return <Environment key={route.projectId} projectId={route.projectId} />;
    case 'capability':
      return <CapabilityPage key={`${route.projectId}/${route.capabilityId}`} projectId={route.projectId} capabilityId={route.capabilityId} />;
    case 'answer':
      return <Respond key={route.link} link={route.link} />;
    case 'notFound':
      return <NotFound />;
  }
}

export function App() {
  const route = useRoute();
  return (
    <I18nProvider>
      <Header />
      <Screen route={route} />
    </I18nProvider>
  );
}
