import { StaffMember, TEAM_ROLES } from '@hearth/domain';

/** Who is reading: their id, roles and team. */
export type Viewer = StaffMember;

/**
 * The need-to-know rule as SQL over a case file aliased `cf` (DOMAIN.md, who sees what): team staff
 * see their team's cases; anyone sees a case they hold or held (supervising worker, a task assigned
 * to or completed by them, a task offered to an agency-wide role of theirs); panel members and
 * chairs see the cases on their panels' agendas. `param` adds a query parameter and returns its
 * placeholder.
 */
export function caseVisibleSql(viewer: Viewer, param: (value: unknown) => string): string {
  const me = param(viewer.userId);
  const agencyRoles = viewer.roles.filter((role) => !TEAM_ROLES.includes(role));
  const clauses = [
    `cf.supervising_worker_id = ${me}`,
    `EXISTS (SELECT 1 FROM task vt WHERE vt.case_ref = cf.case_ref AND (vt.assignee_id = ${me} OR vt.completed_by = ${me}${
      agencyRoles.length ? ` OR (vt.status = 'open' AND vt.assignee_id IS NULL AND vt.candidate_role = ANY(${param(agencyRoles)}))` : ''
    }))`,
  ];
  if (viewer.teamId && viewer.roles.some((role) => TEAM_ROLES.includes(role))) clauses.unshift(`cf.team_id = ${param(viewer.teamId)}`);
  if (viewer.roles.includes('panel-member') || viewer.roles.includes('panel-chair')) {
    clauses.push(
      `EXISTS (SELECT 1 FROM panel_case vpc JOIN panel vp ON vp.id = vpc.panel_id
                WHERE cf.kind = 'household' AND vpc.household_id = cf.subject_id
                  AND (vp.chair_id = ${me} OR EXISTS (SELECT 1 FROM panel_member vpm WHERE vpm.panel_id = vp.id AND vpm.staff_id = ${me})))`,
    );
  }
  return `(${clauses.join(' OR ')})`;
}

/** A parameter list that hands out `$n` placeholders. */
export function sqlParams(): { values: unknown[]; param: (value: unknown) => string } {
  const values: unknown[] = [];
  return { values, param: (value) => `$${values.push(value)}` };
}
