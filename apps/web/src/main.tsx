// What the sign-in page draws, and nothing more: a phone on a slow line gets the first screen
// sooner. The dashboard's chunk brings the whole stylesheet (src/Dashboard.tsx).
import '@mantine/core/styles/baseline.css';
import '@mantine/core/styles/default-css-variables.css';
import '@mantine/core/styles/global.css';
import '@mantine/core/styles/UnstyledButton.css';
import '@mantine/core/styles/Button.css';
import '@mantine/core/styles/Input.css';
import '@mantine/core/styles/PasswordInput.css';
import '@mantine/core/styles/ActionIcon.css';
import '@mantine/core/styles/CloseButton.css';
import '@mantine/core/styles/Alert.css';
import '@mantine/core/styles/Center.css';
import '@mantine/core/styles/Loader.css';
import '@mantine/core/styles/Paper.css';
import '@mantine/core/styles/SegmentedControl.css';
import '@mantine/core/styles/Stack.css';
import '@mantine/core/styles/Text.css';
import '@mantine/core/styles/Title.css';
import './styles.css';
import { createTheme, MantineProvider } from '@mantine/core';
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
        <QueryClientProvider client={queryClient}>
          <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
            <App />
          </TRPCProvider>
        </QueryClientProvider>
      </MantineProvider>
    </I18nextProvider>
  </StrictMode>,
);
