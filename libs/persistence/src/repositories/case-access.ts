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
  // Each set is computed once per query from its own index (a hashed subplan), not once per case.
  const held = [`SELECT vt.case_ref FROM task vt WHERE vt.assignee_id = ${me}`, `SELECT vt.case_ref FROM task vt WHERE vt.completed_by = ${me}`];
  if (agencyRoles.length) held.push(`SELECT vt.case_ref FROM task vt WHERE vt.status = 'open' AND vt.assignee_id IS NULL AND vt.candidate_role = ANY(${param(agencyRoles)})`);
  const clauses = [`cf.supervising_worker_id = ${me}`, `cf.case_ref IN (${held.join(' UNION ')})`];
  if (viewer.teamId && viewer.roles.some((role) => TEAM_ROLES.includes(role))) clauses.unshift(`cf.team_id = ${param(viewer.teamId)}`);
  if (viewer.roles.includes('panel-member') || viewer.roles.includes('panel-chair')) {
    clauses.push(
      `(cf.kind = 'household' AND cf.subject_id IN (SELECT vpc.household_id FROM panel_case vpc JOIN panel vp ON vp.id = vpc.panel_id
          WHERE vp.chair_id = ${me} OR vp.id IN (SELECT vpm.panel_id FROM panel_member vpm WHERE vpm.staff_id = ${me})))`,
    );
  }
  return `(${clauses.join(' OR ')})`;
}

/** A parameter list that hands out `$n` placeholders. */
export function sqlParams(): { values: unknown[]; param: (value: unknown) => string } {
  const values: unknown[] = [];
  return { values, param: (value) => `$${values.push(value)}` };
}
