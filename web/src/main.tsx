import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { ApiError } from './api/client';
import { HubProvider } from './app';
import { routes } from './routes';
import './styles.css';

const queries = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      // retry what may pass on a second try; never a 4xx
      retry: (count, error) => count < 3 && !(error instanceof ApiError && error.status < 500),
      retryDelay: (attempt) => Math.min(4000, 500 * 2 ** attempt),
    },
  },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queries}>
      <HubProvider>
        <RouterProvider router={createBrowserRouter(routes)} />
      </HubProvider>
    </QueryClientProvider>
  </StrictMode>,
);
