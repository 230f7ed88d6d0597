import '@mantine/core/styles.layer.css';
import { DatesProvider } from '@mantine/dates';
import { useTranslation } from 'react-i18next';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { OutboxSender } from './offline/Outbox';
import { routes } from './routes';
import { type Session, SessionProvider } from './shell/session';

const router = createBrowserRouter(routes);

/**
 * Everything after sign-in, in its own chunk: a cold sign-in page on a slow line downloads only
 * React, the component library and the form (the router, the board and the live channel come next).
 */
export default function Dashboard({ session }: { session: Session }) {
  const { i18n } = useTranslation();
  return (
    <DatesProvider settings={{ locale: i18n.language === 'en' ? 'en' : 'vi', firstDayOfWeek: 1 }}>
      <SessionProvider value={session}>
        <OutboxSender userId={session.user.id} />
        <RouterProvider router={router} />
      </SessionProvider>
    </DatesProvider>
  );
}
