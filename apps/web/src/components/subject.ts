import type { TaskSubjectView } from '../api/types';
import type { I18n } from '../i18n/i18n';

/** Which adult (by name) or which referee a task is about. */
export function subjectLabel(subject: TaskSubjectView, m: I18n['m'], t: I18n['t']): string {
  return subject.kind === 'referee' ? t(m.task.referee, { n: subject.id }) : subject.label;
}
