// The API's own response and request types, imported as types only: a changed API breaks this
// app's type-check (npm run lint), not the people using it.
export type { StaffView, StaffPage, TeamList, TeamView } from '../../../api/src/staff/staff.view';
export type { CaseloadView, CaseloadRowView } from '../../../api/src/staff/staff.service';
export type { DelegationView, DelegationList } from '../../../api/src/staff/delegation.view';
export type { TaskView, TaskPage, TaskSubjectView } from '../../../api/src/tasks/task.view';
export type { TaskMoveResult } from '../../../api/src/tasks/dto/reassign-tasks.dto';
export type { DeadlineExplanationView } from '../../../api/src/tasks/deadline-explanation.view';
export type { HouseholdView, DecisionView, CheckView, HouseholdMemberView, TimelineEntryView } from '../../../api/src/households/household.view';
export type { HouseholdPage, HouseholdListItemView } from '../../../api/src/households/dto/search-households.query';
export type { AlertPage, AlertView } from '../../../api/src/alerts/alerts.controller';
export type { PanelView, PanelCalendarView, PanelCalendarEntryView, PanelAgendaView, PanelCaseView } from '../../../api/src/panels/panel.view';
export type { RegisterPage, RegisterEntryView } from '../../../api/src/register/register.view';
export type { DayOffView, DayOffDeclaredView, DayOffRemovedView, CalendarPreviewView } from '../../../api/src/calendar/calendar.view';
export type { AccessTokenDto } from '../../../api/src/auth/login.dto';
export type { MeView } from '../../../api/src/auth/preferences.dto';
export type { FormDefinitionView } from '../../../api/src/forms/forms.controller';
export type { PersonalDataReadView } from '../../../api/src/access/personal-data-reads.controller';
export type { ChildView, ProposalView, PlacementView, VisitView, ReviewView, SiblingView, MatchReasonView, ShortlistView, ShortlistEntryView } from '../../../api/src/children/child.view';
export type { ChildPage, ChildListItemView } from '../../../api/src/children/dto/child-list.query';
export type { HouseholdPlacementView } from '../../../api/src/households/household.view';
