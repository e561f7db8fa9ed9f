/** An alert's place in a work list, most severe first: the expression its index and its queries share. */
export const ALERT_RANK_SQL = `CASE severity WHEN 'critical' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END`;
