import type { AppLoadContext } from "@remix-run/node";
import { getSessionUser } from "~/modules/accounts/session.server";
import type { Language } from "~/modules/i18n/config";
import { can, ownsHub } from "~/modules/permissions/permissions";
import { findLabelledHub, labelKitFor, type LabelKit } from "./label.server";
import { listHubPolicyCouncils, type PolicyCouncil } from "./policy-councils.server";
import { suggestPartners, type SuggestedPartner } from "./suggestions.server";
import { listHubLinks, type HubLink } from "./synchronisation.server";
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

export async function hubNetworkFor(
  context: AppLoadContext,
  request: Request,
  { hubId, slug, language }: { hubId: number; slug: string; language: Language },
): Promise<HubNetwork> {
  const db = context.db;
  // Only a request that carries a cookie can be a member's: anonymous page views skip the session read.
  const viewer = request.headers.get("Cookie")?.includes("=") ? await getSessionUser(context, request) : null;
  const [councils, labelled, links, partners, presentedAt, posts] = await Promise.all([
    listHubPolicyCouncils(db, hubId, language),
    findLabelledHub(db, slug, language),
    listHubLinks(db, hubId, language),
    viewer && can(viewer, "network:suggestions") ? suggestPartners(db, { hubId, language }) : Promise.resolve(null),
    db.selectFrom("network_event_hubs").select((eb) => eb.fn.countAll<number>().as("n")).where("hub_id", "=", hubId).executeTakeFirstOrThrow(),
    // Exchange participation: the visible posts of the HUB's lead organisation's members.
    db
      .selectFrom("exchange_posts as p")
      .innerJoin("hubs as h", "h.lead_organisation_id", "p.author_organisation_id")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("h.id", "=", hubId)
      .where("p.hidden", "=", false)
      .executeTakeFirstOrThrow(),
  ]);
  const hub = viewer?.role === "city" ? await db.selectFrom("hubs").select("lead_organisation_id").where("id", "=", hubId).executeTakeFirst() : undefined;
  return {
    councils: councils.map(({ slug: councilSlug, name }) => ({ slug: councilSlug, name })),
    label: labelled ? await labelKitFor(context.env, labelled, language) : null,
    links,
    synchronisation: {
      links: links.length,
      jointProducts: links.reduce((sum, link) => sum + link.products.length, 0),
      eventsTogether: Number(presentedAt.n),
      exchangePosts: Number(posts.n),
    },
    suggestions: partners
      ? { partners, mayAsk: hub !== undefined && ownsHub(viewer, hub) && can(viewer, "network:sync") }
      : null,
  };
}
