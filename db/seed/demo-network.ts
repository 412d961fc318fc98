/** Demo data of the HUB network (issue 16): Policy Council links and synchronisation requests. Pure data. */

/** HUB slug → the Policy Councils (slugs, migration 150) it is linked to. */
export const DEMO_COUNCIL_LINKS: Record<string, string[]> = {
  "bogota-cycle-network": ["resilient-cities", "new-urban-agenda"],
  "mexico-city-community-care-system": ["right-to-the-city"],
  "quito-localising-sdgs": ["multilevel-governance", "new-urban-agenda"],
  "medellin-green-corridors": ["resilient-cities"],
  "barcelona-climate-shelters": ["resilient-cities"],
  "strasbourg-participatory-budget-citizens-assembly": ["multilevel-governance"],
  "lyon-food-social-security": ["opportunities-for-all"],
  "dakar-flood-resilient-neighbourhoods": ["resilient-cities"],
  "yaounde-safe-markets-women-traders": ["right-to-the-city", "opportunities-for-all"],
  "tunis-medina-decent-housing": ["right-to-the-city"],
  "seoul-digital-inclusion-older-residents": ["opportunities-for-all"],
  "bishkek-youth-councils-sdgs": ["multilevel-governance"],
  "istanbul-earthquake-ready-neighbourhoods": ["resilient-cities"],
  "toronto-modular-affordable-housing": ["right-to-the-city"],
  "los-angeles-open-sdg-data": ["new-urban-agenda"],
};

export interface DemoSyncRequest {
  from: string;
  to: string;
  status: "pending" | "accepted" | "declined";
  message: string;
  jointActivity: string;
  /** Days before the demo's today. */
  daysAgo: number;
  products?: { kind: "publication" | "tool"; title: string; url: string }[];
}

export const DEMO_SYNC_REQUESTS: DemoSyncRequest[] = [
  {
    from: "barcelona-climate-shelters",
    to: "montreal-green-alleys-cool-islands",
    status: "accepted",
    message: "Our climate shelters and your green alleys answer the same heat waves. Shall we compare what cools best, street by street?",
    jointActivity: "A shared heat-island mapping method and a joint webinar in June",
    daysAgo: 120,
    products: [{ kind: "publication", title: "Cooling the street: shelters and green alleys compared", url: "https://www.uclg.org/" }],
  },
  {
    from: "dakar-flood-resilient-neighbourhoods",
    to: "jakarta-piped-water-coastal-resilience",
    status: "accepted",
    message: "Nous travaillons tous deux sur les inondations côtières des quartiers populaires. Échangeons nos plans d'alerte.",
    jointActivity: "Échange de plans d'alerte aux inondations et visite technique croisée",
    daysAgo: 60,
    products: [{ kind: "tool", title: "Flood early-warning checklist", url: "https://www.local2030.org/" }],
  },
  {
    from: "quito-localising-sdgs",
    to: "bogota-cycle-network",
    status: "pending",
    message: "Quito quiere aprender de la red de ciclorrutas de Bogotá para su plan de movilidad alineado con los ODS.",
    jointActivity: "Visita técnica a las ciclorrutas y taller de indicadores de movilidad",
    daysAgo: 5,
  },
  {
    from: "bogota-cycle-network",
    to: "almaty-clean-air",
    status: "pending",
    message: "Our cycle network cut traffic emissions; your clean-air plan measures them. Let us share data and methods.",
    jointActivity: "Air-quality and cycling data exchange",
    daysAgo: 12,
  },
  {
    from: "seoul-digital-inclusion-older-residents",
    to: "lyon-food-social-security",
    status: "declined",
    message: "Could older residents' digital inclusion help your food social security scheme?",
    jointActivity: "Joint study on digital access to social food programmes",
    daysAgo: 40,
  },
];
