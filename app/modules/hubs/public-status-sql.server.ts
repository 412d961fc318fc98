import { sql } from "kysely";
import type { PublicHubStatus } from "./lifecycle";

// The public status in SQL, the twin of lifecycle.ts's rules, apart from the lifecycle's transitions
// so that modules the lifecycle asks (calls) can filter by it without importing the lifecycle.

/**
 * The public status of the HUB aliased `hubAlias` on `today`, in SQL: the same rule as
 * `publicStatusOf` (lifecycle.ts), for queries that filter, count or export by it.
 * Only meaningful for public HUBs (`isPublicHubSql`).
 */
export function publicStatusSql(today: string, hubAlias = "h") {
  const hub = (column: string) => sql.ref(`${hubAlias}.${column}`);
  return sql<PublicHubStatus>`(case
    when ${hub("status")} = 'completed' then 'completed'
    when ${today}::date < ${hub("start_date")} then 'recognised'
    when ${today}::date > ${hub("end_date")} then 'ended'
    else 'active' end)`;
}

/** The HUB aliased `hubAlias` is public (recognised or completed): `PUBLIC_STORED_STATUSES` in SQL. */
export function isPublicHubSql(hubAlias = "h") {
  return sql<boolean>`${sql.ref(`${hubAlias}.status`)} in ('recognised', 'completed')`;
}
