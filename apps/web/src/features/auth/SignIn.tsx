import {
  Alert,
  Anchor,
  Button,
  Center,
  Paper,
  PasswordInput,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
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
    // wall (issue 14): the show-password toggle and what to do when the password is forgotten
    showPassword: 'Hiện các ký tự đã gõ',
    hidePassword: 'Ẩn các ký tự đã gõ',
    forgot: 'Quên mật khẩu?',
    forgotHelp:
      'Mật khẩu không đặt lại qua thư. Hãy nhờ người quản trị hệ thống của đơn vị (trường hoặc phòng/sở) đặt lại: họ đưa bạn một mật khẩu tạm, dùng được một lần. Đăng nhập bằng mật khẩu đó rồi tự đặt mật khẩu mới (ít nhất 10 ký tự).',
  },
  en: {
    title: 'Sign in',
    username: 'Username or e-mail',
    password: 'Password',
    submit: 'Sign in',
    pending: 'Signing in…',
    // wall (issue 14)
    showPassword: 'Show what I typed',
    hidePassword: 'Hide what I typed',
    forgot: 'Forgot your password?',
    forgotHelp:
      "Passwords are not reset by e-mail. Ask your unit's system administrator (school or office) to reset it: they give you a temporary password that works once. Sign in with it, then choose a new password (at least 10 characters).",
  },
});

/** The sign-in screen: username or e-mail and password; the server's error in the chosen language. */
export function SignIn() {
  const { t, i18n } = useTranslation('auth');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [forgotOpen, setForgotOpen] = useState(false);
  const [shown, setShown] = useState(false);
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
          <PasswordInput
            label={t('password')}
            name="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            required
            maxLength={200}
            visible={shown}
            onVisibilityChange={setShown}
            visibilityToggleButtonProps={{
              'aria-label': shown ? t('hidePassword') : t('showPassword'),
              'aria-pressed': shown,
              tabIndex: 0,
              'data-testid': 'show-password',
            }}
          />
          {error && (
            <Alert color="red" role="alert" data-testid="signin-error">
              {i18n.language === 'en' && error.en ? error.en : error.vi}
            </Alert>
          )}
          <Button type="submit" loading={signIn.isPending}>
            {t('submit')}
          </Button>
          <Anchor
            component="button"
            type="button"
            size="sm"
            onClick={() => setForgotOpen((o) => !o)}
            aria-expanded={forgotOpen}
            aria-controls="forgot-help"
          >
            {t('forgot')}
          </Anchor>
          {forgotOpen && (
            <Text size="sm" id="forgot-help" data-testid="forgot-help">
              {t('forgotHelp')}
            </Text>
          )}
        </Stack>
      </Paper>
    </Center>
  );
}
