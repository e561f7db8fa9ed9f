import { useQuery } from '@tanstack/react-query';
import { taskCatalogue, type FormSummary } from '@hearth/domain';
import { api } from '../api/client';
import type { FormDefinitionView } from '../api/types';
import { useI18n } from '../i18n/i18n';

/** A task's name in the user's language: its form's title (forms are data, served by the API in every language). */
export function useTaskTitle(): (task: { formKey: string; title: string }) => string {
  const { preferences } = useI18n();
  const forms = useQuery({ queryKey: ['forms'], queryFn: () => api<{ items: FormSummary[] }>('/forms'), staleTime: Infinity });
  const titles = new Map(forms.data?.items.map((form) => [form.key, form.title[preferences.language]]));
  return (task) => titles.get(task.formKey) ?? task.title;
}

/** The form key of a task type (alerts and previews name the type). */
export const formKeyOf = (type: string): string => (taskCatalogue as Record<string, { formKey: string }>)[type]?.formKey ?? type;

export function useFormDefinition(key: string, version: number) {
  return useQuery({ queryKey: ['form', key, version], queryFn: () => api<FormDefinitionView>(`/forms/${encodeURIComponent(key)}/${version}`), staleTime: Infinity });
}
