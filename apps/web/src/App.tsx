import { Center, Loader, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ChangePassword } from './features/auth/ChangePassword';
import { SignIn } from './features/auth/SignIn';
import { forgetOfflineReads, keepOfflineReadsFor } from './offline/register';
import { sessionOf } from './shell/session';
import { useTRPC } from './trpc';

const Dashboard = lazy(() => import('./Dashboard'));
// wall: the wall display (issue 14) lives outside sign-in and the shell: no menu, no session.
const WallPage = lazy(() => import('./features/wall/WallPage'));
export const isWallPath = (path: string) => path === '/wall' || path === '/wall/';

/** The wall display, or the dashboard behind sign-in. */
export function Root() {
  if (isWallPath(window.location.pathname))
    return (
      <Suspense fallback={null}>
        <WallPage />
      </Suspense>
    );
  return <App />;
}

/** Who is signed in decides the screen: sign-in, the forced password change, or the dashboard. */
export function App() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const me = useQuery(trpc.auth.me.queryOptions(undefined, { staleTime: 60_000 }));
  const signOut = useMutation(
    trpc.auth.signOut.mutationOptions({
      // Forgotten even when the sign-out could not reach the server (offline): the person left.
      onSettled: () => void forgetOfflineReads(),
      onSuccess: () => {
        queryClient.clear();
        void queryClient.invalidateQueries();
      },
    }),
  );
  const user = me.data?.user;
  const answered = me.isSuccess;
  const userId = user?.id ?? null;
  // Another person signed in, or the session ended: the previous person's cached reads go.
  useEffect(() => {
    if (answered) void keepOfflineReadsFor(userId);
  }, [answered, userId]);
  const session = useMemo(
    () =>
      user
        ? sessionOf(
            user,
            () => signOut.mutate(),
            () => {
              void forgetOfflineReads();
              void queryClient.invalidateQueries(trpc.auth.me.queryFilter());
            },
          )
        : null,
    [user, signOut.mutate, queryClient, trpc],
  );
  const loading = (
    <Center h="100vh">
      <Loader aria-label={t('loading')} />
    </Center>
  );
  if (me.isLoading) return loading;
  if (me.error)
    return (
      <Center h="100vh">
        <Text c="red" role="alert">
          {t('serverDown')}
        </Text>
      </Center>
    );
  if (!me.data || !session) return <SignIn />;
  if (me.data.mustChangePassword) return <ChangePassword />;
  return (
    <Suspense fallback={loading}>
      <Dashboard session={session} />
    </Suspense>
  );
}
