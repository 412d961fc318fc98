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

export interface DemoNetworkEvent {
  kind: "gathering" | "congress" | "network";
  title: { en: string; es: string; fr: string };
  location: string;
  /** Days from the demo's today (negative: past). */
  startsIn: number;
  days: number;
  url: string;
  presentedHubs: string[];
}

export const DEMO_NETWORK_EVENTS: DemoNetworkEvent[] = [
  {
    kind: "gathering",
    title: { en: "Venice City Solutions 2030: yearly gathering of the HUBs", es: "Venice City Solutions 2030: encuentro anual de los HUB", fr: "Venice City Solutions 2030 : rencontre annuelle des HUB" },
    location: "Venice, Italy",
    startsIn: -40,
    days: 3,
    url: "https://www.uclg.org/",
    presentedHubs: ["bogota-cycle-network", "barcelona-climate-shelters", "dakar-flood-resilient-neighbourhoods", "seoul-digital-inclusion-older-residents"],
  },
  {
    kind: "gathering",
    title: { en: "Venice City Solutions 2030: yearly gathering of the HUBs", es: "Venice City Solutions 2030: encuentro anual de los HUB", fr: "Venice City Solutions 2030 : rencontre annuelle des HUB" },
    location: "Venice, Italy",
    startsIn: 325,
    days: 3,
    url: "https://www.uclg.org/",
    presentedHubs: [],
  },
  {
    kind: "congress",
    title: { en: "UCLG World Congress", es: "Congreso Mundial de CGLU", fr: "Congrès mondial de CGLU" },
    location: "To be announced",
    startsIn: 200,
    days: 4,
    url: "https://www.uclg.org/",
    presentedHubs: [],
  },
  {
    kind: "network",
    title: { en: "Online exchange: financing local SDG action", es: "Intercambio en línea: financiar la acción local por los ODS", fr: "Échange en ligne : financer l'action locale pour les ODD" },
    location: "Online",
    startsIn: 30,
    days: 1,
    url: "https://www.local2030.org/",
    presentedHubs: ["quito-localising-sdgs"],
  },
];

/** Activities planned in the HUBs' communication plans (hub_events), days from the demo's today. */
export const DEMO_HUB_ACTIVITIES: { hub: string; name: string; inDays: number }[] = [
  // Not Bogotá's: its plan is the one tests/integration/public-hub-page.test.ts fills itself.
  { hub: "mexico-city-community-care-system", name: "Feria de las Utopías: día de los cuidados", inDays: 14 },
  { hub: "cuenca-living-heritage-crafts", name: "Feria de artesanías del patrimonio vivo", inDays: 95 },
  { hub: "medellin-green-corridors", name: "Recorrido por los corredores verdes", inDays: 35 },
  { hub: "barcelona-climate-shelters", name: "Open day of the climate shelters network", inDays: 190 },
  { hub: "dakar-flood-resilient-neighbourhoods", name: "Atelier communautaire sur les plans d'alerte", inDays: 50 },
  { hub: "lyon-food-social-security", name: "Forum de la sécurité sociale de l'alimentation", inDays: 120 },
  { hub: "seoul-digital-inclusion-older-residents", name: "Digital companions graduation day", inDays: 75 },
  { hub: "quito-localising-sdgs", name: "Presentación del informe local voluntario", inDays: 160 },
  { hub: "montreal-green-alleys-cool-islands", name: "Fête des ruelles vertes", inDays: 230 },
  { hub: "kigali-car-free-zones-safe-routes", name: "Car-free day community walk", inDays: 8 },
  { hub: "istanbul-earthquake-ready-neighbourhoods", name: "Neighbourhood earthquake drill", inDays: 280 },
  { hub: "almaty-clean-air", name: "Clean-air data hackathon", inDays: -20 },
];

/** Threads of the exchange space; authors are the demo accounts by role. */
export const DEMO_THREADS: {
  title: string;
  language: "en" | "es" | "fr";
  topicKind: "sdg" | "theme" | "region" | "hub" | "general";
  topicRef: string;
  isPublic: boolean;
  pinned?: boolean;
  posts: { author: "city" | "council" | "secretariat"; body: string }[];
}[] = [
  { title: "Welcome to the exchange space of the Local4Action HUBs", language: "en", topicKind: "general", topicRef: "", isPublic: true, pinned: true, posts: [{ author: "secretariat", body: "This space is for the HUBs to share what works. Threads are for members unless we make them public. Please keep posts in plain text; links to HUB pages show as cards." }] },
  { title: "Ciclovías y calidad del aire: ¿quién mide el impacto?", language: "es", topicKind: "sdg", topicRef: "11", isPublic: true, posts: [{ author: "city", body: "En Bogotá medimos el efecto de la red de ciclorrutas sobre el PM2.5. ¿Qué indicadores usan otras ciudades?" }, { author: "council", body: "Le conseil recommande de comparer avec des quartiers témoins." }] },
  { title: "Îlots de chaleur : partager nos cartes", language: "fr", topicKind: "theme", topicRef: "climate-energy", isPublic: false, posts: [{ author: "council", body: "Plusieurs HUB cartographient les îlots de chaleur. Mettons nos méthodes en commun." }] },
  { title: "Financing local SDG action: municipal bonds and climate funds", language: "en", topicKind: "sdg", topicRef: "17", isPublic: false, posts: [{ author: "secretariat", body: "Which financing instruments have your HUBs used? https://www.local2030.org/" }, { author: "city", body: "Bogotá combinó recursos propios y un préstamo de banca de desarrollo." }] },
  { title: "Informes locales voluntarios en América Latina", language: "es", topicKind: "region", topicRef: "latin_america", isPublic: true, posts: [{ author: "city", body: "¿Quién ha presentado un informe local voluntario este año?" }] },
  { title: "Gestion des déchets : la valorisation avec les récupérateurs", language: "fr", topicKind: "sdg", topicRef: "12", isPublic: false, posts: [{ author: "council", body: "Abidjan et Montevideo travaillent avec les récupérateurs informels : quelles leçons ?" }] },
  { title: "Preparing the yearly gathering in Venice", language: "en", topicKind: "general", topicRef: "", isPublic: false, posts: [{ author: "secretariat", body: "Tell us which HUBs would like to present their results at the next gathering." }] },
  { title: "Huertos urbanos y seguridad alimentaria", language: "es", topicKind: "theme", topicRef: "food-systems", isPublic: false, posts: [{ author: "city", body: "Compartimos la experiencia de los huertos comunitarios en los colegios." }] },
  { title: "Participatory budgets and youth councils", language: "en", topicKind: "sdg", topicRef: "16", isPublic: true, posts: [{ author: "council", body: "Youth councils in Bishkek and participatory budgets in Strasbourg: a comparison would help other HUBs." }] },
  { title: "Accessibilité universelle des espaces publics", language: "fr", topicKind: "sdg", topicRef: "11", isPublic: false, posts: [{ author: "council", body: "Kazan et Astana travaillent sur une ville sans obstacles." }] },
  { title: "Agua y saneamiento en barrios de ladera", language: "es", topicKind: "sdg", topicRef: "6", isPublic: false, posts: [{ author: "city", body: "¿Alguien trabaja en agua potable en barrios informales de ladera?" }] },
  { title: "Data for the SDGs: open city dashboards", language: "en", topicKind: "theme", topicRef: "digital-data", isPublic: true, posts: [{ author: "secretariat", body: "Los Angeles publishes its SDG data openly. Who else does?" }] },
];
