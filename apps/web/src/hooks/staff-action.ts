import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, newIdempotencyKey } from '../api/client';

/**
 * A staff action (record an enquiry, add a member, book a panel…): one Idempotency-Key per attempt
 * until it succeeds, so a retried click has one effect; the API's field messages by field; the
 * lists it changes refreshed after.
 */
export function useStaffAction<TInput, TResult>(send: (input: TInput, idempotencyKey: string) => Promise<TResult>, refresh: string[] = [], onDone?: (result: TResult) => void) {
  const queryClient = useQueryClient();
  const [key, setKey] = useState(newIdempotencyKey);
  const action = useMutation({
    mutationFn: (input: TInput) => send(input, key),
    onSuccess: (result) => {
      setKey(newIdempotencyKey());
      for (const each of refresh) void queryClient.invalidateQueries({ queryKey: [each] });
      onDone?.(result);
    },
  });
  const fields = action.error instanceof ApiError ? action.error.fields : {};
  /** The API's messages for a field of the body, for the input's `error`. */
  const fieldError = (name: string) => fields[name]?.join(' ');
  return { ...action, fields, fieldError };
}
