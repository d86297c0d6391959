import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { Providers } from './App';
import { routes } from './router';
import { loadLang } from './i18n';
import { getPrefs } from './prefs/store';
import './styles.css';

const router = createBrowserRouter(routes);

// An English reader's messages load before the first render (no flash of Chinese).
await loadLang(getPrefs().lang);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Providers>
      <RouterProvider router={router} />
    </Providers>
  </StrictMode>,
);
