import { Text } from '@mantine/core';
import { ApiError } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { errorMessage } from './status';

/** A failed action's message in the user's language (bad input is shown beside its fields instead). */
export function ActionError({ error }: { error: unknown }) {
  const { m } = useI18n();
  if (!error || (error instanceof ApiError && error.status === 400 && Object.keys(error.fields).length > 0)) return null;
  return (
    <Text c="red.9" size="sm" role="alert" mt="xs">
      {errorMessage(error, m)}
    </Text>
  );
}
