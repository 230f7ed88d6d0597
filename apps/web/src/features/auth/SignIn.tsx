import { Alert, Button, Center, Paper, SegmentedControl, Stack, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLocale, type Locale, registerStrings, setLocale } from '../../i18n';
import { useTRPC } from '../../trpc';
import { errorText } from './error-text';

registerStrings('auth', {
  vi: {
    title: 'Đăng nhập',
    username: 'Tên đăng nhập hoặc email',
    password: 'Mật khẩu',
    submit: 'Đăng nhập',
    pending: 'Đang đăng nhập…',
  },
  en: {
    title: 'Sign in',
    username: 'Username or e-mail',
    password: 'Password',
    submit: 'Sign in',
    pending: 'Signing in…',
  },
});

/** The sign-in screen: username or e-mail and password; the server's error in the chosen language. */
export function SignIn() {
  const { t, i18n } = useTranslation('auth');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const signIn = useMutation(
    trpc.auth.signIn.mutationOptions({ onSuccess: () => queryClient.invalidateQueries() }),
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    signIn.mutate({ username: username.trim(), password });
  };
  const error = signIn.error ? errorText(signIn.error) : null;
  return (
    <Center mih="100vh" p="md">
      <Paper component="form" onSubmit={submit} withBorder shadow="sm" p="xl" w={380} maw="100%">
        <Stack>
          <Title order={1} size="h2">
            Đồng Hành · {t('title')}
          </Title>
          <SegmentedControl
            size="xs"
            value={currentLocale()}
            onChange={(v) => setLocale(v as Locale)}
            data={[
              { value: 'vi', label: 'Tiếng Việt' },
              { value: 'en', label: 'English' },
            ]}
          />
          <TextInput
            label={t('username')}
            name="username"
            autoComplete="username"
            value={username}
            onChange={(e) => setUsername(e.currentTarget.value)}
            required
            maxLength={254}
          />
          <TextInput
            label={t('password')}
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            required
            maxLength={200}
          />
          {error && (
            <Alert color="red" role="alert" data-testid="signin-error">
              {i18n.language === 'en' && error.en ? error.en : error.vi}
            </Alert>
          )}
          <Button type="submit" loading={signIn.isPending}>
            {t('submit')}
          </Button>
        </Stack>
      </Paper>
    </Center>
  );
}
