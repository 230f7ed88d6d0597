// What the sign-in page draws, and nothing more: a phone on a slow line gets the first screen
// sooner. The dashboard's chunk brings the whole stylesheet (src/Dashboard.tsx).
import '@mantine/core/styles/baseline.layer.css';
import '@mantine/core/styles/default-css-variables.layer.css';
import '@mantine/core/styles/global.layer.css';
import '@mantine/core/styles/UnstyledButton.layer.css';
import '@mantine/core/styles/Button.layer.css';
import '@mantine/core/styles/Input.layer.css';
import '@mantine/core/styles/PasswordInput.layer.css';
import '@mantine/core/styles/ActionIcon.layer.css';
import '@mantine/core/styles/Anchor.layer.css';
import '@mantine/core/styles/CloseButton.layer.css';
import '@mantine/core/styles/Alert.layer.css';
import '@mantine/core/styles/Center.layer.css';
import '@mantine/core/styles/Loader.layer.css';
import '@mantine/core/styles/Paper.layer.css';
import '@mantine/core/styles/SegmentedControl.layer.css';
import '@mantine/core/styles/Stack.layer.css';
import '@mantine/core/styles/Text.layer.css';
import '@mantine/core/styles/Title.layer.css';
import './styles.css';
import { type CSSVariablesResolver, createTheme, MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { setNonce } from 'get-nonce';
import { type ReactNode, StrictMode, useMemo } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { Root } from './App';
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

// a11y: colours that reach WCAG AA contrast (4.5:1) as text on white, on their own light tint,
// and under white text: Mantine's default shade 6 (#228be6, grey #868e96) does not.
const READABLE: Record<string, string> = {
  blue: '#1864ab',
  red: '#b02525',
  green: '#1e6b30',
  yellow: '#7a5100',
  orange: '#a3360a',
  grape: '#7b2a8f',
  gray: '#495057',
  teal: '#06644a',
  cyan: '#0a6475',
  violet: '#5f3dc4',
  indigo: '#364fc7',
  pink: '#a61e4d',
  lime: '#46710a',
};
const readableColours: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': '#5c636a',
    '--mantine-color-error': READABLE.red ?? '',
    '--mantine-color-anchor': READABLE.blue ?? '',
    ...Object.fromEntries(
      Object.entries(READABLE).flatMap(([c, v]) =>
        ['filled', 'filled-hover', 'light-color', 'outline', 'text'].map((k) => [
          `--mantine-color-${c}-${k}`,
          v,
        ]),
      ),
    ),
  },
  dark: {},
});

/** The theme in the interface's language: a dialog's close button is named for screen readers. */
function Themed({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const closeLabel = t('close');
  // biome-ignore lint/correctness/useExhaustiveDependencies: the label changes with the language
  const theme = useMemo(
    () =>
      createTheme({
        primaryColor: 'blue',
        defaultRadius: 'md',
        components: {
          // Plain objects, not `Modal.extend(…)`: importing the components here would put them in
          // the sign-in page's first script (apps/server/test/slow-line.browser.test.ts).
          Modal: { defaultProps: { closeButtonProps: { 'aria-label': closeLabel } } },
          // A table wider than a phone scrolls sideways: keyboard users reach it with Tab.
          TableScrollContainer: { defaultProps: { scrollAreaProps: { viewportProps: { tabIndex: 0 } } } },
        },
      }),
    [closeLabel, i18n.language],
  );
  return (
    <MantineProvider
      theme={theme}
      cssVariablesResolver={readableColours}
      {...(styleNonce ? { getStyleNonce: () => styleNonce } : {})}
    >
      {children}
    </MantineProvider>
  );
}

const root = document.getElementById('root');
if (!root) throw new Error('#root missing');
createRoot(root).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <Themed>
        <QueryClientProvider client={queryClient}>
          <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
            <Root />
          </TRPCProvider>
        </QueryClientProvider>
      </Themed>
    </I18nextProvider>
  </StrictMode>,
);
