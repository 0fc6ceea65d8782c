import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, type RouteObject } from 'react-router';
import { useHub } from './app';
import { Shell } from './shell';
import { SignIn } from './pages/SignIn';
import { Dashboard } from './pages/Dashboard';
import { Loading } from './ui/ui';

const Calendar = lazy(() => import('./pages/Calendar'));
const Notifications = lazy(() => import('./pages/Notifications'));
const Users = lazy(() => import('./pages/Users'));
const Settings = lazy(() => import('./pages/Settings'));
const Contacts = lazy(() => import('./pages/Contacts'));
const Tasks = lazy(() => import('./pages/Tasks'));
const TaskBoard = lazy(() => import('./pages/tasks/TaskBoard'));
const TaskPage = lazy(() => import('./pages/tasks/TaskPage'));
const Companies = lazy(() => import('./pages/crm/Companies'));
const CompanyRecord = lazy(() => import('./pages/crm/CompanyRecord'));
const ContactRecord = lazy(() => import('./pages/crm/ContactRecord'));
const Deals = lazy(() => import('./pages/crm/Deals'));
const DealRecord = lazy(() => import('./pages/crm/DealRecord'));
const Import = lazy(() => import('./pages/crm/Import'));
const ImportJobPage = lazy(() => import('./pages/crm/ImportJob'));
const ContactMerge = lazy(() => import('./pages/crm/ContactMerge'));

function Lazy({ children }: { children: ReactNode }) {
  return <Suspense fallback={<Loading />}>{children}</Suspense>;
}

function Allowed({ permission, children }: { permission: string; children: ReactNode }) {
  const { can, t } = useHub();
  return can(permission) ? <>{children}</> : <p role="alert">{t('forbidden')}</p>;
}

function NotFound() {
  const { t } = useHub();
  return <p role="alert">{t('notFound')}</p>;
}

export const routes: RouteObject[] = [
  { path: '/sign-in', element: <SignIn /> },
  {
    path: '/',
    element: <Shell />,
    children: [
      { index: true, element: <Navigate to="/dashboard" replace /> },
      { path: 'dashboard', element: <Dashboard /> },
      { path: 'calendar/*', element: <Lazy><Allowed permission="scheduler:read"><Calendar /></Allowed></Lazy> },
      { path: 'notifications', element: <Lazy><Notifications /></Lazy> },
      { path: 'users', element: <Lazy><Allowed permission="users:read"><Users /></Allowed></Lazy> },
      { path: 'settings', element: <Lazy><Settings /></Lazy> },
      { path: 'crm/contacts', element: <Lazy><Allowed permission="crm:read"><Contacts /></Allowed></Lazy> },
      { path: 'crm/contacts/:id', element: <Lazy><Allowed permission="crm:read"><ContactRecord /></Allowed></Lazy> },
      { path: 'crm/contacts/:id/merge', element: <Lazy><Allowed permission="crm:manage"><ContactMerge /></Allowed></Lazy> },
      { path: 'crm/companies', element: <Lazy><Allowed permission="crm:read"><Companies /></Allowed></Lazy> },
      { path: 'crm/companies/:id', element: <Lazy><Allowed permission="crm:read"><CompanyRecord /></Allowed></Lazy> },
      { path: 'crm/deals', element: <Lazy><Allowed permission="crm:read"><Deals /></Allowed></Lazy> },
      { path: 'crm/deals/:id', element: <Lazy><Allowed permission="crm:read"><DealRecord /></Allowed></Lazy> },
      { path: 'crm/import', element: <Lazy><Allowed permission="crm:manage"><Import /></Allowed></Lazy> },
      { path: 'crm/imports/:id', element: <Lazy><Allowed permission="crm:manage"><ImportJobPage /></Allowed></Lazy> },
      { path: 'tasks', element: <Lazy><Allowed permission="tasks:read"><Tasks /></Allowed></Lazy> },
      { path: 'tasks/board', element: <Lazy><Allowed permission="tasks:read"><TaskBoard /></Allowed></Lazy> },
      { path: 'tasks/:id', element: <Lazy><Allowed permission="tasks:read"><TaskPage /></Allowed></Lazy> },
      { path: '*', element: <NotFound /> },
    ],
  },
];
