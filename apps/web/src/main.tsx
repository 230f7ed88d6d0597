import '@mantine/core/styles.css';
import './styles.css';
import { createTheme, MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { setNonce } from 'get-nonce';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { App } from './App';
import { i18n } from './i18n';
import { registerServiceWorker } from './offline/register';
import { TRPCProvider, trpcClient } from './trpc';

const queryClient = new QueryClient({
  defaultOptions: { queries: { refetchOnWindowFocus: false, retry: 1 } },
});

// The server puts a fresh nonce in this meta tag and in its Content-Security-Policy: Mantine's
// one <style> element carries it, so no inline style is allowed without it.
const nonce = document.querySelector<HTMLMetaElement>('meta[name="csp-nonce"]')?.content;
const styleNonce = nonce && nonce !== '__CSP_NONCE__' ? nonce : undefined;
// Modals lock scrolling with a <style> element of their own (react-remove-scroll): it takes its
// nonce from get-nonce.
if (styleNonce) setNonce(styleNonce);

registerServiceWorker();

const theme = createTheme({ primaryColor: 'blue', defaultRadius: 'md' });

const root = document.getElementById('root');
if (!root) throw new Error('#root missing');
createRoot(root).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <MantineProvider theme={theme} {...(styleNonce ? { getStyleNonce: () => styleNonce } : {})}>
        <DatesProvider settings={{ locale: i18n.language === 'en' ? 'en' : 'vi', firstDayOfWeek: 1 }}>
          <QueryClientProvider client={queryClient}>
            <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
              <App />
            </TRPCProvider>
          </QueryClientProvider>
        </DatesProvider>
      </MantineProvider>
    </I18nextProvider>
  </StrictMode>,
);
