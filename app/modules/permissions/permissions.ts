import type { HubStatus, ProgressUpdateStatus, UserRole } from "../../../db/schema";

/**
 * Who may do what: the one vocabulary of actions and the one rule per action. Pure, so loaders compute
 * the `can…` flags their components show and the guards in permissions.server.ts enforce the same rules.
 * See docs/decisions/015-permissions.md for what a refused user sees.
 *
 * A rule has two parts: `roles` (may this kind of account EVER do it? no → 403, anonymous → log in) and
 * `object` (may it do it to THIS object? no → 404, as if the object did not exist).
 */

/** Who is asking: a signed-in account, or null for an anonymous visitor. */
export type Actor = { role: UserRole; organisationId: number | null } | null;

/** A HUB as the rules need it. */
export interface HubResource {
  status: HubStatus;
  lead_organisation_id: number;
}
/** A progress update as the rules need it (its HUB's lead organisation). */
export interface UpdateResource {
  status: ProgressUpdateStatus;
  lead_organisation_id: number;
}

type Audience = "anyone" | "signedIn" | "cityMember" | readonly UserRole[];

interface Rule<R = never> {
  /** What it is, for the decision record and for whoever reads a refusal. */
  description: string;
  audience: Audience;
  object?: (actor: NonNullable<Actor>, resource: R) => boolean;
}

function rule<R = never>(value: Rule<R>): Rule<R> {
  return value;
}

/** The HUB is led by the actor's own organisation: THE ownership rule (a city sees only its own HUBs). */
export function ownsHub(actor: Actor, hub: { lead_organisation_id: number }): boolean {
  return actor !== null && actor.role === "city" && actor.organisationId !== null && actor.organisationId === hub.lead_organisation_id;
}

/** The organisation whose data a city account may see, or null (not a city, or membership not approved yet). */
export function ownOrganisationId(actor: Actor): number | null {
  return actor !== null && actor.role === "city" ? actor.organisationId : null;
}

const staffSeesAll = (actor: NonNullable<Actor>, hub: HubResource) => actor.role !== "city" || ownsHub(actor, hub);
const notADraft = (actor: NonNullable<Actor>, update: UpdateResource) => update.status !== "draft";

export const RULES = {
  // Anyone, signed in or not.
  "public:read": rule({ description: "read the public pages, the open data and the feed", audience: "anyone" }),
  "account:enter": rule({ description: "log in, sign up, reset a password, accept an invitation", audience: "anyone" }),

  // Any signed-in account.
  "account:manage": rule({ description: "see and change one's own account, read one's notifications, look up places", audience: "signedIn" }),

  // A city representative whose membership of an organisation is approved.
  "hub:propose": rule({ description: "list one's organisation's HUBs and start a new proposal", audience: "cityMember" }),
  "hub:edit": rule<HubResource>({ description: "edit, submit or withdraw one's own organisation's HUB (drafts included)", audience: "cityMember", object: ownsHub }),
  "network:sync": rule<{ lead_organisation_id: number }>({
    description: "ask another HUB to synchronise with one's own recognised HUB, answer requests to it, record joint products",
    audience: "cityMember",
    object: ownsHub,
  }),
  "progress:submit": rule<{ lead_organisation_id: number }>({ description: "write and submit progress updates of one's own recognised HUB", audience: "cityMember", object: ownsHub }),

  // The council and the secretariat.
  "hub:read": rule<HubResource>({ description: "read any HUB in the workflow pages, drafts included (a city: its own)", audience: ["city", "council", "secretariat"], object: staffSeesAll }),
  "review:read": rule({ description: "see the review queue and a proposal's review page", audience: ["council", "secretariat"] }),
  "review:recommend": rule({ description: "record the council's review of a submitted proposal", audience: ["council"] }),
  "review:decide": rule({ description: "recognise, decline or send back a proposal; decide change requests; add translations", audience: ["secretariat"] }),
  "hub:translate": rule<HubResource>({
    description: "add or correct a HUB's translations: its own city, or the secretariat",
    audience: ["city", "secretariat"],
    object: staffSeesAll,
  }),
  "dashboard:read": rule({ description: "read the council dashboard", audience: ["council", "secretariat"] }),
  "dashboard:export": rule({ description: "download the dashboard as CSV", audience: ["council", "secretariat"] }),
  "progress:read": rule<UpdateResource>({
    description: "read a progress update (its own city, drafts included; the council and the secretariat once submitted)",
    audience: ["city", "council", "secretariat"],
    object: (actor, update) => (actor.role === "city" ? ownsHub(actor, update) : notADraft(actor, update)),
  }),
  "progress:review": rule<UpdateResource>({ description: "accept a submitted update or ask for clarification", audience: ["council"], object: notADraft }),
  "progress:cadence": rule({ description: "set a recognised HUB's reporting cadence", audience: ["secretariat"] }),

  // Calls for proposals (app/modules/calls, docs/decisions/140-calls-for-proposals.md).
  "call:manage": rule({ description: "create, edit, schedule and close calls; assign council members; publish a call's results", audience: ["secretariat"] }),
  "call:evaluate": rule<{ assigned: boolean }>({
    description: "declare a conflict of interest and score a proposal one is assigned to",
    audience: ["council"],
    object: (_actor, assignment) => assignment.assigned,
  }),
  "call:results": rule({ description: "read a call's scores, ranked table and statistics (and their CSV)", audience: ["council", "secretariat"] }),

  // The secretariat's administration.
  "admin:organisations": rule({ description: "verify organisations and decide membership requests", audience: ["secretariat"] }),
  "admin:invitations": rule({ description: "invite council and secretariat accounts", audience: ["secretariat"] }),
  "admin:accounts": rule({ description: "see accounts (last sign-in, two-step state), disable or enable them, change a staff role, reset two-step sign-in", audience: ["secretariat"] }),
  "admin:outbox": rule({ description: "read the mail outbox", audience: ["secretariat"] }),
  "admin:themes": rule({ description: "edit the themes", audience: ["secretariat"] }),
  "admin:translations": rule({ description: "list HUBs with missing translations", audience: ["secretariat"] }),
  "network:events": rule({ description: "add network events to the calendar and record the HUBs presented at them", audience: ["secretariat"] }),
  "network:suggestions": rule({ description: "see the partners suggested to a HUB (on its page and in the proposal form)", audience: "signedIn" }),
  "exchange:post": rule<{ organisationVerified: boolean }>({
    description: "open threads and reply in the exchange space: members of verified organisations, the council and the secretariat",
    audience: ["city", "council", "secretariat"],
    object: (actor, poster) => actor.role !== "city" || (actor.organisationId !== null && poster.organisationVerified),
  }),
  "exchange:report": rule({ description: "report a post of the exchange space, follow a thread", audience: "signedIn" }),
  "exchange:moderate": rule({ description: "pin, lock, hide, make public or move threads, hide posts, read the reports, post announcements", audience: ["secretariat"] }),
  "network:councils": rule({ description: "edit UCLG's Policy Councils and link HUBs to them", audience: ["secretariat"] }),
} as const;

export type Action = keyof typeof RULES;
type ResourceOf<A extends Action> = (typeof RULES)[A] extends Rule<infer R> ? R : never;
/** Actions anyone may take: the guard does not even read the session. */
export type PublicAction = { [A in Action]: (typeof RULES)[A]["audience"] extends "anyone" ? A : never }[Action];
export type SignedInAction = Exclude<Action, PublicAction>;
/** Actions whose rule looks at one object (a HUB, an update). */
export type ObjectAction = { [A in Action]: [ResourceOf<A>] extends [never] ? never : A }[Action];
export type Resource<A extends Action> = ResourceOf<A>;

export function isPublicAction(action: Action): action is PublicAction {
  return RULES[action].audience === "anyone";
}

/** May this kind of account ever take `action`? (false for anonymous visitors unless the action is public) */
export function roleMay(actor: Actor, action: Action): boolean {
  const audience: Audience = RULES[action].audience;
  if (audience === "anyone") return true;
  if (actor === null) return false;
  if (audience === "signedIn") return true;
  if (audience === "cityMember") return actor.role === "city" && actor.organisationId !== null;
  return audience.includes(actor.role);
}

/**
 * May `actor` take `action`? With `resource`, on that object; without, whether the role may at all
 * (what a page needs to show a link or a form before any object is chosen).
 */
export function can<A extends Action>(actor: Actor, action: A, resource?: Resource<A>): boolean {
  if (!roleMay(actor, action)) return false;
  const object = (RULES[action] as Rule<unknown>).object;
  return !object || actor === null || resource === undefined || object(actor, resource);
}

/** Thrown by domain code when the object is not there for this user: the route answers 404. */
export class NotVisibleError extends Error {
  constructor(what = "not visible") {
    super(what);
    this.name = "NotVisibleError";
  }
}

/** Thrown by domain code when the account's role may never do this: the route answers 403. */
export class RoleRefusedError extends Error {
  constructor(action: Action) {
    super(`role may not ${action}`);
    this.name = "RoleRefusedError";
  }
}
