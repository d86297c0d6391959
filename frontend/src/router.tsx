import { Navigate, type RouteObject } from 'react-router';
import AppLayout from './components/AppLayout';
import { RequireAdmin, RequireAuth, RequireStaff } from './auth/guards';
import Landing from './pages/home/Landing';
import Login from './pages/auth/Login';
import Register from './pages/auth/Register';
import ForgotPassword from './pages/auth/ForgotPassword';
import ResetPassword from './pages/auth/ResetPassword';
import AcceptInvite from './pages/auth/AcceptInvite';
import Account from './pages/account/Account';
import MyOrg from './pages/org/MyOrg';
import StaffOrgs from './pages/staff/StaffOrgs';
import StaffAudit from './pages/staff/StaffAudit';
import ModerationQueue from './pages/staff/ModerationQueue';
import ReportsQueue from './pages/staff/ReportsQueue';
import MyOrders from './pages/orders/MyOrders';
import NewOrder from './pages/orders/NewOrder';
import EditOrder from './pages/orders/EditOrder';
import OrderPage from './pages/orders/OrderPage';
import SearchPage from './pages/search/SearchPage';
import Notifications from './pages/notifications/Notifications';
import MyBids from './pages/bids/MyBids';
import BidRedirect from './pages/bids/BidRedirect';
import ContractList from './pages/contracts/ContractList';
import ContractPage from './pages/contracts/ContractPage';
import WorkshopSearch from './pages/workshops/WorkshopSearch';
import ProfilePage from './pages/profiles/ProfilePage';
import NotFound from './pages/errors/NotFound';
import Roster from './pages/ops/Roster';
import PieceRecords from './pages/ops/PieceRecords';
import Distribution from './pages/ops/Distribution';
import Payslip from './pages/ops/Payslip';
import WorkshopImpact from './pages/ops/WorkshopImpact';
import PublicImpact, { StaffImpact } from './pages/ops/PublicImpact';

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
          { path: 'workshop/residents', element: <Roster /> },
          { path: 'workshop/impact', element: <WorkshopImpact /> },
          {
            path: 'staff',
            element: <RequireStaff />,
            children: [
              { index: true, element: <Navigate to="orgs" replace /> },
              { path: 'orgs', element: <StaffOrgs /> },
              { path: 'orders', element: <ModerationQueue /> },
              { path: 'reports', element: <ReportsQueue /> },
              { path: 'impact', element: <StaffImpact /> },
              { element: <RequireAdmin />, children: [{ path: 'audit', element: <StaffAudit /> }] },
            ],
          },
        ],
      },
      { path: '*', element: <NotFound /> },
    ],
  },
];
