import type { AppLoadContext } from "@remix-run/node";
import { sql, type Expression, type SqlBool } from "kysely";
import { requireUser, type SessionUser, type SignedInUser } from "~/modules/accounts/session.server";
import { recordAudit, requestSource } from "~/modules/audit/audit.server";
import { AUDIT_REFUSALS_RULE, consumeRateLimit } from "~/modules/http/rate-limit.server";
import { forbidden, notFound } from "~/modules/http/responses.server";
import { can, isPublicAction, ownOrganisationId, roleMay, type Action, type Actor, type ObjectAction, type PublicAction, type Resource, type SignedInAction } from "./permissions";

// The root loader reads the navigation flags from here, so the browser bundle never carries the rules (issue 12's JavaScript budget).
export { siteNavigation } from "./navigation";

/**
 * The guard every loader and action calls first (docs/decisions/015-permissions.md):
 * - a public action: allowed, the session is not even read (returns null);
 * - anonymous: redirected to the login page, coming back after;
 * - signed in, but the role may never take the action: 403;
 * - the role may, but not on this object (another city's HUB or update): 404, as if it did not exist.
 * Within a page that several roles open, `requireCan(user, action[, object])` checks one more action
 * (e.g. the council's review form on a page the secretariat also reads) or an object loaded after the guard.
 */
export async function requirePermission(context: AppLoadContext, request: Request, action: PublicAction): Promise<null>;
export async function requirePermission<A extends SignedInAction>(context: AppLoadContext, request: Request, action: A, resource?: Resource<A>): Promise<SignedInUser>;
export async function requirePermission(context: AppLoadContext, request: Request, action: Action, resource?: unknown): Promise<SignedInUser | null> {
  if (isPublicAction(action)) return null;
  const user = await requireUser(context, request);
  try {
    if (!roleMay(user, action)) forbidden();
    if (resource !== undefined) requireCan(user, action as ObjectAction, resource as Resource<ObjectAction>);
  } catch (refusal) {
    if (refusal instanceof Response) await auditRefusal(context, request, user, action, refusal.status);
    throw refusal;
  }
  return user;
}

/**
 * A signed-in user's refused request goes to the audit log (someone probing what they may not
 * see), at most AUDIT_REFUSALS_RULE.max per user and hour so a loop cannot flood the log. An
 * anonymous visitor is only sent to the login page: nothing to audit.
 */
async function auditRefusal(context: AppLoadContext, request: Request, user: SessionUser, action: Action, status: number): Promise<void> {
  const decision = await consumeRateLimit(context.db, AUDIT_REFUSALS_RULE, String(user.id));
  if (!decision.allowed) return;
  const url = new URL(request.url);
  await recordAudit(context.db, {
    entity: "request",
    entityId: null,
    actorUserId: user.id,
    action: "refused",
    toStatus: String(status),
    comment: `${request.method} ${url.pathname} (${action})`,
    source: requestSource(context, request),
  });
}

/**
 * The same refusals for an account already signed in: the role may never → 403; with an object
 * (loaded after the guard), a missing object or one that is not the user's → 404. Returns the object.
 */
export function requireCan(user: Actor, action: Action): void;
export function requireCan<A extends ObjectAction, R extends Resource<A>>(user: Actor, action: A, object: R | null | undefined): R;
export function requireCan(user: Actor, action: Action, ...object: unknown[]): unknown {
  if (!roleMay(user, action)) forbidden();
  if (object.length === 0) return undefined;
  if (!object[0]) notFound();
  if (!can(user, action, object[0] as Resource<typeof action>)) notFound();
  return object[0];
}

/**
 * The ownership rule as SQL, for every query that lists or loads a city's data:
 * `column` (a HUB's lead organisation) is the city's own organisation. False for anyone else.
 */
export function ownedBy(actor: Actor, column: string): Expression<SqlBool> {
  const organisationId = ownOrganisationId(actor);
  if (organisationId === null) return sql<SqlBool>`false`;
  return sql<SqlBool>`${sql.ref(column)} = ${organisationId}`;
}
