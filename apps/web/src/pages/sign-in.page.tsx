import { Alert, Button, Container, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { FormEvent, useState } from 'react';
import { ApiError, session } from '../api/client';
import { useCurrentUser } from '../auth/current-user';
import { errorMessage } from '../components/status';
import { useI18n } from '../i18n/i18n';
import { PreferencesMenu } from '../layout/preferences-menu';

export function SignInPage() {
  const { m, t } = useI18n();
  const { signIn } = useCurrentUser();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [notice] = useState(session.takeNotice);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      await signIn(username.trim(), password);
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) setProblem(m.signIn.failed);
      else if (error instanceof ApiError && error.status === 429) setProblem(t(m.signIn.locked, { minutes: Math.ceil((error.retryAfterSeconds ?? 60) / 60) }));
      else setProblem(errorMessage(error, m));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Container size={420} py="xl" component="main">
      <Stack align="flex-end" mb="sm">
        <PreferencesMenu />
      </Stack>
      <Title order={1} ta="center" mb="lg">{m.signIn.title}</Title>
      {notice && <Alert color="blue" mb="md" role="status">{notice === 'password-changed' ? m.account.changed : m.errors.sessionEnded}</Alert>}
      <Paper withBorder shadow="sm" p="lg" radius="md">
        <form onSubmit={submit} noValidate>
          <Stack>
            <TextInput label={m.signIn.username} name="username" autoComplete="username" required value={username} onChange={(event) => setUsername(event.currentTarget.value)} dir="ltr" />
            <PasswordInput label={m.signIn.password} name="password" autoComplete="current-password" required value={password} onChange={(event) => setPassword(event.currentTarget.value)} />
            {problem && <Text c="red.9" size="sm" role="alert">{problem}</Text>}
            <Button type="submit" loading={busy}>{m.signIn.submit}</Button>
          </Stack>
        </form>
      </Paper>
    </Container>
  );
}
