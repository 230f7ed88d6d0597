import { Text } from '@mantine/core';
import { lazy } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, type RouteObject, useLocation } from 'react-router';
import { BoardPage } from './features/board/BoardPage';
import { Layout } from './shell/Layout';
import { landingPathFor } from './shell/landing';
import { useSession } from './shell/session';

// The board is the landing page and stays in the first bundle; every other screen loads when
// opened, so the board's initial JavaScript stays small (bench/web-bundle.ts measures it).
const TasksPage = lazy(() => import('./features/tasks/TasksPage'));
const IdentifyPage = lazy(() => import('./features/identify/IdentifyPage'));
const SignOffPage = lazy(() => import('./features/sign-off/SignOffPage'));
const CoordinationPage = lazy(() => import('./features/coordination/CoordinationPage'));
const CasePage = lazy(() => import('./features/case/CasePage'));
const OverviewPage = lazy(() => import('./features/overview/OverviewPage'));
const AdminPage = lazy(() => import('./features/admin/AdminPage'));
const ConsentFormPage = lazy(() => import('./features/privacy/ConsentFormPage'));
const RequestsPage = lazy(() => import('./features/privacy/RequestsPage'));
// class-list import and the new school year (issue 12, part 1)
const StudentsPage = lazy(() => import('./features/students/StudentsPage'));
// Report rounds (issue 12, parts 2–4)
const ReportsPage = lazy(() => import('./features/reports/ReportsPage'));
// setup: a teacher volunteers; a pupil's family circumstances (issue 14)
const VolunteerPage = lazy(() => import('./features/volunteer/VolunteerPage'));
const FamilyPage = lazy(() => import('./features/family/FamilyPage'));
// wall: the wall display (issue 14)
const DisplaysPage = lazy(() => import('./features/displays/DisplaysPage'));

/** wall (issue 14): `/` lands each role where its work is; the board lives at `/board`. */
function Landing() {
  const { user } = useSession();
  const { search } = useLocation();
  const to = landingPathFor(user.roles);
  // An old link to the board with its filters (`/?class=7A`) still opens the board.
  return <Navigate to={search && to === '/board' ? `/board${search}` : to} replace />;
}
// phone: paper
const PrintPage = lazy(() => import('./features/print/PrintPage'));
// fix2: the list for the staff meeting
const MeetingListPage = lazy(() => import('./features/print/MeetingListPage'));

function NotFound() {
  const { t } = useTranslation();
  return <Text>{t('notFound')}</Text>;
}

export const routes: RouteObject[] = [
  {
    element: <Layout />,
    children: [
      { index: true, element: <Landing /> },
      { path: 'board', element: <BoardPage /> },
      { path: 'tasks/*', element: <TasksPage /> },
      { path: 'identify', element: <IdentifyPage /> },
      { path: 'sign-off/*', element: <SignOffPage /> },
      { path: 'coordination/*', element: <CoordinationPage /> },
      { path: 'cases/:caseId', element: <CasePage /> },
      { path: 'cases/:caseId/consent-form', element: <ConsentFormPage /> },
      { path: 'cases/:caseId/requests', element: <RequestsPage /> },
      { path: 'overview/*', element: <OverviewPage /> },
      { path: 'admin/*', element: <AdminPage /> },
      { path: 'students/*', element: <StudentsPage /> },
      // Report rounds (issue 12, parts 2–4)
      { path: 'reports/*', element: <ReportsPage /> },
      // setup: a teacher volunteers; a pupil's family circumstances (issue 14)
      { path: 'volunteer', element: <VolunteerPage /> },
      { path: 'family/:studentId', element: <FamilyPage /> },
      // wall: the wall display (issue 14)
      { path: 'displays', element: <DisplaysPage /> },
      // phone: paper
      { path: 'cases/:caseId/print/:document', element: <PrintPage /> },
      // fix2: the list for the staff meeting
      { path: 'print/meeting/:schoolId', element: <MeetingListPage /> },
      { path: '*', element: <NotFound /> },
    ],
  },
];
