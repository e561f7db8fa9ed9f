import { DirectionProvider, MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy, ReactNode, Suspense } from 'react';
import { ApiError } from './api/client';
import { CurrentUserProvider, useCurrentUser } from './auth/current-user';
import { Loading } from './components/status';
import { I18nProvider, useI18n } from './i18n/i18n';
import { Shell } from './layout/shell';
import { match, useLocation } from './router';
import { MyWorkPage } from './pages/my-work.page';
import { SignInPage } from './pages/sign-in.page';
import { theme } from './theme';

// The inbox is in the first load; every other page loads when first opened.
const TaskPage = lazy(() => import('./pages/task.page'));
const HouseholdsPage = lazy(() => import('./pages/households.page'));
const HouseholdPage = lazy(() => import('./pages/household.page'));
const ChildrenPage = lazy(() => import('./pages/children.page'));
const ChildPage = lazy(() => import('./pages/child.page'));
const PanelsPage = lazy(() => import('./pages/panels.page'));
const RegisterPage = lazy(() => import('./pages/register.page'));
const TeamPage = lazy(() => import('./pages/team.page'));
const AlertsPage = lazy(() => import('./pages/alerts.page'));
const CalendarPage = lazy(() => import('./pages/calendar.page'));
const StaffPage = lazy(() => import('./pages/staff.page'));
const AccessLogPage = lazy(() => import('./pages/access-log.page'));
const AccountPage = lazy(() => import('./pages/account.page'));

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A 4xx will not get better by asking again; a 503 (worker or database away) may.
      retry: (failures, error) => failures < 2 && !(error instanceof ApiError && error.status < 500),
      staleTime: 10_000,
    },
  },
});

const routes: [string, (params: Record<string, string>) => ReactNode][] = [
  ['/', () => <MyWorkPage />],
  ['/tasks/:id', ({ id }) => <TaskPage id={id} />],
  ['/households', () => <HouseholdsPage />],
  ['/households/:id', ({ id }) => <HouseholdPage id={id} />],
  ['/children', () => <ChildrenPage />],
  ['/children/:id', ({ id }) => <ChildPage id={id} />],
  ['/panels', () => <PanelsPage />],
  ['/panels/:id', ({ id }) => <PanelsPage panelId={id} />],
  ['/register', () => <RegisterPage />],
  ['/team', () => <TeamPage />],
  ['/alerts', () => <AlertsPage />],
  ['/calendar', () => <CalendarPage />],
  ['/staff', () => <StaffPage />],
  ['/access-log', () => <AccessLogPage />],
  ['/account', () => <AccountPage />],
];

function Routes() {
  const { path } = useLocation();
  const { me } = useCurrentUser();
  const { m } = useI18n();
  if (!me) return <SignInPage />;
  for (const [pattern, render] of routes) {
    const params = match(pattern, path);
    if (params) return <Shell><Suspense fallback={<Loading />}>{render(params)}</Suspense></Shell>;
  }
  return <Shell><p>{m.errors.notFound}</p></Shell>;
}

function Themed({ children }: { children: ReactNode }) {
  const { dir } = useI18n();
  return (
    <DirectionProvider key={dir} initialDirection={dir} detectDirection={false}>
      <MantineProvider theme={theme}>{children}</MantineProvider>
    </DirectionProvider>
  );
}

export function App() {
  return (
    <I18nProvider>
      <Themed>
        <QueryClientProvider client={queryClient}>
          <CurrentUserProvider>
            <Routes />
          </CurrentUserProvider>
        </QueryClientProvider>
      </Themed>
    </I18nProvider>
  );
}
