import { lazy } from './lib/lazyPage';
import { Navigate, type RouteObject } from 'react-router';
import AppLayout from './components/AppLayout';
import { RequireAdmin, RequireAuth, RequireFinance, RequireStaff } from './auth/guards';

// Every page is its own chunk, loaded when first visited (AppLayout shows a
// skeleton meanwhile), so the first screen on a slow phone link loads only
// what it shows; the server preloads the landing and public order pages'
// chunks with the HTML it sends (server/api/shell.go), which also names
// their modules. scripts/bundle-size.mjs reads this file to measure each
// route's JavaScript.
const Landing = lazy(() => import('./pages/home/Landing'));
const Login = lazy(() => import('./pages/auth/Login'));
const Register = lazy(() => import('./pages/auth/Register'));
const ForgotPassword = lazy(() => import('./pages/auth/ForgotPassword'));
const ResetPassword = lazy(() => import('./pages/auth/ResetPassword'));
const AcceptInvite = lazy(() => import('./pages/auth/AcceptInvite'));
const Account = lazy(() => import('./pages/account/Account'));
const MyOrg = lazy(() => import('./pages/org/MyOrg'));
const StaffOrgs = lazy(() => import('./pages/staff/StaffOrgs'));
const StaffAudit = lazy(() => import('./pages/staff/StaffAudit'));
const ModerationQueue = lazy(() => import('./pages/staff/ModerationQueue'));
const ReportsQueue = lazy(() => import('./pages/staff/ReportsQueue'));
const StaffSynonyms = lazy(() => import('./pages/staff/StaffSynonyms'));
const MyOrders = lazy(() => import('./pages/orders/MyOrders'));
const NewOrder = lazy(() => import('./pages/orders/NewOrder'));
const EditOrder = lazy(() => import('./pages/orders/EditOrder'));
const OrderPage = lazy(() => import('./pages/orders/OrderPage'));
const SearchPage = lazy(() => import('./pages/search/SearchPage'));
const Notifications = lazy(() => import('./pages/notifications/Notifications'));
const MyBids = lazy(() => import('./pages/bids/MyBids'));
const BidRedirect = lazy(() => import('./pages/bids/BidRedirect'));
const ContractList = lazy(() => import('./pages/contracts/ContractList'));
const ContractPage = lazy(() => import('./pages/contracts/ContractPage'));
const WorkshopSearch = lazy(() => import('./pages/workshops/WorkshopSearch'));
const ProfilePage = lazy(() => import('./pages/profiles/ProfilePage'));
const NotFound = lazy(() => import('./pages/errors/NotFound'));
const Roster = lazy(() => import('./pages/ops/Roster'));
const PieceRecords = lazy(() => import('./pages/ops/PieceRecords'));
const Distribution = lazy(() => import('./pages/ops/Distribution'));
const Payslip = lazy(() => import('./pages/ops/Payslip'));
const WorkshopImpact = lazy(() => import('./pages/ops/WorkshopImpact'));
const PublicImpact = lazy(() => import('./pages/ops/PublicImpact'));
const StaffImpact = lazy(() => import('./pages/ops/StaffImpact'));
const FinancePage = lazy(() => import('./pages/finance/FinancePage'));
const DisputeQueue = lazy(() => import('./pages/disputes/DisputeQueue'));
const DisputePage = lazy(() => import('./pages/disputes/DisputePage'));
const StatementPage = lazy(() => import('./pages/contracts/settlement/StatementPage'));
const PlatformStats = lazy(() => import('./pages/staff/stats/PlatformStats'));

/** Loads the page of an address the server fills in with a summary
 *  (server/api/shell.go: the landing page and public orders); main.tsx
 *  waits for it so the summary stays until the page can take its place. */
export function serverFilledPage(path: string): Promise<unknown> | undefined {
  if (path === '/') return Landing.preload();
  if (/^\/orders\/[0-9a-f-]{36}$/.test(path)) return OrderPage.preload();
  return undefined;
}

// One route table.
export const routes: RouteObject[] = [
  {
    path: '/',
    element: <AppLayout />,
    children: [
      { index: true, element: <Landing /> },
      { path: 'login', element: <Login /> },
      { path: 'register', element: <Register /> },
      { path: 'forgot-password', element: <ForgotPassword /> },
      { path: 'reset-password', element: <ResetPassword /> },
      { path: 'invite', element: <AcceptInvite /> },
      { path: 'search', element: <SearchPage /> },
      { path: 'orders/:id', element: <OrderPage /> },
      { path: 'workshops', element: <WorkshopSearch /> },
      { path: 'profiles/:id', element: <ProfilePage /> },
      { path: 'impact', element: <PublicImpact /> },
      {
        element: <RequireAuth />,
        children: [
          { path: 'account', element: <Account /> },
          { path: 'org', element: <MyOrg /> },
          { path: 'orders', element: <MyOrders /> },
          { path: 'orders/new', element: <NewOrder /> },
          { path: 'orders/:id/edit', element: <EditOrder /> },
          { path: 'notifications', element: <Notifications /> },
          { path: 'bids', element: <MyBids /> },
          { path: 'bids/:id', element: <BidRedirect /> },
          { path: 'contracts', element: <ContractList /> },
          { path: 'contracts/:id', element: <ContractPage /> },
          { path: 'contracts/:id/pieces', element: <PieceRecords /> },
          { path: 'contracts/:id/distribution', element: <Distribution /> },
          { path: 'contracts/:id/payslips/:lineId', element: <Payslip /> },
          { path: 'contracts/:id/statement', element: <StatementPage /> },
          { path: 'disputes/:id', element: <DisputePage /> },
          { path: 'workshop/residents', element: <Roster /> },
          { path: 'workshop/impact', element: <WorkshopImpact /> },
          { path: 'finance', element: <RequireFinance />, children: [{ index: true, element: <FinancePage /> }] },
          {
            path: 'staff',
            element: <RequireStaff />,
            children: [
              { index: true, element: <Navigate to="orders" replace /> },
              { path: 'orgs', element: <StaffOrgs /> },
              { path: 'orders', element: <ModerationQueue /> },
              { path: 'reports', element: <ReportsQueue /> },
              { path: 'synonyms', element: <StaffSynonyms /> },
              { path: 'impact', element: <StaffImpact /> },
              { path: 'disputes', element: <DisputeQueue /> },
              { path: 'stats', element: <PlatformStats /> },
              { element: <RequireAdmin />, children: [{ path: 'audit', element: <StaffAudit /> }] },
            ],
          },
        ],
      },
      { path: '*', element: <NotFound /> },
    ],
  },
];
