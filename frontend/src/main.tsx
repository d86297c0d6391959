import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { Providers } from './App';
import { routes, serverFilledPage } from './router';
import { makeQueryClient } from './api/queryClient';
import { orderQuery } from './api/orders';
import { loadLang } from './i18n';
import { getPrefs } from './prefs/store';
import './styles.css';

const router = createBrowserRouter(routes);

const queryClient = makeQueryClient();
const root = document.getElementById('root')!;
// A page the server filled in with a readable summary (a shared order, the
// landing page) keeps it until its own module and data have arrived, rather
// than giving way to a skeleton on a slow link; the order is asked for now,
// alongside the scripts, not after the page has loaded.
const filled = root.querySelector(':scope > .ssr') ? serverFilledPage(location.pathname) : undefined;
const orderId = /^\/orders\/([0-9a-f-]{36})$/.exec(location.pathname)?.[1];
const orderLoaded = filled && orderId ? queryClient.prefetchQuery(orderQuery(orderId)) : undefined;

// An English reader's messages load before the first render (no flash of Chinese).
await Promise.all([loadLang(getPrefs().lang), filled?.catch(() => {}), orderLoaded]);

createRoot(root).render(
  <StrictMode>
    <Providers queryClient={queryClient}>
      <RouterProvider router={router} />
    </Providers>
  </StrictMode>,
);
