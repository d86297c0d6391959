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
import NotFound from './pages/errors/NotFound';

// One route table. Later areas (orders, search, bids) add their pages here.
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
      {
        element: <RequireAuth />,
        children: [
          { path: 'account', element: <Account /> },
          { path: 'org', element: <MyOrg /> },
          {
            path: 'staff',
            element: <RequireStaff />,
            children: [
              { index: true, element: <Navigate to="orgs" replace /> },
              { path: 'orgs', element: <StaffOrgs /> },
              { element: <RequireAdmin />, children: [{ path: 'audit', element: <StaffAudit /> }] },
            ],
          },
        ],
      },
      { path: '*', element: <NotFound /> },
    ],
  },
];
