import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTRPC } from '../trpc';
import { errorText } from './error-text';

/** The sign-in screen: username or e-mail and password; errors in Vietnamese, English below. */
export function SignIn() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const signIn = useMutation(
    trpc.auth.signIn.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(),
    }),
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    signIn.mutate({ username: username.trim(), password });
  };
  const error = signIn.error ? errorText(signIn.error) : null;
  return (
    <main className="signin">
      <form onSubmit={submit} className="signin-form" aria-labelledby="signin-title">
        <h1 id="signin-title">
          Đồng Hành <span className="sub">Đăng nhập / Sign in</span>
        </h1>
        <label>
          Tên đăng nhập hoặc email
          <input
            name="username"
            autoComplete="username"
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            required
            maxLength={254}
          />
        </label>
        <label>
          Mật khẩu
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            required
            maxLength={200}
          />
        </label>
        {error && (
          <p className="error" role="alert" data-testid="signin-error">
            {error.vi}
            {error.en && <span className="en"> / {error.en}</span>}
          </p>
        )}
        <button type="submit" disabled={signIn.isPending}>
          {signIn.isPending ? 'Đang đăng nhập…' : 'Đăng nhập'}
        </button>
      </form>
    </main>
  );
}
