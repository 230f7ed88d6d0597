import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ChangePassword } from './auth/ChangePassword';
import { SignIn } from './auth/SignIn';
import { Board } from './board/Board';
import { useTRPC } from './trpc';

/** Who is signed in decides the screen: sign-in, the forced password change, or the dashboard. */
export function App() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const me = useQuery(trpc.auth.me.queryOptions(undefined, { staleTime: 60_000 }));
  const signOut = useMutation(
    trpc.auth.signOut.mutationOptions({
      onSuccess: () => {
        queryClient.clear();
        void queryClient.invalidateQueries();
      },
    }),
  );
  if (me.isLoading) return <p className="empty">Đang tải… / Loading…</p>;
  if (me.error)
    return (
      <p className="error" role="alert">
        Không kết nối được máy chủ / Cannot reach the server
      </p>
    );
  if (!me.data) return <SignIn />;
  if (me.data.mustChangePassword) return <ChangePassword />;
  return (
    <Board
      user={me.data.user}
      onSignOut={() => signOut.mutate()}
      onSessionEnded={() => void queryClient.invalidateQueries(trpc.auth.me.queryFilter())}
    />
  );
}
