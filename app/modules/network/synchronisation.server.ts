import { sql, type Expression, type SqlBool } from "kysely";
import { jsonArrayFrom } from "kysely/helpers/postgres";
import type { DB } from "../../../db/index";
import type { Language } from "../../../db/schema";
import type { SessionUser } from "~/modules/accounts/session.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { hubTitleSql } from "~/modules/hubs/hub-texts.server";
import { isPublicHubSql } from "~/modules/hubs/lifecycle.server";
import { can, NotVisibleError } from "~/modules/permissions/permissions";
import { ownedBy } from "~/modules/permissions/permissions.server";
import { ConflictError } from "~/modules/progress/progress.server";
import { notifyOnce } from "~/modules/progress/notifications.server";

/**
 * Two-way synchronisation (docs/decisions/150-hub-network.md). One HUB's city asks another HUB to
 * synchronise (a message and the joint activity planned); the other HUB's city accepts or declines.
 * An accepted request IS the link: the HUB pages, the exports and the map read only accepted ones
 * (`linkedHubIdsSql`), in both directions. Both HUBs must be public (the lifecycle decides).
 */

/** The ids of the HUBs linked to `hubRef` (a column or a value) by an accepted request, either way. */
export function linkedHubIdsSql(hubRef: Expression<number> | number) {
  return sql<number>`(select case when sr.requester_hub_id = ${hubRef} then sr.target_hub_id else sr.requester_hub_id end
    from hub_sync_requests sr where sr.status = 'accepted' and (sr.requester_hub_id = ${hubRef} or sr.target_hub_id = ${hubRef}))`;
}

/**
 * Every accepted synchronisation as a pair of HUB ids (for the map's lines: the map keeps the pairs
 * whose two HUBs it shows, which settles who is public and who matches the filters).
 */
export async function acceptedSynchronisationPairs(db: DB): Promise<[number, number][]> {
  const rows = await db.selectFrom("hub_sync_requests").select(["requester_hub_id", "target_hub_id"]).where("status", "=", "accepted").orderBy("id").execute();
  return rows.map((row) => [row.requester_hub_id, row.target_hub_id]);
}

export interface HubLink {
  slug: string;
  title: string;
  city: string;
  countryCode: string;
  /** Why they synchronise: the joint activity planned (null for a link carried over from a proposal). */
  jointActivity: string | null;
  message: string | null;
  acceptedOn: string | null;
  products: { kind: "publication" | "tool"; title: string; url: string }[];
}

/**
 * The accepted links of a HUB to other public HUBs, newest first, each with its joint products: a
 * query, or a subquery of one that reads more (`hubId` a reference: the HUB page's network).
 */
export function hubLinksOf(db: DB, hubId: number | Expression<number>, language: Language) {
  return db
    .selectFrom("hub_sync_requests as sr")
    .innerJoin("hubs as other", (join) =>
      join.on(sql<SqlBool>`other.id = case when sr.requester_hub_id = ${hubId} then sr.target_hub_id else sr.requester_hub_id end`),
    )
    .innerJoin("organisations as o", "o.id", "other.lead_organisation_id")
    .where("sr.status", "=", "accepted")
    .where((eb) => eb.or([eb("sr.requester_hub_id", "=", hubId), eb("sr.target_hub_id", "=", hubId)]))
    .where(isPublicHubSql("other"))
    .select((eb) => [
      "sr.joint_activity",
      "sr.message",
      "sr.decided_at",
      "other.slug",
      "o.city",
      "o.country_code",
      sql<string>`coalesce(${hubTitleSql(language, "other")}, other.slug)`.as("title"),
      jsonArrayFrom(
        eb.selectFrom("hub_joint_products as jp").select(["jp.kind", "jp.title", "jp.url"]).whereRef("jp.sync_request_id", "=", "sr.id").orderBy("jp.created_at").orderBy("jp.id"),
      ).as("products"),
    ])
    .orderBy("sr.decided_at", "desc")
    .orderBy("other.slug");
}

type HubLinkRow = Awaited<ReturnType<ReturnType<typeof hubLinksOf>["execute"]>>[number];

/** The rows of `hubLinksOf` as the HUB page shows them (decided_at: a Date from a column, its ISO text from inside a JSON list). */
export function presentHubLinks(rows: (Omit<HubLinkRow, "decided_at"> & { decided_at: Date | string | null })[]): HubLink[] {
  return rows.map((row) => ({
    slug: row.slug,
    title: row.title,
    city: row.city,
    countryCode: row.country_code.trim(),
    jointActivity: row.joint_activity,
    message: row.message,
    acceptedOn: row.decided_at ? new Date(row.decided_at).toISOString().slice(0, 10) : null,
    products: row.products.map(({ kind, title, url }) => ({ kind, title, url })),
  }));
}

/** The accepted links of a HUB to other public HUBs, with their reason and joint products. */
export async function listHubLinks(db: DB, hubId: number, language: Language): Promise<HubLink[]> {
  return presentHubLinks(await hubLinksOf(db, hubId, language).execute());
}

/** The accepted pairs between public HUBs, as coordinates (the map's optional lines). */
export async function listLinkLines(db: DB): Promise<{ from: [number, number]; to: [number, number] }[]> {
  const rows = await db
    .selectFrom("hub_sync_requests as sr")
    .innerJoin("hubs as a", "a.id", "sr.requester_hub_id")
    .innerJoin("hubs as b", "b.id", "sr.target_hub_id")
    .where("sr.status", "=", "accepted")
    .where(isPublicHubSql("a"))
    .where(isPublicHubSql("b"))
    .select(["a.latitude as fromLatitude", "a.longitude as fromLongitude", "b.latitude as toLatitude", "b.longitude as toLongitude"])
    .execute();
  return rows.map((row) => ({ from: [row.fromLatitude, row.fromLongitude], to: [row.toLatitude, row.toLongitude] }));
}

// ---------------------------------------------------------------------------------------------
// A city's own requests

export interface SyncRequestView {
  id: number;
  version: number;
  status: "pending" | "accepted" | "declined" | "withdrawn";
  fromSlug: string;
  fromTitle: string;
  toSlug: string;
  toTitle: string;
  message: string | null;
  jointActivity: string | null;
  decisionComment: string | null;
  createdAt: string;
  /** The actor's city leads the HUB asked (it may answer). */
  incoming: boolean;
}

/** The city's public HUBs (those that may ask) and every request to or from them. */
export async function syncOverview(db: DB, user: SessionUser, language: Language) {
  const ownHubs = await db
    .selectFrom("hubs as h")
    .where(ownedBy(user, "h.lead_organisation_id"))
    .where(isPublicHubSql())
    .select(["h.id", "h.slug", sql<string>`coalesce(${hubTitleSql(language)}, h.slug)`.as("title")])
    .orderBy("h.id")
    .execute();
  const ids = ownHubs.map((hub) => hub.id);
  if (ids.length === 0) return { ownHubs, requests: [] as SyncRequestView[] };
  const rows = await db
    .selectFrom("hub_sync_requests as sr")
    .innerJoin("hubs as f", "f.id", "sr.requester_hub_id")
    .innerJoin("hubs as th", "th.id", "sr.target_hub_id")
    .where((eb) => eb.or([eb("sr.requester_hub_id", "in", ids), eb("sr.target_hub_id", "in", ids)]))
    .select([
      "sr.id",
      "sr.version",
      "sr.status",
      "sr.message",
      "sr.joint_activity",
      "sr.decision_comment",
      "sr.created_at",
      "sr.target_hub_id",
      "f.slug as from_slug",
      "th.slug as to_slug",
      sql<string>`coalesce(${hubTitleSql(language, "f")}, f.slug)`.as("from_title"),
      sql<string>`coalesce(${hubTitleSql(language, "th")}, th.slug)`.as("to_title"),
    ])
    .orderBy("sr.created_at", "desc")
    .orderBy("sr.id", "desc")
    .limit(200)
    .execute();
  const requests: SyncRequestView[] = rows.map((row) => ({
    id: row.id,
    version: row.version,
    status: row.status,
    fromSlug: row.from_slug,
    fromTitle: row.from_title,
    toSlug: row.to_slug,
    toTitle: row.to_title,
    message: row.message,
    jointActivity: row.joint_activity,
    decisionComment: row.decision_comment,
    createdAt: new Date(row.created_at).toISOString(),
    incoming: ids.includes(row.target_hub_id),
  }));
  return { ownHubs, requests };
}

export type RequestOutcome = { ok: true; requestId: number } | { ok: false; field: "toHub" | "fromHubId"; message: string };

/** A HUB's address or slug as typed ("https://…/fr/hubs/lima-parks", "lima-parks"): the slug, or null. */
export function hubSlugFrom(value: string): string | null {
  const trimmed = value.trim();
  const fromPath = /\/hubs\/([a-z0-9-]{1,200})\/?(?:[?#].*)?$/.exec(trimmed);
  const slug = fromPath ? fromPath[1] : trimmed.toLowerCase();
  return /^[a-z0-9-]{1,200}$/.test(slug) ? slug : null;
}

/** The city of `fromHubId` asks the HUB `toSlug` to synchronise; its city is notified. */
export async function requestSynchronisation(
  db: DB,
  user: SessionUser,
  input: { fromHubId: number; toHub: string; message: string; jointActivity: string },
): Promise<RequestOutcome> {
  return db.transaction().execute(async (trx) => {
    const from = await trx.selectFrom("hubs as h").select(["h.id", "h.lead_organisation_id"]).where("h.id", "=", input.fromHubId).where(isPublicHubSql()).executeTakeFirst();
    if (!from || !can(user, "network:sync", from)) throw new NotVisibleError();
    const slug = hubSlugFrom(input.toHub);
    const to = slug
      ? await trx.selectFrom("hubs as h").select(["h.id", "h.lead_organisation_id"]).where("h.slug", "=", slug).where(isPublicHubSql()).executeTakeFirst()
      : undefined;
    if (!to) return { ok: false, field: "toHub", message: "network:sync.errors.unknownHub" };
    if (to.id === from.id || to.lead_organisation_id === from.lead_organisation_id) return { ok: false, field: "toHub", message: "network:sync.errors.ownHub" };
    const open = await trx
      .selectFrom("hub_sync_requests")
      .select("id")
      .where("status", "in", ["pending", "accepted"])
      .where((eb) =>
        eb.or([
          eb.and([eb("requester_hub_id", "=", from.id), eb("target_hub_id", "=", to.id)]),
          eb.and([eb("requester_hub_id", "=", to.id), eb("target_hub_id", "=", from.id)]),
        ]),
      )
      .executeTakeFirst();
    if (open) return { ok: false, field: "toHub", message: "network:sync.errors.alreadyLinked" };
    const inserted = await trx
      .insertInto("hub_sync_requests")
      .values({ requester_hub_id: from.id, target_hub_id: to.id, message: input.message, joint_activity: input.jointActivity, requested_by: user.id })
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordAudit(trx, { entity: "hub_sync_request", entityId: inserted.id, hubId: from.id, actorUserId: user.id, action: "request", toStatus: "pending" });
    await notifyCity(trx, to.lead_organisation_id, { kind: "sync_requested", hubId: from.id, key: `sync_requested:${inserted.id}` });
    return { ok: true, requestId: inserted.id };
  });
}

/** The asked HUB's city accepts or declines a pending request (its version checked); the asking city is notified. */
export async function answerSyncRequest(
  db: DB,
  user: SessionUser,
  input: { requestId: number; version: number; decision: "accept" | "decline"; comment?: string | null },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const request = await trx
      .selectFrom("hub_sync_requests as sr")
      .innerJoin("hubs as th", "th.id", "sr.target_hub_id")
      .innerJoin("hubs as f", "f.id", "sr.requester_hub_id")
      .select(["sr.id", "sr.status", "sr.version", "sr.requester_hub_id", "sr.target_hub_id", "th.lead_organisation_id", "f.lead_organisation_id as requester_organisation_id"])
      .where("sr.id", "=", input.requestId)
      .forUpdate("sr")
      .executeTakeFirst();
    if (!request || !can(user, "network:sync", { lead_organisation_id: request.lead_organisation_id })) throw new NotVisibleError();
    if (request.status !== "pending" || request.version !== input.version) throw new ConflictError();
    const status = input.decision === "accept" ? "accepted" : "declined";
    await trx
      .updateTable("hub_sync_requests")
      .set({ status, decided_by: user.id, decided_at: new Date(), decision_comment: input.comment || null, version: sql`version + 1` })
      .where("id", "=", request.id)
      .execute();
    await recordAudit(trx, { entity: "hub_sync_request", entityId: request.id, hubId: request.target_hub_id, actorUserId: user.id, action: input.decision, fromStatus: "pending", toStatus: status });
    await notifyCity(trx, request.requester_organisation_id, {
      kind: status === "accepted" ? "sync_accepted" : "sync_declined",
      hubId: request.target_hub_id,
      key: `sync_${status}:${request.id}`,
    });
  });
}

/** Either city of an accepted pair records a publication or tool they made together (shown on both pages). */
export async function addJointProduct(db: DB, user: SessionUser, input: { requestId: number; kind: "publication" | "tool"; title: string; url: string }): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const request = await trx
      .selectFrom("hub_sync_requests as sr")
      .innerJoin("hubs as th", "th.id", "sr.target_hub_id")
      .innerJoin("hubs as f", "f.id", "sr.requester_hub_id")
      .select(["sr.id", "sr.status", "sr.requester_hub_id", "th.lead_organisation_id as target_organisation_id", "f.lead_organisation_id as requester_organisation_id"])
      .where("sr.id", "=", input.requestId)
      .executeTakeFirst();
    const mine =
      request &&
      (can(user, "network:sync", { lead_organisation_id: request.target_organisation_id }) || can(user, "network:sync", { lead_organisation_id: request.requester_organisation_id }));
    if (!request || !mine) throw new NotVisibleError();
    if (request.status !== "accepted") throw new ConflictError();
    const product = await trx
      .insertInto("hub_joint_products")
      .values({ sync_request_id: request.id, kind: input.kind, title: input.title, url: input.url, created_by: user.id })
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordAudit(trx, { entity: "hub_joint_product", entityId: product.id, hubId: request.requester_hub_id, actorUserId: user.id, action: "create" });
  });
}

async function notifyCity(trx: DB, organisationId: number, notification: { kind: "sync_requested" | "sync_accepted" | "sync_declined"; hubId: number; key: string }) {
  const recipients = await trx
    .selectFrom("users")
    .select(["id", "email", "preferred_language"])
    .where("role", "=", "city")
    .where("disabled_at", "is", null)
    .where("organisation_id", "=", organisationId)
    .orderBy("id")
    .execute();
  for (const recipient of recipients) await notifyOnce(trx, recipient, notification);
}
