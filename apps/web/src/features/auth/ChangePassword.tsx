import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTRPC } from '../../trpc';
import { errorText } from './error-text';

/** Shown after an administrator's reset: the temporary password must be replaced first. */
export function ChangePassword() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const change = useMutation(
    trpc.auth.changePassword.mutationOptions({ onSuccess: () => queryClient.invalidateQueries() }),
  );
  const mismatch = repeat.length > 0 && repeat !== next;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!mismatch) change.mutate({ current, next });
  };
  const error = change.error ? errorText(change.error) : null;
  return (
    <main className="signin">
      <form onSubmit={submit} className="signin-form">
        <h1>
          Đổi mật khẩu <span className="sub">Change password</span>
        </h1>
        <p>Mật khẩu tạm do quản trị cấp cần được đổi trước khi tiếp tục.</p>
        <label>
          Mật khẩu hiện tại
          <input
            type="password"
            autoComplete="current-password"
            value={current}
            onChange={(e) => setCurrent(e.target.value)}
            required
          />
        </label>
        <label>
          Mật khẩu mới (ít nhất 10 ký tự)
          <input
            type="password"
            autoComplete="new-password"
            value={next}
            onChange={(e) => setNext(e.target.value)}
            minLength={10}
            required
          />
        </label>
        <label>
          Nhập lại mật khẩu mới
          <input
            type="password"
            autoComplete="new-password"
            value={repeat}
            onChange={(e) => setRepeat(e.target.value)}
            required
          />
        </label>
        {mismatch && <p className="error">Hai mật khẩu mới không khớp / Passwords do not match</p>}
        {error && (
          <p className="error" role="alert">
            {error.vi}
            {error.en && <span className="en"> / {error.en}</span>}
          </p>
        )}
        <button type="submit" disabled={change.isPending || mismatch}>
          Đổi mật khẩu
        </button>
      </form>
    </main>
  );
}
