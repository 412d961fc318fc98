import type { DB } from "../../../db/index";
import type { Env } from "~/modules/config/env.server";
import type { Language } from "~/modules/i18n/config";
import { findLabelledHub, labelKitFor, type LabelKit } from "./label.server";
import { listHubPolicyCouncils, type PolicyCouncil } from "./policy-councils.server";
import { listHubLinks, type HubLink } from "./synchronisation.server";

/**
 * What the public HUB page shows of the HUB network, in one query function so the page's loader
 * adds one call (and the page one component, `HubNetworkSections`).
 */
export interface HubNetwork {
  councils: Omit<PolicyCouncil, "id">[];
  /** The label kit, for a recognised HUB only. */
  label: LabelKit | null;
  /** Accepted synchronisation links, both ways, with their reason and joint products. */
  links: HubLink[];
}

export async function hubNetworkFor(db: DB, env: Pick<Env, "PUBLIC_URL" | "PORT">, { hubId, slug, language }: { hubId: number; slug: string; language: Language }): Promise<HubNetwork> {
  const [councils, labelled, links] = await Promise.all([listHubPolicyCouncils(db, hubId, language), findLabelledHub(db, slug, language), listHubLinks(db, hubId, language)]);
  return {
    councils: councils.map(({ slug: councilSlug, name }) => ({ slug: councilSlug, name })),
    label: labelled ? await labelKitFor(env, labelled, language) : null,
    links,
  };
}
