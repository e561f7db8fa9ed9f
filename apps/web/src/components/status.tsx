import { Alert, Badge, Button, Center, Loader, Text } from '@mantine/core';
import type { DueState } from '@hearth/domain';
import { ApiError } from '../api/client';
import { useI18n } from '../i18n/i18n';

export function Loading() {
  const { m } = useI18n();
  return (
    <Center p="xl" role="status">
      <Loader size="sm" />
      <Text ms="sm">{m.common.loading}</Text>
    </Center>
  );
}

/** What went wrong, in the user's language, and the API's own words where it gave them. */
export function errorMessage(error: unknown, m: ReturnType<typeof useI18n>['m']): string {
  if (!(error instanceof ApiError)) return m.errors.network;
  switch (error.status) {
    case 503:
      return m.errors.unavailable;
    case 404:
      return m.errors.notFound;
    case 403:
      // Separation of duties says whose part in the case stands in the way; other refusals are need to know.
      return error.code === 'separation-of-duties' ? `${m.errors.forbidden} ${error.message}` : m.errors.forbidden;
    case 409:
      return `${m.errors.conflict} ${error.message}`;
    case 401:
      return m.errors.sessionEnded;
    case 400:
      return m.errors.invalid;
    default:
      return error.message;
  }
}

export function ErrorNotice({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { m } = useI18n();
  return (
    <Alert color="red" title={m.errors.title} role="alert" my="md">
      <Text size="sm">{errorMessage(error, m)}</Text>
      {onRetry && (
        <Button size="xs" variant="outline" color="red" mt="sm" onClick={onRetry}>
          {m.common.retry}
        </Button>
      )}
    </Alert>
  );
}

const DUE_COLOURS: Record<DueState, string> = { overdue: 'red.9', 'due-soon': 'yellow.5', 'on-time': 'gray.7' };

export function DueBadge({ state }: { state: DueState | null }) {
  const { m } = useI18n();
  if (!state) return null;
  return (
    <Badge color={DUE_COLOURS[state]} variant={state === 'on-time' ? 'outline' : 'filled'} autoContrast data-due={state} style={{ flexShrink: 0, overflow: 'visible' }} styles={{ label: { overflow: 'visible' } }}>
      {m.due[state]}
    </Badge>
  );
}
