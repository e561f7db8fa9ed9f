import { Button, Card, PasswordInput, Stack, Title } from '@mantine/core';
import { FormEvent, useState } from 'react';
import { api, session } from '../api/client';
import { ActionError } from '../components/action-error';
import { useStaffAction } from '../hooks/staff-action';
import { useI18n } from '../i18n/i18n';

/** My own account: change my password (every session ends, this one too). */
export default function AccountPage() {
  const { m } = useI18n();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const change = useStaffAction((body: object) => api('/me/password', { method: 'PUT', body }), [], () => session.end('password-changed'));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    change.mutate({ currentPassword, newPassword });
  };
  return (
    <Stack maw={480}>
      <Title order={2}>{m.nav.account}</Title>
      <Card withBorder component="section" aria-labelledby="change-password">
        <Title order={3} size="h5" id="change-password">{m.account.change}</Title>
        <form onSubmit={submit} noValidate>
          <Stack mt="xs">
            <PasswordInput label={m.account.currentPassword} autoComplete="current-password" required value={currentPassword} onChange={(event) => setCurrentPassword(event.currentTarget.value)} error={change.fieldError('currentPassword')} />
            <PasswordInput label={m.account.newPassword} description={m.account.rule} autoComplete="new-password" required value={newPassword} onChange={(event) => setNewPassword(event.currentTarget.value)} error={change.fieldError('newPassword')} />
            <Button type="submit" loading={change.isPending} disabled={!currentPassword || newPassword.length < 10}>{m.account.change}</Button>
            <ActionError error={change.error} />
          </Stack>
        </form>
      </Card>
    </Stack>
  );
}
