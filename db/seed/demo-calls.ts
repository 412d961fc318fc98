/** The demo calls for proposals and the proposals answering the open one (issue 11). Pure data; dates are placed by app/modules/demo/calls-seed.server.ts. */
type Texts = Record<"en" | "es" | "fr", { title: string; summary: string; body: string }>;

export const DEMO_CALLS: { key: "past" | "open" | "scheduled"; slug: string; originalLanguage: "en" | "es" | "fr"; themes: string[]; goals: number[]; texts: Texts }[] = [
  {
    key: "past",
    slug: "call-2025-first-hubs",
    originalLanguage: "en",
    themes: [],
    goals: [],
    texts: {
      en: { title: "First call for Local4Action HUBs", summary: "The call through which the first Local4Action HUBs were recognised.", body: "UCLG invited its membership to propose the first Local4Action HUBs: local actions with outcomes agreed with partners, linked to the 2030 Agenda." },
      es: { title: "Primera convocatoria de HUBs Local4Action", summary: "La convocatoria por la que se reconocieron los primeros HUBs Local4Action.", body: "CGLU invitó a sus miembros a proponer los primeros HUBs Local4Action: acciones locales con resultados acordados con socios, vinculadas a la Agenda 2030." },
      fr: { title: "Premier appel à HUBs Local4Action", summary: "L’appel par lequel les premiers HUBs Local4Action ont été reconnus.", body: "CGLU a invité ses membres à proposer les premiers HUBs Local4Action : des actions locales aux résultats convenus avec des partenaires, liées à l’Agenda 2030." },
    },
  },
  {
    key: "open",
    slug: "call-climate-mobility",
    originalLanguage: "en",
    themes: ["mobility", "climate-energy"],
    goals: [11, 13],
    texts: {
      en: { title: "Call for HUBs: climate and clean mobility", summary: "Local and regional governments propose HUBs that cut emissions from transport and adapt neighbourhoods to heat.", body: "This call asks for HUBs on clean mobility and climate adaptation, with outcomes that can be monitored within three years.\n\nProposals are scored by the advisory council against the criteria below." },
      es: { title: "Convocatoria de HUBs: clima y movilidad limpia", summary: "Los gobiernos locales y regionales proponen HUBs que reducen las emisiones del transporte y adaptan los barrios al calor.", body: "Esta convocatoria pide HUBs sobre movilidad limpia y adaptación climática, con resultados que puedan seguirse en un plazo de tres años.\n\nEl consejo consultivo puntúa las propuestas según los criterios siguientes." },
      fr: { title: "Appel à HUBs : climat et mobilité propre", summary: "Les gouvernements locaux et régionaux proposent des HUBs qui réduisent les émissions des transports et adaptent les quartiers à la chaleur.", body: "Cet appel demande des HUBs sur la mobilité propre et l’adaptation au climat, avec des résultats mesurables en trois ans.\n\nLe conseil consultatif note les propositions selon les critères ci-dessous." },
    },
  },
  {
    key: "scheduled",
    slug: "call-housing-2027",
    originalLanguage: "fr",
    themes: ["housing"],
    goals: [1, 11],
    texts: {
      en: { title: "Call for HUBs: housing and neighbourhoods", summary: "An upcoming call on affordable housing and neighbourhood renewal.", body: "This call will open for HUBs on affordable housing and the renewal of neighbourhoods." },
      es: { title: "Convocatoria de HUBs: vivienda y barrios", summary: "Una próxima convocatoria sobre vivienda asequible y renovación de barrios.", body: "Esta convocatoria se abrirá a HUBs sobre vivienda asequible y renovación de barrios." },
      fr: { title: "Appel à HUBs : logement et quartiers", summary: "Un appel à venir sur le logement abordable et la rénovation des quartiers.", body: "Cet appel s’ouvrira aux HUBs sur le logement abordable et la rénovation des quartiers." },
    },
  },
];

/** Proposals submitted to the open call, awaiting the council's scores. */
export const DEMO_CALL_PROPOSALS = [
  {
    slug: "dakar-bus-rapide-quartiers",
    organisation: "dakar",
    language: "fr" as const,
    theme: "mobility",
    goals: [11, 13],
    title: "Bus rapides et rues ombragées à Dakar",
    summary: "Relier trois quartiers au BRT par des rues plantées et sûres pour la marche.",
    description: "La ville aménage des rues ombragées menant aux stations du BRT et suit la fréquentation avec les associations de quartier.",
  },
  {
    slug: "montreal-ilots-fraicheur",
    organisation: "montreal",
    language: "fr" as const,
    theme: "climate-energy",
    goals: [13, 11],
    title: "Îlots de fraîcheur dans les quartiers de Montréal",
    summary: "Transformer vingt cours d’école en îlots de fraîcheur ouverts au quartier.",
    description: "Avec les écoles et les arrondissements, la ville déminéralise vingt cours et mesure la température ressentie chaque été.",
  },
  {
    slug: "seoul-zero-emission-deliveries",
    organisation: "seoul",
    language: "en" as const,
    theme: "mobility",
    goals: [11, 7],
    title: "Zero-emission last-mile deliveries in Seoul",
    summary: "Shift parcel deliveries in two districts to electric cargo bikes and micro-hubs.",
    description: "The city works with couriers and district offices to open micro-hubs and measures the share of deliveries made without emissions.",
  },
];
