import { Alert, Button, Card, Group, MultiSelect, PasswordInput, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { FormEvent, useState } from 'react';
import { STAFF_ROLES, StaffRole } from '@hearth/domain';
import { api } from '../api/client';
import type { StaffView, TeamList } from '../api/types';
import { LoadMore, usePaged } from '../hooks/paged';
import { ActionError } from '../components/action-error';
import { ErrorNotice, Loading } from '../components/status';
import { useStaffAction } from '../hooks/staff-action';
import { DataTable } from '../components/data-table';
import { useI18n } from '../i18n/i18n';

function AddStaff({ teams }: { teams: TeamList['items'] }) {
  const { m, t } = useI18n();
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [roles, setRoles] = useState<string[]>([]);
  const [teamId, setTeamId] = useState<string | null>(null);
  const [password, setPassword] = useState('');
  const create = useStaffAction((body: object) => api<StaffView>('/staff', { method: 'POST', body }), ['staff'], () => {
    setUsername('');
    setDisplayName('');
    setRoles([]);
    setPassword('');
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ username: username.trim(), displayName: displayName.trim(), roles, teamId, password });
  };
  return (
    <Card withBorder component="section" aria-labelledby="add-staff">
      <Title order={3} size="h5" id="add-staff">{m.staff.add}</Title>
      <form onSubmit={submit} noValidate>
        <Group align="flex-start" mt="xs">
          <TextInput label={m.staff.username} value={username} onChange={(event) => setUsername(event.currentTarget.value)} required error={create.fieldError('username')} dir="ltr" />
          <TextInput label={m.staff.name} value={displayName} onChange={(event) => setDisplayName(event.currentTarget.value)} required error={create.fieldError('displayName')} />
          <MultiSelect label={m.staff.roles} data={STAFF_ROLES.map((role) => ({ value: role, label: m.role[role] }))} value={roles} onChange={setRoles} required error={create.fieldError('roles')} w={260} />
          <Select label={m.staff.team} data={teams.map((team) => ({ value: team.id, label: team.name }))} value={teamId} onChange={setTeamId} clearable />
          <PasswordInput label={m.staff.password} value={password} onChange={(event) => setPassword(event.currentTarget.value)} required error={create.fieldError('password')} />
        </Group>
        <Button type="submit" mt="sm" loading={create.isPending}>{m.staff.add}</Button>
      </form>
      {create.data && <Alert color="teal" mt="sm" role="status">{t(m.staff.created, { name: create.data.displayName })}</Alert>}
      <ActionError error={create.error} />
    </Card>
  );
}

/** An admin changes a member of staff's name, roles or team, or resets their password (every session of theirs ends). */
function EditStaff({ member, teams, onClose }: { member: StaffView; teams: TeamList['items']; onClose(): void }) {
  const { m } = useI18n();
  const [displayName, setDisplayName] = useState(member.displayName);
  const [roles, setRoles] = useState<string[]>(member.roles);
  const [teamId, setTeamId] = useState<string | null>(member.teamId);
  const [password, setPassword] = useState('');
  const save = useStaffAction((body: object) => api(`/staff/${member.id}`, { method: 'PATCH', body }), ['staff'], onClose);
  const reset = useStaffAction((body: object) => api(`/staff/${member.id}/password`, { method: 'PUT', body }), [], () => setPassword(''));
  return (
    <Card withBorder component="section" aria-labelledby="edit-staff">
      <Title order={3} size="h5" id="edit-staff">{member.displayName}</Title>
      <Group align="flex-start" mt="xs">
        <TextInput label={m.staff.name} value={displayName} onChange={(event) => setDisplayName(event.currentTarget.value)} error={save.fieldError('displayName')} />
        <MultiSelect label={m.staff.roles} data={STAFF_ROLES.map((role) => ({ value: role, label: m.role[role] }))} value={roles} onChange={setRoles} error={save.fieldError('roles')} w={260} />
        <Select label={m.staff.team} data={teams.map((team) => ({ value: team.id, label: team.name }))} value={teamId} onChange={setTeamId} clearable />
      </Group>
      <Group mt="sm">
        <Button loading={save.isPending} onClick={() => save.mutate({ displayName: displayName.trim(), roles, teamId })}>{m.common.save}</Button>
        <Button variant="default" onClick={onClose}>{m.common.close}</Button>
      </Group>
      <ActionError error={save.error} />
      <Group align="flex-end" mt="md">
        <PasswordInput label={m.staff.newPassword} autoComplete="new-password" value={password} onChange={(event) => setPassword(event.currentTarget.value)} error={reset.fieldError('password')} />
        <Button variant="default" disabled={password.length < 10} loading={reset.isPending} onClick={() => reset.mutate({ password })}>{m.staff.resetPassword}</Button>
      </Group>
      {reset.isSuccess && <Text size="sm" role="status">{m.staff.passwordReset}</Text>}
      <ActionError error={reset.error} />
    </Card>
  );
}

/** An admin's list of staff: add, change, deactivate and reactivate, reset a password. */
export default function StaffAdminPage() {
  const { m } = useI18n();
  const staff = usePaged<StaffView>(['staff', 'all'], '/staff', { includeInactive: true });
  const [editing, setEditing] = useState<StaffView | null>(null);
  const teams = useQuery({ queryKey: ['teams'], queryFn: () => api<TeamList>('/teams') });
  const change = useStaffAction(({ id, active }: { id: string; active: boolean }) => api(`/staff/${id}`, { method: 'PATCH', body: { active } }), ['staff']);
  if (staff.isPending) return <Loading />;
  if (staff.error) return <ErrorNotice error={staff.error} />;
  return (
    <Stack>
      <Title order={2}>{m.staff.title}</Title>
      {teams.data && <AddStaff teams={teams.data.items} />}
      {editing && teams.data && <EditStaff key={editing.id} member={editing} teams={teams.data.items} onClose={() => setEditing(null)} />}
      <DataTable striped aria-label={m.staff.title} headers={[m.staff.name, m.staff.username, m.staff.roles, m.staff.team, m.staff.active]}>
        {staff.rows.map((member) => (
          <Table.Tr key={member.id}>
            <Table.Td>
              <Button variant="subtle" size="compact-sm" onClick={() => setEditing(member)} aria-label={`${m.staff.edit}: ${member.displayName}`}>{member.displayName}</Button>
            </Table.Td>
            <Table.Td dir="ltr">{member.username}</Table.Td>
            <Table.Td>{member.roles.map((role: StaffRole) => m.role[role]).join(m.common.comma)}</Table.Td>
            <Table.Td>{member.teamName ?? m.staff.noTeam}</Table.Td>
            <Table.Td>
              <Group gap="xs" wrap="nowrap">
                <Text size="sm">{member.active ? m.staff.active : m.staff.inactive}</Text>
                <Button size="compact-xs" variant="subtle" onClick={() => change.mutate({ id: member.id, active: !member.active })}>{member.active ? m.staff.deactivate : m.staff.reactivate}</Button>
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
      <ActionError error={change.error} />
      <LoadMore list={staff} />
    </Stack>
  );
}
