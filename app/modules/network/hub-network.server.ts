import type { AppLoadContext } from "@remix-run/node";
import type { Expression } from "kysely";
import { jsonArrayFrom } from "kysely/helpers/postgres";
import type { DB } from "../../../db/index";
import { reusableStatement } from "../../../db/reusable-statement";
import { getSessionUser } from "~/modules/accounts/session.server";
import type { Language } from "~/modules/i18n/config";
import { can, ownsHub } from "~/modules/permissions/permissions";
import { labelColumns, labelKitFor, labelledHub, type LabelKit } from "./label.server";
import { hubPolicyCouncils, type PolicyCouncil } from "./policy-councils.server";
import { suggestPartners, type SuggestedPartner } from "./suggestions.server";
import { hubLinksOf, presentHubLinks, type HubLink } from "./synchronisation.server";
import type { SynchronisationMeasures } from "./impact";

/**
 * What the public HUB page shows of the HUB network, in one query function so the page's loader
 * adds one call (and the page one component per place, `HubNetworkSections`, `HubLinks`).
 */
export interface HubNetwork {
  councils: Omit<PolicyCouncil, "id">[];
  /** The label kit, for a recognised HUB only. */
  label: LabelKit | null;
  /** Accepted synchronisation links, both ways, with their reason and joint products. */
  links: HubLink[];
  /** The synchronisation side of the HUB's impact (its acceleration is computed from the page's outcomes). */
  synchronisation: SynchronisationMeasures;
  /** For signed-in members only (null for anonymous visitors, whose page may be cached). */
  suggestions: { partners: SuggestedPartner[]; mayAsk: boolean } | null;
}

/**
 * The HUB's councils, label, links (with their joint products) and the two counts of its impact in
 * one query (five or six round trips before). The HUB page nests it in its own statement
 * (hub-page/hub-page.server.ts).
 */
export function networkOverviewQuery(db: DB, hubId: number | Expression<number>, language: Language) {
  return db
    .selectFrom("hubs as h")
    .where("h.id", "=", hubId)
    .select((eb) => [
      ...labelColumns(language),
      jsonArrayFrom(hubPolicyCouncils(db, eb.ref("h.id"), language)).as("councils"),
      jsonArrayFrom(hubLinksOf(db, eb.ref("h.id"), language)).as("links"),
      eb.selectFrom("network_event_hubs as e").select((inner) => inner.fn.countAll<number>().as("n")).whereRef("e.hub_id", "=", "h.id").as("events_together"),
      // Exchange participation: the visible posts of the HUB's lead organisation's members.
      eb
        .selectFrom("exchange_posts as p")
        .select((inner) => inner.fn.countAll<number>().as("n"))
        .whereRef("p.author_organisation_id", "=", "h.lead_organisation_id")
        .where("p.hidden", "=", false)
        .as("exchange_posts"),
    ]);
}

/** A row of `networkOverviewQuery`, read alone or nested as JSON (where the recognition time is its ISO text). */
export type NetworkOverviewRow = Omit<Awaited<ReturnType<ReturnType<typeof networkOverviewQuery>["execute"]>>[number], "recognised_at"> & {
  recognised_at: Date | string | null;
};

// Compiled once per language (db/reusable-statement.ts).
const networkOverviewStatement = reusableStatement("HUB network overview", (db: DB, { hubId }: { hubId: number }, language: Language) =>
  networkOverviewQuery(db, hubId, language),
);

export async function hubNetworkFor(
  context: AppLoadContext,
  request: Request,
  { hubId, language }: { hubId: number; language: Language },
): Promise<HubNetwork> {
  const [overview] = await networkOverviewStatement.execute(context.db, { hubId }, language);
  return hubNetworkFrom(context, request, { hubId, language }, overview ?? null);
}

/** `hubNetworkFor` from a row of `networkOverviewQuery` read already (the HUB page reads it inside its own statement). */
export async function hubNetworkFrom(
  context: AppLoadContext,
  request: Request,
  { hubId, language }: { hubId: number; language: Language },
  overview: NetworkOverviewRow | null,
): Promise<HubNetwork> {
  const db = context.db;
  // Only a request that carries a cookie can be a member's: anonymous page views skip the session read.
  const viewer = request.headers.get("Cookie")?.includes("=") ? await getSessionUser(context, request) : null;
  const partners = viewer && can(viewer, "network:suggestions") ? await suggestPartners(db, { hubId, language }) : null;
  const labelled = overview ? labelledHub(overview) : null;
  const links = presentHubLinks(overview?.links ?? []);
  const hub = viewer?.role === "city" ? await db.selectFrom("hubs").select("lead_organisation_id").where("id", "=", hubId).executeTakeFirst() : undefined;
  return {
    councils: (overview?.councils ?? []).map(({ slug, name }) => ({ slug, name })),
    label: labelled ? await labelKitFor(context.env, labelled, language) : null,
    links,
    synchronisation: {
      links: links.length,
      jointProducts: links.reduce((sum, link) => sum + link.products.length, 0),
      eventsTogether: Number(overview?.events_together ?? 0),
      exchangePosts: Number(overview?.exchange_posts ?? 0),
    },
    suggestions: partners
      ? { partners, mayAsk: hub !== undefined && ownsHub(viewer, hub) && can(viewer, "network:sync") }
      : null,
  };
}
