/**
 * Demo seed data: Local4Action HUBs led by real cities and regions.
 * The initiatives themselves are fictional but written in the style of
 * real UCLG / Local4Action practice. Pure data, no database access.
 *
 * Every date here is written as seen on DEMO_ANCHOR_DATE. The seed moves them all by the same
 * number of days, (the day it runs) − DEMO_ANCHOR_DATE, so the demo always looks as it does on
 * the anchor date: one HUB not started yet, most running (a few with a report due within 30
 * days, Bogotá's report overdue, Mexico City's waiting for review), one ended with its final
 * report due, one ended with its final report waiting for review, one completed.
 * See app/modules/demo/demo-dates.ts and tests/unit/demo-dates.test.ts.
 */
import type { DemoHub, DemoOrganisation, DemoTheme } from "./demo-data-types";

/** The day the dates below are written for. Keep every timeline at most 1,095 days long (3 years in any calendar). */
export const DEMO_ANCHOR_DATE = "2026-11-22";

export const DEMO_THEMES: DemoTheme[] = [
  {
    slug: "mobility",
    name: { en: "Mobility & public transport", es: "Movilidad y transporte público", fr: "Mobilité et transports publics" },
  },
  {
    slug: "housing",
    name: { en: "Housing & neighbourhoods", es: "Vivienda y barrios", fr: "Logement et quartiers" },
  },
  {
    slug: "climate-energy",
    name: { en: "Climate & energy", es: "Clima y energía", fr: "Climat et énergie" },
  },
  {
    slug: "water-sanitation",
    name: { en: "Water, sanitation & waste", es: "Agua, saneamiento y residuos", fr: "Eau, assainissement et déchets" },
  },
  {
    slug: "food-systems",
    name: { en: "Food systems", es: "Sistemas alimentarios", fr: "Systèmes alimentaires" },
  },
  {
    slug: "culture",
    name: { en: "Culture & heritage", es: "Cultura y patrimonio", fr: "Culture et patrimoine" },
  },
  {
    slug: "local-economy",
    name: { en: "Local economy & decent work", es: "Economía local y trabajo decente", fr: "Économie locale et travail décent" },
  },
  {
    slug: "governance",
    name: {
      en: "Participatory governance & SDG localisation",
      es: "Gobernanza participativa y localización de los ODS",
      fr: "Gouvernance participative et localisation des ODD",
    },
  },
  {
    slug: "gender-equality",
    name: { en: "Gender equality & inclusion", es: "Igualdad de género e inclusión", fr: "Égalité de genre et inclusion" },
  },
  {
    slug: "digital-data",
    name: { en: "Digital inclusion & data", es: "Inclusión digital y datos", fr: "Inclusion numérique et données" },
  },
];

export const DEMO_ORGANISATIONS: DemoOrganisation[] = [
  // --- Lead local and regional governments -------------------------------
  // Latin America (the first organisation owns the demo city account)
  { key: "bogota", name: "Alcaldía Mayor de Bogotá", kind: "local_government", countryCode: "CO", region: "latin_america", city: "Bogotá", latitude: 4.711, longitude: -74.0721 },
  { key: "cdmx", name: "Gobierno de la Ciudad de México", kind: "local_government", countryCode: "MX", region: "latin_america", city: "Ciudad de México", latitude: 19.4326, longitude: -99.1332 },
  { key: "rosario", name: "Municipalidad de Rosario", kind: "local_government", countryCode: "AR", region: "latin_america", city: "Rosario", latitude: -32.9442, longitude: -60.6505 },
  { key: "quito", name: "Municipio del Distrito Metropolitano de Quito", kind: "local_government", countryCode: "EC", region: "latin_america", city: "Quito", latitude: -0.1807, longitude: -78.4678 },
  { key: "medellin", name: "Alcaldía de Medellín", kind: "local_government", countryCode: "CO", region: "latin_america", city: "Medellín", latitude: 6.2442, longitude: -75.5812 },
  { key: "santiago", name: "Gobierno Regional Metropolitano de Santiago", kind: "regional_government", countryCode: "CL", region: "latin_america", city: "Santiago", latitude: -33.4489, longitude: -70.6693 },
  { key: "cuenca", name: "Municipalidad de Cuenca", kind: "local_government", countryCode: "EC", region: "latin_america", city: "Cuenca", latitude: -2.9001, longitude: -79.0059 },
  { key: "montevideo", name: "Intendencia de Montevideo", kind: "local_government", countryCode: "UY", region: "latin_america", city: "Montevideo", latitude: -34.9011, longitude: -56.1645 },
  { key: "lima", name: "Municipalidad Metropolitana de Lima", kind: "local_government", countryCode: "PE", region: "latin_america", city: "Lima", latitude: -12.0464, longitude: -77.0428 },
  // Europe
  { key: "barcelona", name: "Ajuntament de Barcelona", kind: "local_government", countryCode: "ES", region: "europe", city: "Barcelona", latitude: 41.3874, longitude: 2.1686 },
  { key: "madrid", name: "Ayuntamiento de Madrid", kind: "local_government", countryCode: "ES", region: "europe", city: "Madrid", latitude: 40.4168, longitude: -3.7038 },
  { key: "bilbao", name: "Ayuntamiento de Bilbao", kind: "local_government", countryCode: "ES", region: "europe", city: "Bilbao", latitude: 43.263, longitude: -2.935 },
  { key: "sevilla", name: "Ayuntamiento de Sevilla", kind: "local_government", countryCode: "ES", region: "europe", city: "Sevilla", latitude: 37.3891, longitude: -5.9845 },
  { key: "strasbourg", name: "Eurométropole de Strasbourg", kind: "local_government", countryCode: "FR", region: "europe", city: "Strasbourg", latitude: 48.5734, longitude: 7.7521 },
  { key: "grenoble", name: "Grenoble-Alpes Métropole", kind: "local_government", countryCode: "FR", region: "europe", city: "Grenoble", latitude: 45.1885, longitude: 5.7245 },
  { key: "lyon", name: "Métropole de Lyon", kind: "local_government", countryCode: "FR", region: "europe", city: "Lyon", latitude: 45.764, longitude: 4.8357 },
  // Africa
  { key: "dakar", name: "Ville de Dakar", kind: "local_government", countryCode: "SN", region: "africa", city: "Dakar", latitude: 14.7167, longitude: -17.4677 },
  { key: "abidjan", name: "District Autonome d'Abidjan", kind: "regional_government", countryCode: "CI", region: "africa", city: "Abidjan", latitude: 5.36, longitude: -4.0083 },
  { key: "yaounde", name: "Communauté Urbaine de Yaoundé", kind: "local_government", countryCode: "CM", region: "africa", city: "Yaoundé", latitude: 3.848, longitude: 11.5021 },
  { key: "brazzaville", name: "Mairie de Brazzaville", kind: "local_government", countryCode: "CG", region: "africa", city: "Brazzaville", latitude: -4.2634, longitude: 15.2429 },
  { key: "tunis", name: "Commune de Tunis", kind: "local_government", countryCode: "TN", region: "africa", city: "Tunis", latitude: 36.8065, longitude: 10.1815 },
  { key: "chefchaouen", name: "Commune de Chefchaouen", kind: "local_government", countryCode: "MA", region: "africa", city: "Chefchaouen", latitude: 35.1688, longitude: -5.2636 },
  { key: "ethekwini", name: "eThekwini Municipality", kind: "local_government", countryCode: "ZA", region: "africa", city: "Durban", latitude: -29.8587, longitude: 31.0218 },
  { key: "kigali", name: "City of Kigali", kind: "local_government", countryCode: "RW", region: "africa", city: "Kigali", latitude: -1.9441, longitude: 30.0619 },
  // Asia-Pacific
  { key: "seoul", name: "Seoul Metropolitan Government", kind: "local_government", countryCode: "KR", region: "asia_pacific", city: "Seoul", latitude: 37.5665, longitude: 126.978 },
  { key: "bangkok", name: "Bangkok Metropolitan Administration", kind: "local_government", countryCode: "TH", region: "asia_pacific", city: "Bangkok", latitude: 13.7563, longitude: 100.5018 },
  { key: "jakarta", name: "Provincial Government of DKI Jakarta", kind: "regional_government", countryCode: "ID", region: "asia_pacific", city: "Jakarta", latitude: -6.2088, longitude: 106.8456 },
  { key: "yokohama", name: "City of Yokohama", kind: "local_government", countryCode: "JP", region: "asia_pacific", city: "Yokohama", latitude: 35.4437, longitude: 139.638 },
  // Eurasia
  { key: "kazan", name: "Kazan City Executive Committee", kind: "local_government", countryCode: "RU", region: "eurasia", city: "Kazan", latitude: 55.7963, longitude: 49.1088 },
  { key: "almaty", name: "Akimat of Almaty", kind: "local_government", countryCode: "KZ", region: "eurasia", city: "Almaty", latitude: 43.222, longitude: 76.8512 },
  { key: "bishkek", name: "Bishkek City Hall", kind: "local_government", countryCode: "KG", region: "eurasia", city: "Bishkek", latitude: 42.8746, longitude: 74.5698 },
  { key: "astana", name: "Akimat of Astana", kind: "local_government", countryCode: "KZ", region: "eurasia", city: "Astana", latitude: 51.1694, longitude: 71.4491 },
  // Middle East & West Asia
  { key: "amman", name: "Greater Amman Municipality", kind: "local_government", countryCode: "JO", region: "middle_east_west_asia", city: "Amman", latitude: 31.9454, longitude: 35.9284 },
  { key: "gaziantep", name: "Gaziantep Metropolitan Municipality", kind: "local_government", countryCode: "TR", region: "middle_east_west_asia", city: "Gaziantep", latitude: 37.0662, longitude: 37.3833 },
  { key: "istanbul", name: "Istanbul Metropolitan Municipality", kind: "local_government", countryCode: "TR", region: "middle_east_west_asia", city: "İstanbul", latitude: 41.0082, longitude: 28.9784 },
  { key: "izmir", name: "İzmir Metropolitan Municipality", kind: "local_government", countryCode: "TR", region: "middle_east_west_asia", city: "İzmir", latitude: 38.4237, longitude: 27.1428 },
  // North America
  { key: "montreal", name: "Ville de Montréal", kind: "local_government", countryCode: "CA", region: "north_america", city: "Montréal", latitude: 45.5019, longitude: -73.5674 },
  { key: "quebec", name: "Ville de Québec", kind: "local_government", countryCode: "CA", region: "north_america", city: "Québec", latitude: 46.8139, longitude: -71.208 },
  { key: "los-angeles", name: "City of Los Angeles", kind: "local_government", countryCode: "US", region: "north_america", city: "Los Angeles", latitude: 34.0522, longitude: -118.2437 },
  { key: "toronto", name: "City of Toronto", kind: "local_government", countryCode: "CA", region: "north_america", city: "Toronto", latitude: 43.6532, longitude: -79.3832 },

  // --- Participating cities and regions ---------------------------------
  { key: "cali", name: "Alcaldía de Santiago de Cali", kind: "local_government", countryCode: "CO", region: "latin_america", city: "Cali", latitude: 3.4516, longitude: -76.532 },
  { key: "guadalajara", name: "Gobierno de Guadalajara", kind: "local_government", countryCode: "MX", region: "latin_america", city: "Guadalajara", latitude: 20.6597, longitude: -103.3496 },
  { key: "santa-fe", name: "Gobierno de la Provincia de Santa Fe", kind: "regional_government", countryCode: "AR", region: "latin_america", city: "Santa Fe", latitude: -31.6107, longitude: -60.6973 },
  { key: "porto-alegre", name: "Prefeitura de Porto Alegre", kind: "local_government", countryCode: "BR", region: "latin_america", city: "Porto Alegre", latitude: -30.0346, longitude: -51.2177 },
  { key: "valencia", name: "Ajuntament de València", kind: "local_government", countryCode: "ES", region: "europe", city: "València", latitude: 39.4699, longitude: -0.3763 },
  { key: "lisboa", name: "Câmara Municipal de Lisboa", kind: "local_government", countryCode: "PT", region: "europe", city: "Lisboa", latitude: 38.7223, longitude: -9.1393 },
  { key: "saint-louis", name: "Ville de Saint-Louis", kind: "local_government", countryCode: "SN", region: "africa", city: "Saint-Louis", latitude: 16.0179, longitude: -16.4896 },
  { key: "sfax", name: "Commune de Sfax", kind: "local_government", countryCode: "TN", region: "africa", city: "Sfax", latitude: 34.7406, longitude: 10.7603 },
  { key: "nairobi", name: "Nairobi City County", kind: "regional_government", countryCode: "KE", region: "africa", city: "Nairobi", latitude: -1.2921, longitude: 36.8219 },
  { key: "surabaya", name: "City of Surabaya", kind: "local_government", countryCode: "ID", region: "asia_pacific", city: "Surabaya", latitude: -7.2575, longitude: 112.7521 },
  { key: "bhubaneswar", name: "Bhubaneswar Municipal Corporation", kind: "local_government", countryCode: "IN", region: "asia_pacific", city: "Bhubaneswar", latitude: 20.2961, longitude: 85.8245 },
  { key: "busan", name: "Busan Metropolitan City", kind: "local_government", countryCode: "KR", region: "asia_pacific", city: "Busan", latitude: 35.1796, longitude: 129.0756 },
  { key: "shymkent", name: "Akimat of Shymkent", kind: "local_government", countryCode: "KZ", region: "eurasia", city: "Shymkent", latitude: 42.3417, longitude: 69.5901 },
  { key: "irbid", name: "Greater Irbid Municipality", kind: "local_government", countryCode: "JO", region: "middle_east_west_asia", city: "Irbid", latitude: 32.5556, longitude: 35.85 },
  { key: "bursa", name: "Bursa Metropolitan Municipality", kind: "local_government", countryCode: "TR", region: "middle_east_west_asia", city: "Bursa", latitude: 40.1885, longitude: 29.061 },
  { key: "gatineau", name: "Ville de Gatineau", kind: "local_government", countryCode: "CA", region: "north_america", city: "Gatineau", latitude: 45.4765, longitude: -75.7013 },

  // --- Associations of local and regional governments -------------------
  { key: "flacma", name: "FLACMA – Federación Latinoamericana de Ciudades, Municipios y Asociaciones de Gobiernos Locales", kind: "association", countryCode: "EC", region: "latin_america", city: "Quito", latitude: -0.1807, longitude: -78.4678 },
  { key: "uclg-africa", name: "UCLG Africa – Cités et Gouvernements Locaux Unis d'Afrique", kind: "association", countryCode: "MA", region: "africa", city: "Rabat", latitude: 34.0209, longitude: -6.8416 },
  { key: "tbb", name: "Union of Municipalities of Türkiye", kind: "association", countryCode: "TR", region: "middle_east_west_asia", city: "Ankara", latitude: 39.9334, longitude: 32.8597 },
];

export const DEMO_HUBS: DemoHub[] = [
  // =========================================================================
  // Latin America
  // =========================================================================
  {
    slug: "bogota-cycle-network",
    leadOrganisation: "bogota",
    participants: ["cali"],
    originalLanguage: "es",
    texts: {
      title: "Red de ciclorrutas seguras y conectadas para los barrios del sur de Bogotá",
      summary:
        "Bogotá amplía y conecta su red de ciclorrutas hacia las localidades del sur, con intersecciones seguras, biciparqueaderos en estaciones de TransMilenio y escuelas de bicicleta para mujeres y personas mayores.",
      description:
        "El HUB articula la planificación de nuevas ciclorrutas con las comunidades de Bosa, Kennedy y Ciudad Bolívar. Se priorizan los tramos que conectan con el transporte masivo y con los colegios, y se rediseñan las intersecciones con mayor siniestralidad. Un programa de formación acompaña a las nuevas personas usuarias de la bicicleta.",
      localGlobalLink:
        "La iniciativa traduce las metas 11.2 y 3.6 de la Agenda 2030 en indicadores locales de acceso al transporte y de reducción de víctimas viales, reportados en el Informe Local Voluntario de la ciudad.",
      acceleration:
        "Al combinar infraestructura, datos abiertos de siniestralidad y formación ciudadana, el HUB acelera el cambio modal y reduce las emisiones del transporte en los barrios con menor acceso.",
      synchronisation:
        "Bogotá comparte su metodología con Cali y con otros HUBs de movilidad activa de la red Local4Action mediante intercambios técnicos semestrales.",
    },
    translations: {
      en: {
        title: "Safe, connected cycle lane network for Bogotá's southern neighbourhoods",
        summary:
          "Bogotá is expanding and connecting its cycle lane network towards the southern districts, with safe junctions, bike parking at TransMilenio stations and cycling schools for women and older people.",
        description:
          "The HUB links the planning of new cycle lanes with the communities of Bosa, Kennedy and Ciudad Bolívar. Priority goes to sections that connect with mass transit and schools, and the junctions with the most crashes are redesigned. A training programme supports new cyclists.",
        localGlobalLink:
          "The initiative turns SDG targets 11.2 and 3.6 into local indicators on access to transport and road casualty reduction, reported in the city's Voluntary Local Review.",
        acceleration:
          "By combining infrastructure, open road safety data and citizen training, the HUB speeds up the modal shift and cuts transport emissions in the least-served neighbourhoods.",
        synchronisation:
          "Bogotá shares its methodology with Cali and other active mobility HUBs in the Local4Action network through twice-yearly technical exchanges.",
      },
      fr: {
        title: "Réseau de pistes cyclables sûres et connectées pour les quartiers sud de Bogotá",
        summary:
          "Bogotá étend et relie son réseau de pistes cyclables vers les localités du sud, avec des carrefours sécurisés, des parkings vélos aux stations TransMilenio et des écoles de vélo pour les femmes et les personnes âgées.",
        description:
          "Le HUB associe la planification de nouvelles pistes cyclables aux communautés de Bosa, Kennedy et Ciudad Bolívar. Les tronçons reliant les transports de masse et les écoles sont prioritaires, et les carrefours les plus accidentogènes sont réaménagés. Un programme de formation accompagne les nouveaux cyclistes.",
        localGlobalLink:
          "L'initiative traduit les cibles 11.2 et 3.6 des ODD en indicateurs locaux d'accès aux transports et de réduction des victimes de la route, publiés dans l'Examen local volontaire de la ville.",
        acceleration:
          "En combinant infrastructures, données ouvertes sur l'accidentalité et formation citoyenne, le HUB accélère le report modal et réduit les émissions dans les quartiers les moins desservis.",
        synchronisation:
          "Bogotá partage sa méthodologie avec Cali et d'autres HUBs de mobilité active du réseau Local4Action lors d'échanges techniques semestriels.",
      },
    },
    theme: "mobility",
    latitude: 4.711,
    longitude: -74.0721,
    goals: [11, 3, 13],
    targets: ["11.2", "3.6", "13.2"],
    startDate: "2025-02-01",
    endDate: "2027-01-31",
    outcomes: [
      {
        statement: "Ampliar la red de ciclorrutas en las localidades del sur",
        indicator: "Kilómetros de ciclorruta en Bosa, Kennedy y Ciudad Bolívar",
        baseline: 112,
        targetValue: 160,
        unit: "km",
        milestone: null,
        dueDate: "2026-12-31",
      },
      {
        statement: "Reducir las muertes de ciclistas en siniestros viales",
        indicator: "Ciclistas fallecidos al año en las localidades del HUB",
        baseline: 38,
        targetValue: 25,
        unit: "personas/año",
        milestone: null,
        dueDate: "2027-01-15",
      },
      {
        statement: "Poner en marcha escuelas de bicicleta en los barrios",
        indicator: "Escuelas de bicicleta activas",
        baseline: null,
        targetValue: null,
        unit: null,
        milestone: "Escuela de bicicleta para mujeres funcionando en Bosa, Kennedy y Ciudad Bolívar",
        dueDate: "2025-09-30",
      },
    ],
    partners: [
      "Universidad Nacional de Colombia",
      "Instituto de Desarrollo Urbano (IDU)",
      "Colectivos ciclistas de las localidades del sur",
      "Secretaría Distrital de la Mujer",
    ],
    contactEmail: "hub@bogota.example.org",
    website: "https://bogota.example.org/hub-ciclorrutas",
  },
  {
    slug: "mexico-city-community-care-system",
    leadOrganisation: "cdmx",
    participants: ["guadalajara"],
    originalLanguage: "es",
    texts: {
      title: "Sistema de cuidados comunitarios en Iztapalapa y Tláhuac",
      summary:
        "Red de centros de cuidado infantil y de personas mayores, ligada a espacios públicos seguros, que libera tiempo de las mujeres cuidadoras para estudiar, trabajar y participar en la vida comunitaria.",
      description:
        "La Ciudad de México reconoce el trabajo de cuidados no remunerado como un asunto público. El HUB habilita centros comunitarios de cuidado cercanos a estaciones de transporte, con horarios extendidos y formación para cuidadoras. Los centros se diseñan con las vecinas a partir de recorridos de seguridad urbana.",
      localGlobalLink:
        "El HUB localiza la meta 5.4 de los ODS, que pide reconocer y valorar los cuidados no remunerados, y la vincula con la estrategia capitalina de igualdad sustantiva.",
      acceleration:
        "Ubicar los servicios de cuidado junto a nodos de transporte multiplica su uso y reduce los tiempos de traslado de las cuidadoras.",
      synchronisation:
        "La ciudad intercambia protocolos de diseño con Guadalajara y participa en la comunidad de práctica sobre ciudades cuidadoras de CGLU.",
    },
    translations: {
      en: {
        title: "Community care system in Iztapalapa and Tláhuac",
        summary:
          "A network of childcare and elderly care centres, linked to safe public spaces, that frees up time for women carers to study, work and take part in community life.",
        description:
          "Mexico City recognises unpaid care work as a public matter. The HUB opens community care centres close to transport stations, with extended opening hours and training for carers. The centres are designed with local women on the basis of neighbourhood safety walks.",
        localGlobalLink:
          "The HUB localises SDG target 5.4, which calls for recognising and valuing unpaid care work, and links it to the capital's strategy for substantive equality.",
        acceleration:
          "Placing care services next to transport hubs multiplies their use and reduces the travel time of carers.",
        synchronisation:
          "The city exchanges design protocols with Guadalajara and takes part in the UCLG community of practice on caring cities.",
      },
    },
    theme: "gender-equality",
    latitude: 19.3574,
    longitude: -99.0671,
    goals: [5, 10, 11],
    targets: ["5.4", "5.5", "10.2", "11.7"],
    startDate: "2024-06-01",
    endDate: "2026-11-30",
    outcomes: [
      {
        statement: "Abrir centros comunitarios de cuidado en las dos alcaldías",
        indicator: "Centros comunitarios de cuidado en operación",
        baseline: 4,
        targetValue: 20,
        unit: "centros",
        milestone: null,
        dueDate: "2026-06-30",
      },
      {
        statement: "Institucionalizar el modelo de gestión comunitaria",
        indicator: "Reglas de operación de los centros",
        baseline: null,
        targetValue: null,
        unit: null,
        milestone: "Reglas de operación de los centros publicadas en la Gaceta Oficial",
        dueDate: "2025-06-30",
      },
    ],
    partners: [
      "Universidad Nacional Autónoma de México (UNAM)",
      "ONU Mujeres México",
      "Colectivas de cuidadoras de Iztapalapa",
    ],
    contactEmail: "cuidados@cdmx.example.org",
    website: "https://cdmx.example.org/hub-cuidados",
  },
  {
    slug: "rosario-green-belt",
    leadOrganisation: "rosario",
    participants: ["santa-fe"],
    originalLanguage: "es",
    texts: {
      title: "Cinturón Verde Rosario: agroecología periurbana y mercados de cercanía",
      summary:
        "Consolidación del cinturón hortícola periurbano de Rosario con familias productoras agroecológicas, acceso a tierra pública y nuevas ferias de cercanía que acortan la distancia entre quien produce y quien consume.",
      description:
        "Rosario tiene una larga trayectoria en agricultura urbana. Este HUB protege los suelos periurbanos frente a la expansión urbana, acompaña la transición agroecológica de familias productoras y abre puntos de venta directa en los distritos. También recupera excedentes para comedores comunitarios.",
      localGlobalLink:
        "El HUB conecta las metas 2.3 y 2.4 sobre producción sostenible de alimentos con el ordenamiento territorial de la ciudad y con el Pacto de Milán sobre Política Alimentaria Urbana.",
      acceleration:
        "La cesión de tierras públicas en comodato y la compra pública de alimentos agroecológicos dan escala a experiencias que antes eran piloto.",
      synchronisation:
        "Rosario coordina con la Provincia de Santa Fe y comparte su experiencia con otros HUBs de sistemas alimentarios, como Lyon y Gaziantep.",
    },
    translations: {
      en: {
        title: "Rosario Green Belt: peri-urban agroecology and local markets",
        summary:
          "Consolidating Rosario's peri-urban market-garden belt with agroecological farming families, access to public land and new local markets that shorten the distance between producers and consumers.",
      },
      fr: {
        title: "Ceinture verte de Rosario : agroécologie périurbaine et marchés de proximité",
        summary:
          "Consolidation de la ceinture maraîchère périurbaine de Rosario avec des familles de producteurs agroécologiques, un accès au foncier public et de nouveaux marchés de proximité entre producteurs et consommateurs.",
      },
    },
    theme: "food-systems",
    latitude: -32.9442,
    longitude: -60.6505,
    goals: [2, 12, 11],
    targets: ["2.3", "2.4", "12.3"],
    startDate: "2024-04-01",
    endDate: "2026-03-31",
    outcomes: [
      {
        statement: "Aumentar la superficie periurbana en producción agroecológica",
        indicator: "Hectáreas en producción agroecológica en el cinturón verde",
        baseline: 35,
        targetValue: 60,
        unit: "ha",
        milestone: null,
        dueDate: "2026-03-15",
      },
      {
        statement: "Proteger legalmente el cinturón verde",
        indicator: "Ordenanza de protección del cinturón verde",
        baseline: null,
        targetValue: null,
        unit: null,
        milestone: "Ordenanza de protección aprobada por el Concejo Municipal",
        dueDate: "2025-04-30",
      },
    ],
    partners: [
      "Universidad Nacional de Rosario",
      "Instituto Nacional de Tecnología Agropecuaria (INTA)",
      "Red de huerteras y huerteros de Rosario",
    ],
    contactEmail: "cinturonverde@rosario.example.org",
    website: "https://rosario.example.org/hub-cinturon-verde",
  },
  {
    slug: "quito-localising-sdgs",
    leadOrganisation: "quito",
    participants: ["flacma", "cuenca"],
    originalLanguage: "es",
    texts: {
      title: "Quito localiza los ODS: Informe Local Voluntario y presupuestos participativos",
      summary:
        "Quito vincula su presupuesto participativo con los ODS: las propuestas de barrios y parroquias se alinean con metas de la Agenda 2030 y su avance se reporta en un Informe Local Voluntario abierto a la ciudadanía.",
      description:
        "El HUB crea un sistema de seguimiento que relaciona cada proyecto del presupuesto participativo con metas de los ODS. Las asambleas parroquiales, urbanas y rurales, priorizan inversiones con datos desagregados por territorio. Los resultados alimentan el segundo Informe Local Voluntario del Distrito Metropolitano.",
      localGlobalLink:
        "El Informe Local Voluntario conecta las decisiones barriales con el Foro Político de Alto Nivel de las Naciones Unidas y con el informe nacional del Ecuador.",
      acceleration:
        "La alineación presupuestaria permite medir cuánto de la inversión participativa contribuye a cada ODS y orientar recursos hacia las metas más rezagadas.",
      synchronisation:
        "Con FLACMA y la Municipalidad de Cuenca, Quito elabora una guía de alineación presupuestaria con los ODS para gobiernos locales andinos.",
    },
    translations: {
      en: {
        title: "Quito localises the SDGs: Voluntary Local Review and participatory budgeting",
        summary:
          "Quito links its participatory budget to the SDGs: proposals from neighbourhoods and parishes are aligned with 2030 Agenda targets, and progress is reported in a Voluntary Local Review open to all residents.",
        description:
          "The HUB creates a monitoring system that links every participatory budgeting project to SDG targets. Urban and rural parish assemblies prioritise investments using data broken down by territory. The results feed the Metropolitan District's second Voluntary Local Review.",
        localGlobalLink:
          "The Voluntary Local Review connects neighbourhood decisions with the United Nations High-Level Political Forum and with Ecuador's national report.",
        acceleration:
          "Budget alignment shows how much participatory investment contributes to each SDG and steers resources towards the targets lagging furthest behind.",
        synchronisation:
          "With FLACMA and the Municipality of Cuenca, Quito is drafting a guide on aligning budgets with the SDGs for Andean local governments.",
      },
      fr: {
        title: "Quito localise les ODD : examen local volontaire et budgets participatifs",
        summary:
          "Quito relie son budget participatif aux ODD : les propositions des quartiers et des paroisses sont alignées sur les cibles de l'Agenda 2030 et leurs progrès sont publiés dans un examen local volontaire ouvert à tous.",
        description:
          "Le HUB crée un système de suivi qui rattache chaque projet du budget participatif à des cibles des ODD. Les assemblées paroissiales, urbaines et rurales, hiérarchisent les investissements à partir de données ventilées par territoire. Les résultats alimentent le deuxième examen local volontaire du District métropolitain.",
        localGlobalLink:
          "L'examen local volontaire relie les décisions de quartier au Forum politique de haut niveau des Nations Unies et au rapport national de l'Équateur.",
        acceleration:
          "L'alignement budgétaire permet de mesurer la contribution de l'investissement participatif à chaque ODD et d'orienter les ressources vers les cibles les plus en retard.",
        synchronisation:
          "Avec FLACMA et la municipalité de Cuenca, Quito élabore un guide d'alignement budgétaire sur les ODD destiné aux collectivités andines.",
      },
    },
    theme: "governance",
    latitude: -0.1807,
    longitude: -78.4678,
    goals: [17, 16, 11],
    targets: ["17.17", "17.18", "16.7", "11.3"],
    startDate: "2025-05-01",
    endDate: "2027-04-30",
    outcomes: [
      {
        statement: "Alinear todos los proyectos del presupuesto participativo con metas ODS",
        indicator: "Proyectos del presupuesto participativo etiquetados con metas ODS",
        baseline: 0,
        targetValue: 100,
        unit: "%",
        milestone: null,
        dueDate: "2026-04-30",
      },
      {
        statement: "Publicar el segundo Informe Local Voluntario",
        indicator: "Informe Local Voluntario",
        baseline: null,
        targetValue: null,
        unit: null,
        milestone: "Informe presentado en el Foro Político de Alto Nivel",
        dueDate: "2026-07-31",
      },
      {
        statement: "Ampliar la participación en las asambleas parroquiales",
        indicator: "Personas participantes en las asambleas",
        baseline: 18000,
        targetValue: 30000,
        unit: "personas",
        milestone: null,
        dueDate: "2027-03-31",
      },
    ],
    partners: [
      "Pontificia Universidad Católica del Ecuador",
      "Programa de las Naciones Unidas para el Desarrollo (PNUD) Ecuador",
      "Asambleas parroquiales del Distrito Metropolitano",
    ],
    contactEmail: "ods@quito.example.org",
    website: "https://quito.example.org/hub-ods",
  },
  {
    slug: "medellin-green-corridors",
    leadOrganisation: "medellin",
    participants: ["bogota"],
    originalLanguage: "es",
    texts: {
      title: "Corredores verdes de Medellín: enfriar la ciudad y conectar la biodiversidad",
      summary:
        "Medellín extiende su red de corredores verdes a lo largo de quebradas y vías principales para reducir las islas de calor, mejorar la calidad del aire y conectar los cerros tutelares con el río.",
      description:
        "El HUB amplía los corredores verdes con especies nativas a lo largo de quebradas y ejes viales. Jardineras y jardineros comunitarios, muchos de ellos de poblaciones vulnerables, se forman y contratan para el mantenimiento. Sensores de temperatura y de calidad del aire miden el efecto en cada comuna.",
      localGlobalLink:
        "La iniciativa contribuye a la meta 13.1 de resiliencia climática y a la meta 11.7 de acceso a zonas verdes, integradas en el Plan de Acción Climática de Medellín.",
      acceleration:
        "La combinación de empleo verde, monitoreo ambiental y restauración ecológica permite llevar los corredores a nuevas comunas con costos conocidos.",
      synchronisation:
        "Medellín comparte datos de temperatura y criterios de diseño con Bogotá y con los HUBs de adaptación al calor de Barcelona y Montréal.",
    },
    translations: {
      fr: {
        title: "Corridors verts de Medellín : rafraîchir la ville et relier la biodiversité",
        summary:
          "Medellín étend son réseau de corridors verts le long des ruisseaux et des grands axes afin de réduire les îlots de chaleur, d'améliorer la qualité de l'air et de relier les collines au fleuve.",
        description:
          "Le HUB prolonge les corridors verts avec des espèces indigènes le long des ruisseaux et des axes routiers. Des jardinières et jardiniers communautaires, souvent issus de populations vulnérables, sont formés et embauchés pour l'entretien. Des capteurs de température et de qualité de l'air mesurent l'effet dans chaque commune.",
        localGlobalLink:
          "L'initiative contribue à la cible 13.1 sur la résilience climatique et à la cible 11.7 sur l'accès aux espaces verts, intégrées au Plan d'action climat de Medellín.",
        acceleration:
          "L'association de l'emploi vert, du suivi environnemental et de la restauration écologique permet d'étendre les corridors à de nouvelles communes à coût maîtrisé.",
        synchronisation:
          "Medellín partage ses données de température et ses principes de conception avec Bogotá et avec les HUBs d'adaptation à la chaleur de Barcelone et de Montréal.",
      },
    },
    theme: "climate-energy",
    latitude: 6.2442,
    longitude: -75.5812,
    goals: [13, 11, 15],
    targets: ["13.1", "11.6", "11.7", "15.5"],
    startDate: "2025-09-01",
    endDate: "2027-08-31",
    outcomes: [
      {
        statement: "Reducir la temperatura superficial en los corredores verdes",
        indicator: "Diferencia media de temperatura superficial frente a vías sin vegetación",
        baseline: 0,
        targetValue: 2,
        unit: "°C",
        milestone: null,
        dueDate: "2027-06-30",
      },
      {
        statement: "Construir nuevos corredores verdes",
        indicator: "Kilómetros de nuevos corredores verdes",
        baseline: 0,
        targetValue: 18,
        unit: "km",
        milestone: null,
        dueDate: "2027-08-15",
      },
    ],
    partners: [
      "Jardín Botánico de Medellín",
      "Área Metropolitana del Valle de Aburrá",
      "Universidad de Antioquia",
      "Juntas de acción comunal",
    ],
    contactEmail: "corredores@medellin.example.org",
    website: "https://medellin.example.org/hub-corredores-verdes",
  },
  {
    slug: "santiago-megadrought-water",
    leadOrganisation: "santiago",
    participants: [],
    originalLanguage: "es",
    texts: {
      title: "Gestión hídrica metropolitana frente a la megasequía",
      summary:
        "El Gobierno Regional Metropolitano de Santiago impulsa la reutilización de aguas grises, el riego eficiente de áreas verdes y la gestión integrada de la cuenca del Maipo para enfrentar más de una década de sequía.",
      description:
        "El HUB coordina a las comunas de la región para reducir el consumo de agua en parques y edificios públicos. Se instalan sistemas de reutilización de aguas grises en escuelas y consultorios, y se reemplaza el césped por especies de bajo consumo. Una mesa de cuenca reúne a municipios, personas usuarias y organizaciones sociales.",
      localGlobalLink:
        "El HUB aterriza las metas 6.4 y 6.5 sobre eficiencia y gestión integrada de los recursos hídricos a escala de cuenca metropolitana.",
      acceleration:
        "Los estándares regionales de riego eficiente permiten que cada comuna replique las soluciones sin diseñar proyectos desde cero.",
      synchronisation:
        "Santiago intercambia experiencias con los HUBs de agua de Grenoble y Jakarta sobre gobernanza del agua y adaptación.",
    },
    translations: {
      en: {
        title: "Metropolitan water management in the face of the megadrought",
        summary:
          "The Metropolitan Regional Government of Santiago promotes greywater reuse, efficient irrigation of green spaces and integrated management of the Maipo basin to cope with more than a decade of drought.",
      },
      fr: {
        title: "Gestion métropolitaine de l'eau face à la méga-sécheresse",
        summary:
          "Le Gouvernement régional métropolitain de Santiago encourage la réutilisation des eaux grises, l'arrosage économe des espaces verts et la gestion intégrée du bassin du Maipo face à plus de dix ans de sécheresse.",
      },
    },
    theme: "water-sanitation",
    latitude: -33.4489,
    longitude: -70.6693,
    goals: [6, 13],
    targets: ["6.4", "6.5", "13.1"],
    startDate: "2024-10-01",
    endDate: "2027-09-30",
    outcomes: [
      {
        statement: "Reducir el consumo de agua para riego de áreas verdes",
        indicator: "Consumo de agua para riego de áreas verdes públicas de la región",
        baseline: 42,
        targetValue: 30,
        unit: "millones de m³/año",
        milestone: null,
        dueDate: "2027-06-30",
      },
      {
        statement: "Constituir la mesa de la cuenca del Maipo",
        indicator: "Acuerdo de gobernanza de cuenca",
        baseline: null,
        targetValue: null,
        unit: null,
        milestone: "Acuerdo de gobernanza firmado por las comunas participantes",
        dueDate: "2025-06-30",
      },
    ],
    partners: [
      "Universidad de Chile",
      "Dirección General de Aguas",
      "Municipios de la Región Metropolitana",
      "Organizaciones de usuarios de agua",
    ],
    contactEmail: "agua@santiago.example.org",
    website: "https://santiago.example.org/hub-agua",
  },
  {
    slug: "cuenca-living-heritage-crafts",
    leadOrganisation: "cuenca",
    participants: [],
    originalLanguage: "es",
    texts: {
      title: "Patrimonio vivo: oficios artesanales del Centro Histórico de Cuenca",
      summary:
        "Cuenca revitaliza los talleres artesanales de su Centro Histórico, Patrimonio Mundial, con formación a jóvenes aprendices, rehabilitación de casas taller y una ruta de turismo cultural que beneficia directamente a las familias artesanas.",
      description:
        "El HUB apoya a talleres de sombreros de paja toquilla, cerámica, hojalatería y bordado amenazados por el alza de los alquileres. Se rehabilitan casas taller con apoyo municipal y se crean becas de aprendizaje entre maestras, maestros y jóvenes. Una ruta señalizada y una marca colectiva conectan los talleres con los visitantes.",
      localGlobalLink:
        "La iniciativa vincula la meta 11.4 sobre la protección del patrimonio cultural con la meta 8.9 de turismo sostenible que genera empleo y promueve la cultura local.",
      acceleration:
        "Al unir conservación patrimonial y economía creativa, el HUB convierte el patrimonio inmaterial en una fuente de ingresos estables para las familias artesanas.",
      synchronisation:
        "Cuenca comparte su modelo con los HUBs de Tunis y Chefchaouen y participa en los intercambios de la Comisión de Cultura de CGLU.",
    },
    translations: {
      en: {
        title: "Living heritage: traditional crafts in Cuenca's Historic Centre",
        summary:
          "Cuenca is reviving the craft workshops of its World Heritage Historic Centre with training for young apprentices, the restoration of workshop houses and a cultural tourism route that directly benefits craft families.",
        description:
          "The HUB supports straw hat, ceramics, tinsmithing and embroidery workshops threatened by rising rents. Workshop houses are restored with municipal support, and apprenticeship grants pair master artisans with young people. A signposted route and a collective brand connect the workshops with visitors.",
        localGlobalLink:
          "The initiative links target 11.4 on protecting cultural heritage with target 8.9 on sustainable tourism that creates jobs and promotes local culture.",
        acceleration:
          "By bringing together heritage conservation and the creative economy, the HUB turns intangible heritage into a stable source of income for craft families.",
        synchronisation:
          "Cuenca shares its model with the Tunis and Chefchaouen HUBs and takes part in the exchanges of the UCLG Culture Committee.",
      },
      fr: {
        title: "Patrimoine vivant : les métiers d'art du centre historique de Cuenca",
        summary:
          "Cuenca redynamise les ateliers artisanaux de son centre historique, inscrit au patrimoine mondial, grâce à la formation de jeunes apprentis, à la réhabilitation de maisons-ateliers et à un circuit de tourisme culturel au bénéfice des familles d'artisans.",
        description:
          "Le HUB soutient des ateliers de chapeaux en paille toquilla, de céramique, de ferblanterie et de broderie menacés par la hausse des loyers. Des maisons-ateliers sont réhabilitées avec l'appui de la municipalité et des bourses d'apprentissage associent maîtres artisans et jeunes. Un circuit balisé et une marque collective relient les ateliers aux visiteurs.",
        localGlobalLink:
          "L'initiative relie la cible 11.4 sur la protection du patrimoine culturel à la cible 8.9 sur un tourisme durable qui crée des emplois et met en valeur la culture locale.",
        acceleration:
          "En associant conservation du patrimoine et économie créative, le HUB fait du patrimoine immatériel une source de revenus stable pour les familles d'artisans.",
        synchronisation:
          "Cuenca partage son modèle avec les HUBs de Tunis et de Chefchaouen et participe aux échanges de la Commission culture de CGLU.",
      },
    },
    theme: "culture",
    latitude: -2.9001,
    longitude: -79.0059,
    goals: [11, 8],
    targets: ["11.4", "8.9", "8.3"],
    startDate: "2025-01-15",
    endDate: "2026-12-31",
    outcomes: [
      {
        statement: "Mantener y aumentar los talleres artesanales activos",
        indicator: "Talleres artesanales activos en el Centro Histórico",
        baseline: 85,
        targetValue: 110,
        unit: "talleres",
        milestone: null,
        dueDate: "2026-12-15",
      },
      {
        statement: "Formar a una nueva generación de artesanas y artesanos",
        indicator: "Jóvenes aprendices que completan la formación",
        baseline: 0,
        targetValue: 60,
        unit: "personas",
        milestone: null,
        dueDate: "2026-10-31",
      },
      {
        statement: "Crear una marca colectiva de artesanía",
        indicator: "Marca colectiva",
        baseline: null,
        targetValue: null,
        unit: null,
        milestone: "Marca colectiva de artesanía de Cuenca registrada",
        dueDate: "2025-10-31",
      },
    ],
    partners: [
      "Universidad de Cuenca",
      "Centro Interamericano de Artesanías y Artes Populares (CIDAP)",
      "Asociaciones de artesanas y artesanos del Centro Histórico",
    ],
    contactEmail: "patrimonio@cuenca.example.org",
    website: "https://cuenca.example.org/hub-patrimonio-vivo",
  },
  {
    slug: "montevideo-inclusive-recycling",
    leadOrganisation: "montevideo",
    participants: ["porto-alegre"],
    originalLanguage: "es",
    texts: {
      title: "Montevideo Recicla: clasificadoras y clasificadores en la economía circular",
      summary:
        "Montevideo formaliza el trabajo de clasificadoras y clasificadores de residuos mediante cooperativas, plantas de clasificación seguras y contratos públicos, al tiempo que aumenta la separación en origen en los hogares.",
      description:
        "El HUB amplía la recolección selectiva de envases y residuos secos en todos los municipios de Montevideo. Las plantas de clasificación son gestionadas por cooperativas con condiciones laborales dignas y protección social. Campañas barriales explican a los hogares cómo separar en origen.",
      localGlobalLink:
        "La iniciativa vincula la meta 12.5 de reducción de residuos con la meta 8.8 de protección de los derechos laborales, en línea con la estrategia departamental de economía circular.",
      acceleration:
        "La contratación pública de cooperativas estabiliza los ingresos y permite invertir en equipamiento que multiplica los volúmenes recuperados.",
      synchronisation:
        "Montevideo trabaja con Porto Alegre y con el HUB de Abidjan en un protocolo común de inclusión de recicladores.",
    },
    translations: {
      en: {
        title: "Montevideo Recycles: waste pickers at the heart of the circular economy",
        summary:
          "Montevideo is formalising the work of waste pickers through cooperatives, safe sorting plants and public contracts, while increasing the separation of waste at source in households.",
        description:
          "The HUB extends the separate collection of packaging and dry waste to all of Montevideo's municipalities. Sorting plants are run by cooperatives with decent working conditions and social protection. Neighbourhood campaigns show households how to separate waste at source.",
        localGlobalLink:
          "The initiative links target 12.5 on waste reduction with target 8.8 on protecting labour rights, in line with the departmental circular economy strategy.",
        acceleration:
          "Public contracts with cooperatives stabilise incomes and make it possible to invest in equipment that multiplies recovered volumes.",
        synchronisation:
          "Montevideo works with Porto Alegre and the Abidjan HUB on a shared protocol for the inclusion of waste pickers.",
      },
    },
    theme: "water-sanitation",
    latitude: -34.9011,
    longitude: -56.1645,
    goals: [12, 8, 10],
    targets: ["12.5", "8.8", "10.2"],
    startDate: "2026-03-01",
    endDate: "2028-02-29",
    outcomes: [
      {
        statement: "Aumentar los residuos secos recuperados",
        indicator: "Toneladas anuales de residuos secos recuperadas",
        baseline: 9500,
        targetValue: 16000,
        unit: "t/año",
        milestone: null,
        dueDate: "2027-12-31",
      },
      {
        statement: "Formalizar el trabajo de clasificación",
        indicator: "Clasificadoras y clasificadores con contrato formal",
        baseline: 320,
        targetValue: 600,
        unit: "personas",
        milestone: null,
        dueDate: "2027-06-30",
      },
    ],
    partners: [
      "Universidad de la República",
      "Cooperativas de clasificadores de Montevideo",
      "Programa de las Naciones Unidas para el Medio Ambiente (PNUMA)",
    ],
    contactEmail: "recicla@montevideo.example.org",
    website: "https://montevideo.example.org/hub-recicla",
  },
  {
    slug: "lima-safe-hillside-neighbourhoods",
    leadOrganisation: "lima",
    participants: [],
    originalLanguage: "es",
    texts: {
      title: "Laderas seguras: mejoramiento de barrios y lomas costeras en Lima Norte",
      summary:
        "Lima Metropolitana mejora barrios autoconstruidos en laderas con muros de contención, escaleras y drenajes, y protege los ecosistemas de lomas costeras como barrera natural frente a la expansión informal.",
      description:
        "En distritos de Lima Norte, el HUB combina obras de mitigación de riesgos con asistencia técnica para la autoconstrucción segura. Las lomas costeras se delimitan como áreas de conservación con participación vecinal. Las familias reciben orientación para formalizar la propiedad de sus viviendas.",
      localGlobalLink:
        "El HUB aplica las metas 11.1 y 11.5 sobre vivienda adecuada y reducción del riesgo de desastres en un territorio expuesto a sismos y deslizamientos, y protege ecosistemas frágiles bajo la meta 15.1.",
      acceleration:
        "La asistencia técnica a la autoconstrucción multiplica el impacto de la inversión pública al mejorar miles de viviendas que las familias construyen por sí mismas.",
      synchronisation:
        "Lima aprende de la experiencia de Medellín en mejoramiento integral de barrios y comparte su enfoque de protección de lomas con Santiago.",
    },
    translations: {
      en: {
        title: "Safe hillsides: neighbourhood upgrading and coastal lomas in North Lima",
        summary:
          "Metropolitan Lima is upgrading self-built hillside neighbourhoods with retaining walls, stairways and drainage, and protecting the fog-fed lomas ecosystems as a natural barrier against informal sprawl.",
      },
      fr: {
        title: "Pentes sûres : amélioration des quartiers et des lomas côtières au nord de Lima",
        summary:
          "Lima métropolitaine améliore les quartiers autoconstruits à flanc de colline avec des murs de soutènement, des escaliers et des drainages, et protège les écosystèmes des lomas côtières contre l'urbanisation informelle.",
      },
    },
    theme: "housing",
    latitude: -12.0464,
    longitude: -77.0428,
    goals: [11, 1, 15],
    targets: ["11.1", "11.5", "1.5", "15.1"],
    startDate: "2025-07-01",
    endDate: "2028-06-30",
    outcomes: [
      {
        statement: "Mejorar la seguridad estructural de viviendas en ladera",
        indicator: "Viviendas en ladera con mejoras estructurales",
        baseline: 0,
        targetValue: 2500,
        unit: "viviendas",
        milestone: null,
        dueDate: "2028-03-31",
      },
      {
        statement: "Proteger las lomas costeras de Lima Norte",
        indicator: "Instrumento de protección de las lomas",
        baseline: null,
        targetValue: null,
        unit: null,
        milestone: "Ordenanza de área de conservación de las lomas de Lima Norte aprobada",
        dueDate: "2026-12-31",
      },
    ],
    partners: [
      "Pontificia Universidad Católica del Perú",
      "Instituto Nacional de Defensa Civil (INDECI)",
      "Organizaciones vecinales de Lima Norte",
    ],
    contactEmail: "laderas@lima.example.org",
    website: "https://lima.example.org/hub-laderas-seguras",
  },

  // =========================================================================
  // Europe
  // =========================================================================
  {
    slug: "barcelona-climate-shelters",
    leadOrganisation: "barcelona",
    participants: [],
    originalLanguage: "es",
    texts: {
      title: "Red de refugios climáticos y patios escolares renaturalizados",
      summary:
        "Barcelona transforma patios escolares y equipamientos públicos en refugios climáticos abiertos al vecindario durante las olas de calor, con más sombra, vegetación y agua, priorizando los barrios más vulnerables.",
      description:
        "El HUB renaturaliza patios escolares, sustituye el asfalto por suelos permeables y añade sombra y fuentes. Fuera del horario lectivo, patios y bibliotecas funcionan como refugios climáticos señalizados para personas mayores y familias. Un mapa público indica los refugios más cercanos y sus horarios.",
      localGlobalLink:
        "La red concreta la meta 13.1 de adaptación climática y la meta 11.7 de espacios públicos accesibles, en el marco del Plan Clima de la ciudad.",
      acceleration:
        "Aprovechar equipamientos existentes permite desplegar refugios climáticos a gran escala con una inversión moderada y en pocos años.",
      synchronisation:
        "Barcelona comparte su guía de refugios climáticos con Sevilla, Medellín y Montréal dentro de la red de HUBs de adaptación al calor.",
    },
    translations: {
      en: {
        title: "Network of climate shelters and re-greened schoolyards",
        summary:
          "Barcelona is turning schoolyards and public facilities into climate shelters open to local residents during heatwaves, with more shade, greenery and water, starting with the most vulnerable neighbourhoods.",
        description:
          "The HUB re-greens schoolyards, replaces asphalt with permeable surfaces and adds shade and drinking fountains. Outside school hours, playgrounds and libraries serve as signposted climate shelters for older people and families. A public map shows the nearest shelters and their opening hours.",
        localGlobalLink:
          "The network delivers target 13.1 on climate adaptation and target 11.7 on accessible public spaces, as part of the city's Climate Plan.",
        acceleration:
          "Using existing facilities makes it possible to roll out climate shelters at scale, with moderate investment and within a few years.",
        synchronisation:
          "Barcelona shares its climate shelter guide with Seville, Medellín and Montréal within the network of heat adaptation HUBs.",
      },
      fr: {
        title: "Réseau de refuges climatiques et de cours d'école végétalisées",
        summary:
          "Barcelone transforme des cours d'école et des équipements publics en refuges climatiques ouverts au voisinage pendant les vagues de chaleur, avec plus d'ombre, de végétation et d'eau, en priorité dans les quartiers vulnérables.",
        description:
          "Le HUB végétalise les cours d'école, remplace l'asphalte par des sols perméables et ajoute de l'ombre et des fontaines. En dehors du temps scolaire, cours et bibliothèques deviennent des refuges climatiques signalés pour les personnes âgées et les familles. Une carte publique indique les refuges les plus proches et leurs horaires.",
        localGlobalLink:
          "Le réseau concrétise la cible 13.1 sur l'adaptation au climat et la cible 11.7 sur des espaces publics accessibles, dans le cadre du Plan climat de la ville.",
        acceleration:
          "S'appuyer sur des équipements existants permet de déployer des refuges climatiques à grande échelle, avec un investissement modéré et en peu d'années.",
        synchronisation:
          "Barcelone partage son guide des refuges climatiques avec Séville, Medellín et Montréal au sein du réseau des HUBs d'adaptation à la chaleur.",
      },
    },
    theme: "climate-energy",
    latitude: 41.3874,
    longitude: 2.1686,
    goals: [13, 11, 3, 4],
    targets: ["13.1", "11.7", "3.d", "4.a"],
    startDate: "2024-05-01",
    endDate: "2027-04-30",
    outcomes: [
      {
        statement: "Acercar un refugio climático a toda la población",
        indicator: "Población con un refugio climático a menos de 10 minutos a pie",
        baseline: 70,
        targetValue: 95,
        unit: "%",
        milestone: null,
        dueDate: "2026-09-30",
      },
      {
        statement: "Renaturalizar patios escolares",
        indicator: "Patios escolares renaturalizados",
        baseline: 31,
        targetValue: 100,
        unit: "patios",
        milestone: null,
        dueDate: "2027-03-31",
      },
      {
        statement: "Garantizar la apertura coordinada durante las olas de calor",
        indicator: "Protocolo municipal de apertura",
        baseline: null,
        targetValue: null,
        unit: null,
        milestone: "Protocolo municipal de apertura en olas de calor aprobado",
        dueDate: "2024-12-31",
      },
    ],
    partners: [
      "Agència de Salut Pública de Barcelona",
      "Consorci d'Educació de Barcelona",
      "Asociaciones de familias de alumnos",
      "Universitat Politècnica de Catalunya",
    ],
    contactEmail: "refugios@barcelona.example.org",
    website: "https://barcelona.example.org/hub-refugios-climaticos",
  },
  {
    slug: "madrid-energy-retrofit",
    leadOrganisation: "madrid",
    participants: [],
    originalLanguage: "es",
    texts: {
      title: "Rehabilitación energética de viviendas contra la pobreza energética en el sur de Madrid",
      summary:
        "Madrid acompaña a comunidades de vecinos de barrios vulnerables de Villaverde y Usera en la rehabilitación energética de sus edificios, con oficinas de barrio, ayudas combinadas y atención a hogares en pobreza energética.",
      description:
        "El HUB abre oficinas de rehabilitación en los barrios donde la ayuda técnica y administrativa es más necesaria. Las comunidades reciben un diagnóstico energético, apoyo para solicitar fondos públicos y acompañamiento durante la obra. Los hogares vulnerables acceden además a medidas urgentes de confort térmico.",
      localGlobalLink:
        "La iniciativa aplica las metas 7.1 y 7.3 sobre energía asequible y eficiencia energética al parque residencial más antiguo de la ciudad.",
      acceleration:
        "La ventanilla única de barrio reduce los plazos de tramitación y agrupa edificios para abaratar las obras.",
      synchronisation:
        "Madrid comparte su modelo de oficina de barrio con el HUB de Sevilla y con otros HUBs de vivienda de Europa y América Latina.",
    },
    translations: {
      en: {
        title: "Energy retrofits against energy poverty in southern Madrid",
        summary:
          "Madrid supports residents' associations in vulnerable neighbourhoods of Villaverde and Usera to retrofit their buildings, with neighbourhood offices, combined grants and targeted help for households in energy poverty.",
        description:
          "The HUB opens retrofit offices in the neighbourhoods where technical and administrative help is most needed. Residents' associations receive an energy assessment, help to apply for public funds and support during the works. Vulnerable households also get urgent thermal comfort measures.",
        localGlobalLink:
          "The initiative applies targets 7.1 and 7.3 on affordable energy and energy efficiency to the city's oldest housing stock.",
        acceleration:
          "A one-stop shop in each neighbourhood shortens approval times and groups buildings together to lower the cost of works.",
        synchronisation:
          "Madrid shares its neighbourhood office model with the Seville HUB and with other housing HUBs in Europe and Latin America.",
      },
    },
    theme: "housing",
    latitude: 40.3456,
    longitude: -3.7096,
    goals: [7, 11, 1],
    targets: ["7.1", "7.3", "11.1"],
    startDate: "2025-10-01",
    endDate: "2028-09-30",
    outcomes: [
      {
        statement: "Rehabilitar energéticamente viviendas en barrios vulnerables",
        indicator: "Viviendas rehabilitadas energéticamente",
        baseline: 0,
        targetValue: 3000,
        unit: "viviendas",
        milestone: null,
        dueDate: "2028-06-30",
      },
      {
        statement: "Reducir el consumo energético de los edificios rehabilitados",
        indicator: "Reducción media del consumo de energía para calefacción y refrigeración",
        baseline: 0,
        targetValue: 40,
        unit: "%",
        milestone: null,
        dueDate: "2028-09-01",
      },
    ],
    partners: [
      "Empresa Municipal de la Vivienda y Suelo de Madrid (EMVS)",
      "Universidad Politécnica de Madrid",
      "Asociaciones vecinales de Villaverde y Usera",
    ],
    contactEmail: "rehabilita@madrid.example.org",
    website: "https://madrid.example.org/hub-rehabilitacion",
  },
  {
    slug: "bilbao-social-economy-youth",
    leadOrganisation: "bilbao",
    participants: [],
    originalLanguage: "es",
    texts: {
      title: "Economía social y empleo juvenil en las riberas de la ría de Bilbao",
      summary:
        "Bilbao impulsa cooperativas y empresas de inserción lideradas por jóvenes en antiguos pabellones industriales de la ría, con formación en oficios verdes y digitales y cláusulas sociales en la contratación pública.",
      description:
        "El HUB cede espacios municipales en antiguos pabellones industriales a proyectos de economía social. Jóvenes sin empleo ni formación siguen itinerarios en rehabilitación energética, reparación y servicios digitales. Las cláusulas sociales en la contratación municipal aseguran una demanda estable.",
      localGlobalLink:
        "El HUB contribuye a la meta 8.6 de reducir la proporción de jóvenes sin empleo ni formación y a la meta 4.4 sobre competencias para el empleo.",
      acceleration:
        "Unir espacio, formación y compra pública responsable permite que las iniciativas superen su fase más frágil.",
      synchronisation:
        "Bilbao comparte sus cláusulas sociales con los HUBs de economía local de Québec y Abidjan.",
    },
    translations: {
      en: {
        title: "Social economy and youth employment along Bilbao's estuary",
        summary:
          "Bilbao supports youth-led cooperatives and work-integration enterprises in former industrial buildings along the estuary, with training in green and digital trades and social clauses in public procurement.",
      },
      fr: {
        title: "Économie sociale et emploi des jeunes sur les rives de la ría de Bilbao",
        summary:
          "Bilbao soutient des coopératives et des entreprises d'insertion portées par des jeunes dans d'anciens bâtiments industriels de la ría, avec des formations aux métiers verts et numériques et des clauses sociales dans les marchés publics.",
      },
    },
    theme: "local-economy",
    latitude: 43.263,
    longitude: -2.935,
    goals: [8, 4, 10],
    targets: ["8.6", "8.3", "4.4", "10.2"],
    startDate: "2024-09-01",
    endDate: "2026-08-31",
    outcomes: [
      {
        statement: "Mejorar la inserción laboral de jóvenes",
        indicator: "Jóvenes con contrato tras completar el itinerario",
        baseline: 0,
        targetValue: 250,
        unit: "personas",
        milestone: null,
        dueDate: "2026-08-15",
      },
      {
        statement: "Consolidar un polo de economía social en la ría",
        indicator: "Entidades de economía social instaladas en espacios municipales",
        baseline: 4,
        targetValue: 15,
        unit: "entidades",
        milestone: null,
        dueDate: "2026-06-30",
      },
    ],
    partners: [
      "Lanbide – Servicio Vasco de Empleo",
      "Universidad de Deusto",
      "Red de empresas de inserción de Euskadi",
    ],
    contactEmail: "ekonomia@bilbao.example.org",
    website: "https://bilbao.example.org/hub-economia-social",
  },
  {
    slug: "sevilla-circular-oranges",
    leadOrganisation: "sevilla",
    participants: ["valencia"],
    originalLanguage: "es",
    texts: {
      title: "Naranjas circulares: energía y compost a partir de los naranjos de Sevilla",
      summary:
        "Sevilla convierte las toneladas de naranja amarga que caen de sus árboles urbanos en biogás y compost, generando energía renovable para instalaciones municipales y abono para parques y huertos.",
      description:
        "Cada invierno, los servicios municipales recogen grandes cantidades de naranja amarga de las decenas de miles de naranjos de la ciudad. El HUB las lleva a una planta de digestión anaerobia que produce biogás para una depuradora y compost para la jardinería municipal. El modelo se extiende a otros residuos verdes de parques y mercados.",
      localGlobalLink:
        "El HUB aplica la meta 7.2 de energías renovables y la meta 12.5 de reducción de residuos a un recurso urbano emblemático.",
      acceleration:
        "Un flujo de residuos que antes suponía un coste de gestión se convierte en energía y materia orgánica, lo que financia parte de la ampliación del sistema.",
      synchronisation:
        "Sevilla colabora con València en el aprovechamiento de residuos cítricos y comparte resultados con los HUBs de energía de Yokohama y Madrid.",
    },
    translations: {
      en: {
        title: "Circular oranges: energy and compost from Seville's orange trees",
        summary:
          "Seville turns the tonnes of bitter oranges that fall from its street trees into biogas and compost, producing renewable energy for municipal facilities and fertiliser for parks and community gardens.",
        description:
          "Every winter, municipal services collect large quantities of bitter oranges from the city's tens of thousands of orange trees. The HUB takes them to an anaerobic digestion plant that produces biogas for a wastewater treatment plant and compost for municipal gardening. The model is being extended to other green waste from parks and markets.",
        localGlobalLink:
          "The HUB applies target 7.2 on renewable energy and target 12.5 on waste reduction to an iconic urban resource.",
        acceleration:
          "A waste stream that used to be a management cost becomes energy and organic matter, which helps finance the expansion of the system.",
        synchronisation:
          "Seville works with València on the use of citrus waste and shares results with the Yokohama and Madrid energy HUBs.",
      },
      fr: {
        title: "Oranges circulaires : énergie et compost à partir des orangers de Séville",
        summary:
          "Séville transforme les tonnes d'oranges amères tombées de ses arbres d'alignement en biogaz et en compost, produisant de l'énergie renouvelable pour des équipements municipaux et de l'engrais pour les parcs et jardins.",
        description:
          "Chaque hiver, les services municipaux ramassent de grandes quantités d'oranges amères sur les dizaines de milliers d'orangers de la ville. Le HUB les achemine vers une unité de méthanisation qui produit du biogaz pour une station d'épuration et du compost pour les espaces verts municipaux. Le modèle s'étend à d'autres déchets verts des parcs et des marchés.",
        localGlobalLink:
          "Le HUB applique la cible 7.2 sur les énergies renouvelables et la cible 12.5 sur la réduction des déchets à une ressource urbaine emblématique.",
        acceleration:
          "Un flux de déchets qui représentait un coût de gestion devient énergie et matière organique, ce qui finance une partie de l'extension du dispositif.",
        synchronisation:
          "Séville coopère avec Valence sur la valorisation des déchets d'agrumes et partage ses résultats avec les HUBs énergie de Yokohama et de Madrid.",
      },
    },
    theme: "climate-energy",
    latitude: 37.3891,
    longitude: -5.9845,
    goals: [7, 12, 13],
    targets: ["7.2", "12.5", "13.2"],
    startDate: "2025-01-01",
    endDate: "2026-12-31",
    outcomes: [
      {
        statement: "Valorizar la naranja amarga recogida en la vía pública",
        indicator: "Naranja amarga y residuo verde valorizados",
        baseline: 0,
        targetValue: 5000,
        unit: "t/año",
        milestone: null,
        dueDate: "2026-12-15",
      },
      {
        statement: "Generar electricidad renovable con biogás",
        indicator: "Electricidad generada a partir del biogás",
        baseline: 0,
        targetValue: 1.5,
        unit: "GWh/año",
        milestone: null,
        dueDate: "2026-12-15",
      },
      {
        statement: "Poner en servicio la planta de digestión anaerobia",
        indicator: "Planta de digestión anaerobia",
        baseline: null,
        targetValue: null,
        unit: null,
        milestone: "Planta de digestión anaerobia en funcionamiento",
        dueDate: "2025-11-30",
      },
    ],
    partners: [
      "Empresa Metropolitana de Abastecimiento y Saneamiento de Aguas de Sevilla (EMASESA)",
      "Universidad de Sevilla",
      "Lipasam, servicio municipal de limpieza",
    ],
    contactEmail: "naranjas@sevilla.example.org",
    website: "https://sevilla.example.org/hub-naranjas-circulares",
  },
  {
    slug: "strasbourg-participatory-budget-citizens-assembly",
    leadOrganisation: "strasbourg",
    participants: [],
    originalLanguage: "fr",
    texts: {
      title: "Budget participatif et assemblée citoyenne pour le climat à Strasbourg",
      summary:
        "L'Eurométropole de Strasbourg associe un budget participatif doté d'enveloppes par quartier à une assemblée citoyenne tirée au sort, chargée d'évaluer les projets au regard des ODD et du plan climat.",
      description:
        "Les habitantes et habitants déposent et votent des projets d'intérêt général dans chaque quartier. Une assemblée citoyenne tirée au sort examine leur contribution aux Objectifs de développement durable et formule des avis publics. Les services rendent compte chaque année de la réalisation des projets retenus.",
      localGlobalLink:
        "Le HUB met en œuvre la cible 16.7 sur une prise de décision ouverte, participative et représentative, en lien direct avec la feuille de route ODD de la collectivité.",
      acceleration:
        "Le tirage au sort élargit la participation à des publics éloignés des institutions et renforce la légitimité des choix d'investissement.",
      synchronisation:
        "Strasbourg échange avec Quito et Bishkek sur l'articulation entre budgets participatifs et examens locaux volontaires.",
    },
    translations: {
      en: {
        title: "Participatory budgeting and a citizens' climate assembly in Strasbourg",
        summary:
          "The Eurométropole of Strasbourg combines a participatory budget with dedicated funds for each neighbourhood and a citizens' assembly chosen by lot, which assesses projects against the SDGs and the climate plan.",
        description:
          "Residents submit and vote on projects of general interest in each neighbourhood. A citizens' assembly selected by lot examines their contribution to the Sustainable Development Goals and issues public opinions. City services report every year on the delivery of the selected projects.",
        localGlobalLink:
          "The HUB implements target 16.7 on responsive, inclusive, participatory and representative decision-making, in direct connection with the local authority's SDG roadmap.",
        acceleration:
          "Selection by lot broadens participation to people who rarely engage with institutions and strengthens the legitimacy of investment choices.",
        synchronisation:
          "Strasbourg exchanges with Quito and Bishkek on how to connect participatory budgets with Voluntary Local Reviews.",
      },
      es: {
        title: "Presupuesto participativo y asamblea ciudadana por el clima en Estrasburgo",
        summary:
          "La Eurometrópolis de Estrasburgo combina un presupuesto participativo con fondos por barrio y una asamblea ciudadana elegida por sorteo que evalúa los proyectos a la luz de los ODS y del plan climático.",
        description:
          "Las vecinas y los vecinos presentan y votan proyectos de interés general en cada barrio. Una asamblea ciudadana elegida por sorteo analiza su contribución a los Objetivos de Desarrollo Sostenible y emite dictámenes públicos. Los servicios municipales rinden cuentas cada año sobre la ejecución de los proyectos seleccionados.",
        localGlobalLink:
          "El HUB aplica la meta 16.7 sobre una toma de decisiones inclusiva, participativa y representativa, en conexión directa con la hoja de ruta ODS de la entidad local.",
        acceleration:
          "El sorteo amplía la participación a personas alejadas de las instituciones y refuerza la legitimidad de las decisiones de inversión.",
        synchronisation:
          "Estrasburgo intercambia con Quito y Biskek sobre cómo articular los presupuestos participativos con los informes locales voluntarios.",
      },
    },
    theme: "governance",
    latitude: 48.5734,
    longitude: 7.7521,
    goals: [16, 11],
    targets: ["16.7", "16.6", "11.3"],
    startDate: "2025-04-01",
    endDate: "2027-03-31",
    outcomes: [
      {
        statement: "Élargir la participation au budget participatif",
        indicator: "Nombre de votantes au budget participatif",
        baseline: 9000,
        targetValue: 20000,
        unit: "personnes",
        milestone: null,
        dueDate: "2026-12-31",
      },
      {
        statement: "Installer l'assemblée citoyenne tirée au sort",
        indicator: "Avis de l'assemblée citoyenne",
        baseline: null,
        targetValue: null,
        unit: null,
        milestone: "Premier avis public de l'assemblée citoyenne remis au conseil",
        dueDate: "2025-12-31",
      },
    ],
    partners: [
      "Université de Strasbourg",
      "Conseils de quartier",
      "Associations d'éducation populaire",
    ],
    contactEmail: "participation@strasbourg.example.org",
    website: "https://strasbourg.example.org/hub-budget-participatif",
  },
  {
    slug: "grenoble-public-water-solidarity-pricing",
    leadOrganisation: "grenoble",
    participants: [],
    originalLanguage: "fr",
    texts: {
      title: "Eau publique et tarification solidaire dans la métropole grenobloise",
      summary:
        "Grenoble-Alpes Métropole garantit l'accès à l'eau pour toutes et tous grâce à une régie publique, une tarification sociale et progressive et un plan de réduction des fuites sur le réseau.",
      description:
        "La régie publique de l'eau protège les captages alpins et investit dans la réduction des fuites. Une tarification solidaire allège la facture des ménages modestes, tandis que les premiers mètres cubes essentiels sont facturés à prix réduit. Des ateliers d'économies d'eau accompagnent les familles.",
      localGlobalLink:
        "Le HUB traduit la cible 6.1 sur l'accès universel et abordable à l'eau potable et la cible 6.4 sur l'utilisation rationnelle des ressources en eau.",
      acceleration:
        "La gestion publique permet de réinvestir les recettes dans le réseau et de financer la solidarité sans dépendre de subventions ponctuelles.",
      synchronisation:
        "Grenoble partage son expérience de gouvernance publique de l'eau avec Santiago et İzmir au sein du réseau Local4Action.",
    },
    translations: {
      en: {
        title: "Public water and solidarity pricing in the Grenoble metropolitan area",
        summary:
          "Grenoble-Alpes Métropole guarantees access to water for all through a public utility, social and progressive pricing and a plan to reduce leaks in the network.",
        description:
          "The public water utility protects Alpine water sources and invests in reducing leaks. Solidarity pricing lowers bills for low-income households, while the first essential cubic metres are charged at a reduced rate. Water-saving workshops support families.",
        localGlobalLink:
          "The HUB delivers target 6.1 on universal and affordable access to drinking water and target 6.4 on water-use efficiency.",
        acceleration:
          "Public management allows revenue to be reinvested in the network and solidarity to be funded without relying on one-off grants.",
        synchronisation:
          "Grenoble shares its experience of public water governance with Santiago and İzmir within the Local4Action network.",
      },
    },
    theme: "water-sanitation",
    latitude: 45.1885,
    longitude: 5.7245,
    goals: [6, 1, 10],
    targets: ["6.1", "6.4", "1.4", "10.4"],
    startDate: "2024-07-01",
    endDate: "2027-06-30",
    outcomes: [
      {
        statement: "Réduire les pertes d'eau sur le réseau",
        indicator: "Rendement du réseau de distribution",
        baseline: 78,
        targetValue: 85,
        unit: "%",
        milestone: null,
        dueDate: "2027-03-31",
      },
      {
        statement: "Étendre la tarification solidaire",
        indicator: "Ménages bénéficiant de la tarification solidaire",
        baseline: 6000,
        targetValue: 15000,
        unit: "ménages",
        milestone: null,
        dueDate: "2026-12-31",
      },
    ],
    partners: [
      "Eaux de Grenoble Alpes",
      "Université Grenoble Alpes",
      "Centres communaux d'action sociale",
      "Associations d'usagers",
    ],
    contactEmail: "eau@grenoble.example.org",
    website: "https://grenoble.example.org/hub-eau-solidaire",
  },
  {
    slug: "lyon-food-social-security",
    leadOrganisation: "lyon",
    participants: ["lisboa"],
    originalLanguage: "fr",
    texts: {
      title: "Vers une sécurité sociale de l'alimentation dans la Métropole de Lyon",
      summary:
        "La Métropole de Lyon expérimente une allocation alimentaire mensuelle, utilisable dans des commerces conventionnés proposant des produits locaux et durables, pour des ménages de quartiers populaires.",
      description:
        "Des comités citoyens définissent les critères de conventionnement des magasins, marchés et épiceries solidaires. Les ménages participants reçoivent une allocation mensuelle sur une carte dédiée. L'expérimentation est évaluée sur l'alimentation, la santé et les revenus des agriculteurs du territoire.",
      localGlobalLink:
        "Le HUB relie la cible 2.1 sur l'accès à une alimentation saine à la cible 2.4 sur des systèmes de production durables, à l'échelle d'un bassin de vie.",
      acceleration:
        "En solvabilisant la demande de produits durables, l'expérimentation sécurise des débouchés pour les fermes agroécologiques locales.",
      synchronisation:
        "Lyon coopère avec Lisbonne et échange avec les HUBs alimentaires de Rosario et de Gaziantep.",
    },
    translations: {
      en: {
        title: "Towards food social security in the Lyon metropolitan area",
        summary:
          "The Métropole de Lyon is testing a monthly food allowance, usable in approved shops selling local and sustainable products, for households in low-income neighbourhoods.",
      },
      es: {
        title: "Hacia una seguridad social de la alimentación en la Metrópolis de Lyon",
        summary:
          "La Metrópolis de Lyon experimenta con una asignación alimentaria mensual, utilizable en comercios adheridos que ofrecen productos locales y sostenibles, para hogares de barrios populares.",
      },
    },
    theme: "food-systems",
    latitude: 45.764,
    longitude: 4.8357,
    goals: [2, 12, 3],
    targets: ["2.1", "2.4", "12.3", "3.4"],
    startDate: "2026-01-01",
    endDate: "2027-12-31",
    outcomes: [
      {
        statement: "Faire bénéficier des ménages de l'allocation alimentaire",
        indicator: "Ménages bénéficiaires de l'allocation",
        baseline: 0,
        targetValue: 1500,
        unit: "ménages",
        milestone: null,
        dueDate: "2026-12-31",
      },
      {
        statement: "Évaluer l'expérimentation de manière indépendante",
        indicator: "Rapport d'évaluation",
        baseline: null,
        targetValue: null,
        unit: null,
        milestone: "Rapport d'évaluation indépendante publié",
        dueDate: "2027-11-30",
      },
    ],
    partners: [
      "Chambre d'agriculture du Rhône",
      "Épiceries solidaires du territoire",
      "Université Lumière Lyon 2",
    ],
    contactEmail: "alimentation@lyon.example.org",
    website: "https://lyon.example.org/hub-securite-sociale-alimentation",
  },

  // =========================================================================
  // Africa
  // =========================================================================
  {
    slug: "dakar-flood-resilient-neighbourhoods",
    leadOrganisation: "dakar",
    participants: ["saint-louis"],
    originalLanguage: "fr",
    texts: {
      title: "Dakar face aux inondations : drainage et quartiers résilients",
      summary:
        "La Ville de Dakar réhabilite les canaux de drainage, aménage des bassins de rétention paysagers et forme des comités de quartier à l'alerte précoce pour réduire l'impact des inondations pendant l'hivernage.",
      description:
        "Le HUB cible les quartiers les plus exposés aux inondations récurrentes. Les canaux sont curés et réhabilités avec des entreprises locales, tandis que des bassins de rétention deviennent des espaces verts publics. Les comités de quartier reçoivent des outils d'alerte et de gestion des déchets pour éviter l'obstruction des ouvrages.",
      localGlobalLink:
        "L'initiative met en œuvre la cible 13.1 sur la résilience face aux aléas climatiques et la cible 11.5 sur la réduction des pertes liées aux catastrophes.",
      acceleration:
        "L'association de travaux, d'espaces verts et d'organisation communautaire permet d'entretenir durablement les ouvrages.",
      synchronisation:
        "Dakar partage ses outils d'alerte avec la ville de Saint-Louis et avec le HUB de Jakarta consacré à la résilience côtière.",
    },
    translations: {
      en: {
        title: "Dakar against floods: drainage and resilient neighbourhoods",
        summary:
          "The City of Dakar is restoring drainage channels, building landscaped retention ponds and training neighbourhood committees in early warning to reduce the impact of flooding during the rainy season.",
        description:
          "The HUB targets the neighbourhoods most exposed to recurrent flooding. Channels are cleared and restored with local companies, while retention ponds double as public green spaces. Neighbourhood committees receive early warning and waste management tools to keep the drains clear.",
        localGlobalLink:
          "The initiative implements target 13.1 on resilience to climate hazards and target 11.5 on reducing disaster losses.",
        acceleration:
          "Combining works, green spaces and community organisation ensures the infrastructure is maintained over time.",
        synchronisation:
          "Dakar shares its early warning tools with the city of Saint-Louis and with the Jakarta HUB on coastal resilience.",
      },
      es: {
        title: "Dakar frente a las inundaciones: drenaje y barrios resilientes",
        summary:
          "La Ciudad de Dakar rehabilita canales de drenaje, construye estanques de retención paisajísticos y forma comités de barrio en alerta temprana para reducir el impacto de las inundaciones durante la temporada de lluvias.",
        description:
          "El HUB se centra en los barrios más expuestos a inundaciones recurrentes. Los canales se limpian y rehabilitan con empresas locales, mientras que los estanques de retención se convierten en espacios verdes públicos. Los comités de barrio reciben herramientas de alerta y de gestión de residuos para evitar la obstrucción de las obras.",
        localGlobalLink:
          "La iniciativa aplica la meta 13.1 sobre resiliencia ante los riesgos climáticos y la meta 11.5 sobre reducción de las pérdidas por desastres.",
        acceleration:
          "La combinación de obras, espacios verdes y organización comunitaria garantiza el mantenimiento duradero de las infraestructuras.",
        synchronisation:
          "Dakar comparte sus herramientas de alerta con la ciudad de Saint-Louis y con el HUB de Yakarta sobre resiliencia costera.",
      },
    },
    theme: "climate-energy",
    latitude: 14.7167,
    longitude: -17.4677,
    goals: [13, 11, 6],
    targets: ["13.1", "11.5", "6.3"],
    startDate: "2025-06-01",
    endDate: "2027-05-31",
    outcomes: [
      {
        statement: "Réduire le nombre de ménages sinistrés pendant l'hivernage",
        indicator: "Ménages touchés par les inondations pendant l'hivernage",
        baseline: 12000,
        targetValue: 6000,
        unit: "ménages",
        milestone: null,
        dueDate: "2026-11-30",
      },
      {
        statement: "Réhabiliter le réseau de canaux de drainage",
        indicator: "Canaux de drainage réhabilités",
        baseline: 0,
        targetValue: 25,
        unit: "km",
        milestone: null,
        dueDate: "2027-03-31",
      },
      {
        statement: "Mettre en place l'alerte précoce communautaire",
        indicator: "Système d'alerte précoce",
        baseline: null,
        targetValue: null,
        unit: null,
        milestone: "Système d'alerte précoce opérationnel dans 20 quartiers",
        dueDate: "2026-06-30",
      },
    ],
    partners: [
      "Université Cheikh Anta Diop de Dakar",
      "Office national de l'assainissement du Sénégal (ONAS)",
      "Comités de quartier",
    ],
    contactEmail: "hub@dakar.example.org",
    website: "https://dakar.example.org/hub-inondations",
  },
  {
    slug: "abidjan-waste-recovery",
    leadOrganisation: "abidjan",
    participants: [],
    originalLanguage: "fr",
    texts: {
      title: "Abidjan valorise ses déchets : précollecte de proximité et filières de recyclage",
      summary:
        "Le District Autonome d'Abidjan organise la précollecte des déchets dans les quartiers précaires avec des groupements de jeunes et de femmes, et structure des filières de recyclage du plastique et de compostage.",
      description:
        "Des groupements de précollecte équipés de tricycles assurent le lien entre les ménages et les points de regroupement. Les plastiques sont transformés en pavés et en matériaux de construction par de petites entreprises locales. Les déchets organiques alimentent des plateformes de compostage au service du maraîchage urbain.",
      localGlobalLink:
        "Le HUB contribue à la cible 11.6 sur la gestion des déchets municipaux et à la cible 12.5 sur la réduction et le recyclage des déchets.",
      acceleration:
        "La reconnaissance officielle des précollecteurs et leur intégration au service public améliorent à la fois la couverture et les revenus.",
      synchronisation:
        "Abidjan échange avec Montevideo et les autres HUBs déchets du réseau sur l'inclusion des travailleurs informels du recyclage.",
    },
    translations: {
      en: {
        title: "Abidjan turns waste into value: door-to-door collection and recycling chains",
        summary:
          "The Autonomous District of Abidjan organises door-to-door waste collection in informal neighbourhoods with youth and women's groups, and builds recycling chains for plastic and compost.",
        description:
          "Collection groups equipped with tricycles link households to transfer points. Plastics are turned into paving blocks and building materials by small local businesses. Organic waste feeds composting platforms that supply urban market gardens.",
        localGlobalLink:
          "The HUB contributes to target 11.6 on municipal waste management and target 12.5 on reducing and recycling waste.",
        acceleration:
          "Officially recognising informal collectors and integrating them into the public service improves both coverage and incomes.",
        synchronisation:
          "Abidjan exchanges with Montevideo and the other waste HUBs in the network on including informal recycling workers.",
      },
    },
    theme: "water-sanitation",
    latitude: 5.36,
    longitude: -4.0083,
    goals: [11, 12, 8],
    targets: ["11.6", "12.5", "8.3"],
    startDate: "2025-03-01",
    endDate: "2027-02-28",
    outcomes: [
      {
        statement: "Étendre la précollecte dans les quartiers ciblés",
        indicator: "Taux de couverture de la précollecte",
        baseline: 35,
        targetValue: 70,
        unit: "%",
        milestone: null,
        dueDate: "2027-01-31",
      },
      {
        statement: "Développer le recyclage du plastique",
        indicator: "Plastique recyclé par les filières locales",
        baseline: 0,
        targetValue: 1200,
        unit: "t/an",
        milestone: null,
        dueDate: "2026-12-31",
      },
    ],
    partners: [
      "Agence nationale de gestion des déchets (ANAGED)",
      "Université Félix Houphouët-Boigny",
      "Groupements de femmes et de jeunes précollecteurs",
    ],
    contactEmail: "dechets@abidjan.example.org",
    website: "https://abidjan.example.org/hub-valorisation-dechets",
  },
  {
    slug: "yaounde-safe-markets-women-traders",
    leadOrganisation: "yaounde",
    participants: [],
    originalLanguage: "fr",
    texts: {
      title: "Marchés sûrs et inclusifs pour les commerçantes de Yaoundé",
      summary:
        "La Communauté Urbaine de Yaoundé réaménage ses grands marchés avec éclairage, sanitaires séparés, garderies et comités de gestion paritaires afin de garantir sécurité et autonomie économique aux commerçantes.",
      description:
        "Les commerçantes, majoritaires dans les marchés, participent aux diagnostics de sécurité et aux choix d'aménagement. Le HUB finance l'éclairage, des sanitaires et des espaces de garde d'enfants. Des comités de gestion paritaires et un accès facilité au microcrédit renforcent leur autonomie économique.",
      localGlobalLink:
        "L'initiative localise la cible 5.2 sur l'élimination des violences faites aux femmes dans l'espace public et la cible 5.5 sur leur pleine participation aux décisions.",
      acceleration:
        "Les marchés étant des lieux centraux de la vie économique, chaque amélioration touche des milliers de femmes à la fois.",
      synchronisation:
        "Yaoundé partage sa démarche avec le HUB de Ciudad de México sur les soins et avec le réseau des femmes élues locales d'Afrique.",
    },
    translations: {
      en: {
        title: "Safe and inclusive markets for women traders in Yaoundé",
        summary:
          "The Yaoundé Urban Community is upgrading its main markets with lighting, separate toilets, childcare and gender-balanced management committees to ensure safety and economic autonomy for women traders.",
      },
      es: {
        title: "Mercados seguros e inclusivos para las comerciantes de Yaundé",
        summary:
          "La Comunidad Urbana de Yaundé reforma sus grandes mercados con iluminación, aseos separados, guarderías y comités de gestión paritarios para garantizar la seguridad y la autonomía económica de las comerciantes.",
      },
    },
    theme: "gender-equality",
    latitude: 3.848,
    longitude: 11.5021,
    goals: [5, 8, 11],
    targets: ["5.2", "5.5", "8.3", "11.7"],
    startDate: "2024-11-01",
    endDate: "2026-10-31",
    outcomes: [
      {
        statement: "Renforcer le sentiment de sécurité des commerçantes",
        indicator: "Commerçantes déclarant se sentir en sécurité au marché",
        baseline: 40,
        targetValue: 75,
        unit: "%",
        milestone: null,
        dueDate: "2026-09-30",
      },
      {
        statement: "Partager la gestion des marchés entre femmes et hommes",
        indicator: "Comités de gestion paritaires",
        baseline: null,
        targetValue: null,
        unit: null,
        milestone: "Comités de gestion paritaires installés dans cinq marchés",
        dueDate: "2025-10-31",
      },
    ],
    partners: [
      "ONU Femmes Cameroun",
      "Université de Yaoundé I",
      "Associations de commerçantes",
    ],
    contactEmail: "marches@yaounde.example.org",
    website: "https://yaounde.example.org/hub-marches-surs",
  },
  {
    slug: "brazzaville-green-belt-erosion",
    leadOrganisation: "brazzaville",
    participants: [],
    originalLanguage: "fr",
    texts: {
      title: "Ceinture verte de Brazzaville : reboisement urbain et lutte contre l'érosion",
      summary:
        "Brazzaville reboise les collines et les ravines de ses arrondissements périphériques grâce à des pépinières communautaires, afin de freiner l'érosion, protéger les habitations et créer une ceinture verte autour de la ville.",
      description:
        "L'érosion ravinante menace des quartiers entiers sur les pentes sableuses de la ville. Le HUB installe des pépinières communautaires, plante des espèces locales et des bambous sur les versants et accompagne des ouvrages anti-érosifs légers. Les écoles participent à des programmes d'éducation environnementale.",
      localGlobalLink:
        "Le HUB articule la cible 15.3 sur la restauration des terres dégradées et la cible 13.3 sur l'éducation et la sensibilisation au changement climatique.",
      acceleration:
        "Les pépinières gérées par des groupements locaux produisent des plants à faible coût et créent des revenus qui pérennisent l'entretien.",
      synchronisation:
        "Brazzaville échange avec eThekwini et Medellín sur les solutions fondées sur la nature en milieu urbain.",
    },
    translations: {
      en: {
        title: "Brazzaville green belt: urban reforestation against erosion",
        summary:
          "Brazzaville is reforesting the hills and gullies of its outer districts through community tree nurseries, to slow down erosion, protect homes and create a green belt around the city.",
        description:
          "Gully erosion threatens entire neighbourhoods on the city's sandy slopes. The HUB sets up community nurseries, plants local species and bamboo on the slopes and supports light anti-erosion works. Schools take part in environmental education programmes.",
        localGlobalLink:
          "The HUB connects target 15.3 on restoring degraded land with target 13.3 on climate change education and awareness.",
        acceleration:
          "Nurseries run by local groups produce seedlings at low cost and generate income that keeps maintenance going.",
        synchronisation:
          "Brazzaville exchanges with eThekwini and Medellín on nature-based solutions in cities.",
      },
      es: {
        title: "Cinturón verde de Brazzaville: reforestación urbana contra la erosión",
        summary:
          "Brazzaville reforesta las colinas y cárcavas de sus distritos periféricos con viveros comunitarios para frenar la erosión, proteger las viviendas y crear un cinturón verde alrededor de la ciudad.",
        description:
          "La erosión en cárcavas amenaza barrios enteros en las laderas arenosas de la ciudad. El HUB instala viveros comunitarios, planta especies locales y bambú en las laderas y apoya obras ligeras contra la erosión. Las escuelas participan en programas de educación ambiental.",
        localGlobalLink:
          "El HUB articula la meta 15.3 sobre la restauración de tierras degradadas con la meta 13.3 sobre educación y sensibilización frente al cambio climático.",
        acceleration:
          "Los viveros gestionados por grupos locales producen plantones a bajo costo y generan ingresos que aseguran el mantenimiento.",
        synchronisation:
          "Brazzaville intercambia con eThekwini y Medellín sobre soluciones basadas en la naturaleza en entornos urbanos.",
      },
    },
    theme: "climate-energy",
    latitude: -4.2634,
    longitude: 15.2429,
    goals: [15, 13, 11],
    targets: ["15.2", "15.3", "13.3", "11.7"],
    startDate: "2025-11-01",
    endDate: "2027-10-31",
    outcomes: [
      {
        statement: "Reboiser les versants exposés à l'érosion",
        indicator: "Arbres plantés et suivis",
        baseline: 0,
        targetValue: 150000,
        unit: "arbres",
        milestone: null,
        dueDate: "2027-09-30",
      },
      {
        statement: "Stabiliser les versants des arrondissements périphériques",
        indicator: "Surface de versants stabilisés",
        baseline: 0,
        targetValue: 120,
        unit: "ha",
        milestone: null,
        dueDate: "2027-10-15",
      },
      {
        statement: "Structurer un réseau de pépinières communautaires",
        indicator: "Pépinières communautaires",
        baseline: null,
        targetValue: null,
        unit: null,
        milestone: "Dix pépinières communautaires en activité",
        dueDate: "2026-06-30",
      },
    ],
    partners: [
      "Université Marien Ngouabi",
      "Services de l'État chargés de l'environnement",
      "Groupements de jeunes et de femmes des arrondissements",
    ],
    contactEmail: "ceinture-verte@brazzaville.example.org",
    website: "https://brazzaville.example.org/hub-ceinture-verte",
  },
  {
    slug: "tunis-medina-decent-housing",
    leadOrganisation: "tunis",
    participants: ["sfax"],
    originalLanguage: "fr",
    texts: {
      title: "Réhabilitation des oukalas et habitat digne dans la Médina de Tunis",
      summary:
        "La Commune de Tunis réhabilite d'anciennes demeures collectives de la Médina, les oukalas, pour offrir un logement digne à leurs occupants tout en préservant le patrimoine architectural.",
      description:
        "De nombreuses familles vivent dans des demeures anciennes surpeuplées et dégradées. Le HUB finance la restauration des structures, des réseaux et des parties communes, en maintenant les habitants sur place. Des artisans locaux de la pierre et du bois sont mobilisés et des jeunes sont formés aux techniques traditionnelles.",
      localGlobalLink:
        "Le HUB associe la cible 11.1 sur l'accès à un logement adéquat et la cible 11.4 sur la sauvegarde du patrimoine culturel.",
      acceleration:
        "La réhabilitation sans déplacement des habitants évite l'éviction des familles modestes et mobilise l'économie artisanale de la Médina.",
      synchronisation:
        "Tunis coopère avec Sfax et partage son expérience avec les HUBs patrimoniaux de Cuenca et de Chefchaouen.",
    },
    translations: {
      en: {
        title: "Restoring oukalas for decent housing in the Medina of Tunis",
        summary:
          "The Municipality of Tunis is restoring old shared houses in the Medina, known as oukalas, to provide decent homes for their residents while preserving the architectural heritage.",
        description:
          "Many families live in old, overcrowded and run-down houses. The HUB funds the restoration of structures, utilities and shared spaces while keeping residents in place. Local stone and wood craftspeople are involved and young people are trained in traditional techniques.",
        localGlobalLink:
          "The HUB combines target 11.1 on access to adequate housing with target 11.4 on safeguarding cultural heritage.",
        acceleration:
          "Restoring homes without moving residents out prevents the displacement of low-income families and supports the Medina's craft economy.",
        synchronisation:
          "Tunis works with Sfax and shares its experience with the heritage HUBs of Cuenca and Chefchaouen.",
      },
    },
    theme: "housing",
    latitude: 36.7986,
    longitude: 10.17,
    goals: [11, 1, 10],
    targets: ["11.1", "11.4", "1.4"],
    startDate: "2024-03-01",
    endDate: "2027-02-28",
    outcomes: [
      {
        statement: "Offrir un logement digne aux familles des oukalas",
        indicator: "Logements réhabilités dans la Médina",
        baseline: 0,
        targetValue: 300,
        unit: "logements",
        milestone: null,
        dueDate: "2027-01-31",
      },
      {
        statement: "Encadrer les travaux par une charte patrimoniale",
        indicator: "Charte de réhabilitation",
        baseline: null,
        targetValue: null,
        unit: null,
        milestone: "Charte de réhabilitation patrimoniale adoptée par le conseil municipal",
        dueDate: "2024-12-31",
      },
    ],
    partners: [
      "Association de Sauvegarde de la Médina de Tunis",
      "Institut national du patrimoine",
      "École nationale d'architecture et d'urbanisme de Tunis",
    ],
    contactEmail: "medina@tunis.example.org",
    website: "https://tunis.example.org/hub-medina",
  },
  {
    slug: "chefchaouen-sustainable-mountain-tourism",
    leadOrganisation: "chefchaouen",
    participants: ["uclg-africa"],
    originalLanguage: "fr",
    texts: {
      title: "Chefchaouen, ville verte de montagne : tourisme durable et sources protégées",
      summary:
        "Chefchaouen encadre la croissance touristique de sa médina bleue grâce à une contribution touristique locale, à la protection des sources de Ras El Maa et à l'appui aux coopératives d'artisanes et de guides de montagne.",
      description:
        "Le HUB met en place une contribution touristique dont les recettes financent la gestion des déchets et la protection des sources. Des coopératives de femmes artisanes et des guides du Rif sont formés à l'accueil responsable. Un observatoire local suit la fréquentation et ses effets sur l'eau et le logement.",
      localGlobalLink:
        "Le HUB applique la cible 8.9 sur un tourisme durable créateur d'emplois et la cible 12.b sur le suivi de ses impacts.",
      acceleration:
        "La contribution touristique crée une ressource stable qui finance directement la protection de l'environnement.",
      synchronisation:
        "Avec l'appui de CGLU Afrique, Chefchaouen partage son approche avec d'autres villes intermédiaires africaines et avec le HUB de Cuenca.",
    },
    translations: {
      en: {
        title: "Chefchaouen, green mountain town: sustainable tourism and protected springs",
        summary:
          "Chefchaouen manages tourism growth in its blue medina with a local visitor contribution, the protection of the Ras El Maa springs and support for women artisans' cooperatives and mountain guides.",
      },
      es: {
        title: "Chefchaouen, ciudad verde de montaña: turismo sostenible y manantiales protegidos",
        summary:
          "Chefchaouen regula el crecimiento turístico de su medina azul con una contribución turística local, la protección de los manantiales de Ras El Maa y el apoyo a cooperativas de artesanas y guías de montaña.",
      },
    },
    theme: "local-economy",
    latitude: 35.1688,
    longitude: -5.2636,
    goals: [8, 12, 6],
    targets: ["8.9", "12.b", "6.6"],
    startDate: "2025-04-15",
    endDate: "2027-04-14",
    outcomes: [
      {
        statement: "Soutenir les coopératives locales du tourisme et de l'artisanat",
        indicator: "Coopératives bénéficiant d'un appui",
        baseline: 6,
        targetValue: 20,
        unit: "coopératives",
        milestone: null,
        dueDate: "2026-12-31",
      },
      {
        statement: "Suivre les effets du tourisme sur le territoire",
        indicator: "Observatoire local du tourisme durable",
        baseline: null,
        targetValue: null,
        unit: null,
        milestone: "Observatoire local du tourisme durable opérationnel",
        dueDate: "2026-04-30",
      },
    ],
    partners: [
      "Université Abdelmalek Essaâdi",
      "Coopératives d'artisanes de Chefchaouen",
      "Associations de guides de montagne du Rif",
    ],
    contactEmail: "tourisme@chefchaouen.example.org",
    website: "https://chefchaouen.example.org/hub-tourisme-durable",
  },
  {
    slug: "ethekwini-ecosystem-based-adaptation",
    leadOrganisation: "ethekwini",
    participants: [],
    originalLanguage: "en",
    texts: {
      title: "Community ecosystem-based adaptation in eThekwini's river catchments",
      summary:
        "eThekwini Municipality restores river catchments with community ecopreneurs who clear invasive plants, replant indigenous forest and monitor flood risk, protecting homes and creating green jobs.",
      description:
        "Building on years of community reforestation, the HUB expands restoration to catchments hit by recent floods. Local cooperatives are contracted to remove invasive alien plants, grow indigenous seedlings and maintain riverbanks. Community monitors report blockages and erosion through a mobile tool linked to the municipal disaster management centre.",
      localGlobalLink:
        "The HUB localises target 13.1 on climate resilience and target 15.1 on freshwater ecosystems as part of the municipality's Climate Action Plan.",
      acceleration:
        "Paying communities to restore ecosystems turns adaptation into a source of livelihoods, which keeps restoration going long after planting.",
      synchronisation:
        "eThekwini shares its ecosystem-based adaptation model with Brazzaville, Kigali and other African HUBs through peer learning visits.",
    },
    translations: {
      es: {
        title: "Adaptación comunitaria basada en ecosistemas en las cuencas de eThekwini",
        summary:
          "El municipio de eThekwini restaura cuencas fluviales con emprendedores ambientales comunitarios que eliminan plantas invasoras, replantan bosque nativo y vigilan el riesgo de inundación, protegiendo viviendas y creando empleo verde.",
        description:
          "A partir de años de reforestación comunitaria, el HUB extiende la restauración a las cuencas afectadas por las inundaciones recientes. Cooperativas locales son contratadas para eliminar especies invasoras, cultivar plántulas nativas y mantener las riberas. Monitores comunitarios informan de obstrucciones y erosión mediante una aplicación móvil conectada al centro municipal de gestión de desastres.",
        localGlobalLink:
          "El HUB localiza la meta 13.1 sobre resiliencia climática y la meta 15.1 sobre ecosistemas de agua dulce, como parte del Plan de Acción Climática del municipio.",
        acceleration:
          "Remunerar a las comunidades por restaurar ecosistemas convierte la adaptación en una fuente de medios de vida que sostiene la restauración mucho después de la plantación.",
        synchronisation:
          "eThekwini comparte su modelo de adaptación basada en ecosistemas con Brazzaville, Kigali y otros HUBs africanos mediante visitas de aprendizaje entre pares.",
      },
      fr: {
        title: "Adaptation communautaire fondée sur les écosystèmes dans les bassins d'eThekwini",
        summary:
          "La municipalité d'eThekwini restaure des bassins versants avec des écoentrepreneurs communautaires qui arrachent les plantes invasives, replantent la forêt indigène et surveillent le risque d'inondation, tout en créant des emplois verts.",
        description:
          "S'appuyant sur des années de reboisement communautaire, le HUB étend la restauration aux bassins touchés par les inondations récentes. Des coopératives locales sont rémunérées pour éliminer les espèces exotiques envahissantes, cultiver des plants indigènes et entretenir les berges. Des veilleurs communautaires signalent les obstructions et l'érosion via une application reliée au centre municipal de gestion des catastrophes.",
        localGlobalLink:
          "Le HUB localise la cible 13.1 sur la résilience climatique et la cible 15.1 sur les écosystèmes d'eau douce, dans le cadre du Plan d'action climat de la municipalité.",
        acceleration:
          "Rémunérer les communautés pour restaurer les écosystèmes fait de l'adaptation une source de revenus, ce qui prolonge la restauration bien après la plantation.",
        synchronisation:
          "eThekwini partage son modèle d'adaptation fondée sur les écosystèmes avec Brazzaville, Kigali et d'autres HUBs africains lors de visites d'apprentissage entre pairs.",
      },
    },
    theme: "climate-energy",
    latitude: -29.8587,
    longitude: 31.0218,
    goals: [13, 15, 1],
    targets: ["13.1", "15.1", "15.5", "1.5"],
    startDate: "2024-08-01",
    endDate: "2027-07-31",
    outcomes: [
      {
        statement: "Restore degraded river catchments",
        indicator: "Hectares of catchment under active restoration",
        baseline: 700,
        targetValue: 1500,
        unit: "ha",
        milestone: null,
        dueDate: "2027-06-30",
      },
      {
        statement: "Create green jobs in restoration",
        indicator: "Community restoration jobs created",
        baseline: 0,
        targetValue: 900,
        unit: "jobs",
        milestone: null,
        dueDate: "2027-07-15",
      },
      {
        statement: "Set up community flood monitoring",
        indicator: "Community flood monitoring network",
        baseline: null,
        targetValue: null,
        unit: null,
        milestone: "Community flood monitoring network active in five catchments",
        dueDate: "2025-12-31",
      },
    ],
    partners: [
      "University of KwaZulu-Natal",
      "South African National Biodiversity Institute",
      "Community-based restoration cooperatives",
    ],
    contactEmail: "adaptation@ethekwini.example.org",
    website: "https://ethekwini.example.org/hub-eba",
  },
  {
    slug: "kigali-car-free-zones-safe-routes",
    leadOrganisation: "kigali",
    participants: ["nairobi"],
    originalLanguage: "en",
    texts: {
      title: "Car-free zones and safe routes to school in Kigali",
      summary:
        "The City of Kigali is extending car-free streets, pedestrian crossings and protected walking routes to schools, making walking and cycling safer for children and reducing air pollution in busy neighbourhoods.",
      description:
        "Following the success of regular car-free days, the HUB creates permanent car-free zones in neighbourhood centres. Safe routes connect homes, schools and bus stops with sidewalks, lighting and traffic calming. Schools and parents help map dangerous spots and monitor traffic speeds.",
      localGlobalLink:
        "The HUB contributes to target 11.2 on safe and accessible transport systems and to target 3.6 on road traffic deaths and injuries.",
      acceleration:
        "Combining permanent street redesign with community events speeds up public acceptance of giving street space back to people.",
      synchronisation:
        "Kigali works with Nairobi and Bogotá to exchange street design standards for active mobility.",
    },
    translations: {
      fr: {
        title: "Zones sans voiture et chemins sûrs vers l'école à Kigali",
        summary:
          "La Ville de Kigali étend les rues sans voiture, les passages piétons et les itinéraires protégés vers les écoles, pour rendre la marche et le vélo plus sûrs pour les enfants et réduire la pollution de l'air.",
        description:
          "Forte du succès des journées sans voiture régulières, le HUB crée des zones piétonnes permanentes dans les centres de quartier. Des itinéraires sûrs relient logements, écoles et arrêts de bus avec trottoirs, éclairage et apaisement de la circulation. Écoles et parents contribuent à cartographier les points dangereux et à mesurer les vitesses.",
        localGlobalLink:
          "Le HUB contribue à la cible 11.2 sur des systèmes de transport sûrs et accessibles et à la cible 3.6 sur les accidents de la route.",
        acceleration:
          "L'association de réaménagements permanents et d'événements de quartier accélère l'acceptation du partage de la rue au profit des piétons.",
        synchronisation:
          "Kigali travaille avec Nairobi et Bogotá pour échanger des normes d'aménagement en faveur de la mobilité active.",
      },
    },
    theme: "mobility",
    latitude: -1.9441,
    longitude: 30.0619,
    goals: [11, 3],
    targets: ["11.2", "3.6", "3.9"],
    startDate: "2026-02-01",
    endDate: "2028-01-31",
    outcomes: [
      {
        statement: "Give every participating school a protected walking route",
        indicator: "Schools with a protected safe route",
        baseline: 5,
        targetValue: 40,
        unit: "schools",
        milestone: null,
        dueDate: "2027-12-31",
      },
      {
        statement: "Improve air quality in car-free zones",
        indicator: "Annual mean PM2.5 concentration in car-free zones",
        baseline: 45,
        targetValue: 30,
        unit: "µg/m³",
        milestone: null,
        dueDate: "2027-10-31",
      },
    ],
    partners: [
      "University of Rwanda",
      "Rwanda Environment Management Authority",
      "Parents' and teachers' associations",
    ],
    contactEmail: "mobility@kigali.example.org",
    website: "https://kigali.example.org/hub-safe-routes",
  },

  // =========================================================================
  // Asia-Pacific
  // =========================================================================
  {
    slug: "seoul-digital-inclusion-older-residents",
    leadOrganisation: "seoul",
    participants: ["busan"],
    originalLanguage: "en",
    texts: {
      title: "Digital inclusion for older residents in Seoul",
      summary:
        "Seoul Metropolitan Government trains digital companions and opens neighbourhood help desks so that older residents can use kiosks, mobile payments and public e-services with confidence.",
      description:
        "Many public and commercial services have moved to kiosks and apps, leaving older residents behind. The HUB recruits and trains digital companions, including retired volunteers, who offer one-to-one help in community centres. Easy-to-use interfaces are tested with older users before new public services are launched.",
      localGlobalLink:
        "The HUB links target 10.2 on the social inclusion of all, irrespective of age, with target 17.8 on the use of enabling technology.",
      acceleration:
        "Co-designing services with older users prevents exclusion from the start instead of fixing it later.",
      synchronisation:
        "Seoul shares its training curriculum with Busan and with the Los Angeles data HUB.",
    },
    translations: {
      es: {
        title: "Inclusión digital de las personas mayores en Seúl",
        summary:
          "El Gobierno Metropolitano de Seúl forma a acompañantes digitales y abre puntos de ayuda en los barrios para que las personas mayores utilicen con confianza quioscos, pagos móviles y servicios públicos en línea.",
      },
    },
    theme: "digital-data",
    latitude: 37.5665,
    longitude: 126.978,
    goals: [10, 9, 17],
    targets: ["10.2", "9.c", "17.8"],
    startDate: "2025-08-01",
    endDate: "2027-07-31",
    outcomes: [
      {
        statement: "Train older residents in everyday digital skills",
        indicator: "Older residents trained by digital companions",
        baseline: 0,
        targetValue: 50000,
        unit: "people",
        milestone: null,
        dueDate: "2027-06-30",
      },
      {
        statement: "Make accessibility testing part of every new city service",
        indicator: "Accessibility testing rule",
        baseline: null,
        targetValue: null,
        unit: null,
        milestone: "Testing with older users made mandatory for new city apps and kiosks",
        dueDate: "2026-06-30",
      },
    ],
    partners: [
      "Seoul Digital Foundation",
      "Senior welfare centres",
      "Seoul National University",
    ],
    contactEmail: "digital@seoul.example.org",
    website: "https://seoul.example.org/hub-digital-inclusion",
  },
  {
    slug: "bangkok-15-minute-pocket-parks",
    leadOrganisation: "bangkok",
    participants: [],
    originalLanguage: "en",
    texts: {
      title: "15-minute pocket parks for Bangkok",
      summary:
        "Bangkok Metropolitan Administration turns vacant plots, canal banks and underused land into small public parks, so that every resident can reach green space within a 15-minute walk.",
      description:
        "The HUB works with landowners, temples and communities to lease or donate unused plots. Each pocket park is co-designed with nearby residents and includes shade trees, seating and exercise areas. Canal-side parks also help absorb stormwater during the monsoon.",
      localGlobalLink:
        "The HUB localises target 11.7 on universal access to green and public spaces and supports physical and mental health under target 3.4.",
      acceleration:
        "Using small, scattered plots makes it possible to add green space quickly in dense districts where large parks are impossible.",
      synchronisation:
        "Bangkok exchanges design guidelines with Kazan and Montréal and reports progress to the Local4Action network.",
    },
    translations: {
      fr: {
        title: "Des parcs de poche à 15 minutes pour Bangkok",
        summary:
          "L'Administration métropolitaine de Bangkok transforme terrains vacants, berges de canaux et parcelles sous-utilisées en petits parcs publics, afin que chaque habitant dispose d'un espace vert à moins de 15 minutes à pied.",
        description:
          "Le HUB travaille avec des propriétaires, des temples et des communautés pour louer ou recevoir en don des terrains inutilisés. Chaque parc de poche est conçu avec les riverains et comprend arbres d'ombrage, bancs et espaces d'exercice. Les parcs en bord de canal contribuent aussi à absorber les eaux pluviales pendant la mousson.",
        localGlobalLink:
          "Le HUB localise la cible 11.7 sur l'accès universel aux espaces verts et publics et soutient la santé physique et mentale au titre de la cible 3.4.",
        acceleration:
          "L'utilisation de petites parcelles dispersées permet d'ajouter rapidement des espaces verts dans des quartiers denses où de grands parcs sont impossibles.",
        synchronisation:
          "Bangkok échange des principes d'aménagement avec Kazan et Montréal et rend compte de ses progrès au réseau Local4Action.",
      },
    },
    theme: "climate-energy",
    latitude: 13.7563,
    longitude: 100.5018,
    goals: [11, 3, 13],
    targets: ["11.7", "3.4", "13.1"],
    startDate: "2025-01-01",
    endDate: "2026-12-31",
    outcomes: [
      {
        statement: "Open new pocket parks across the city",
        indicator: "Pocket parks opened",
        baseline: 20,
        targetValue: 120,
        unit: "parks",
        milestone: null,
        dueDate: "2026-12-15",
      },
      {
        statement: "Bring green space within walking distance of residents",
        indicator: "Residents living within a 15-minute walk of a park",
        baseline: 55,
        targetValue: 80,
        unit: "%",
        milestone: null,
        dueDate: "2026-12-15",
      },
    ],
    partners: [
      "Chulalongkorn University",
      "Canal-side community organisations",
      "Private landowners and temples",
    ],
    contactEmail: "parks@bangkok.example.org",
    website: "https://bangkok.example.org/hub-pocket-parks",
  },
  {
    slug: "jakarta-piped-water-coastal-resilience",
    leadOrganisation: "jakarta",
    participants: ["surabaya"],
    originalLanguage: "en",
    texts: {
      title: "Piped water and coastal resilience in North Jakarta",
      summary:
        "The Provincial Government of DKI Jakarta extends piped water to coastal neighbourhoods to reduce groundwater extraction, a key cause of land subsidence, while restoring mangroves along the northern coast.",
      description:
        "Excessive groundwater pumping makes parts of North Jakarta sink every year. The HUB connects households and businesses to the piped network and gradually restricts deep wells. Community groups replant and monitor the mangroves that protect the shoreline from storm surges.",
      localGlobalLink:
        "The HUB connects target 6.1 on safe drinking water with target 11.5 on disaster risk and target 14.2 on coastal ecosystems.",
      acceleration:
        "Tackling the cause of subsidence, not only its consequences, reduces the long-term cost of coastal protection.",
      synchronisation:
        "Jakarta shares lessons with Surabaya and with the Dakar HUB on flood resilience.",
    },
    translations: {
      es: {
        title: "Agua por red y resiliencia costera en Yakarta Norte",
        summary:
          "El Gobierno Provincial de Yakarta extiende el agua por red a los barrios costeros para reducir la extracción de agua subterránea, causa principal del hundimiento del suelo, y restaura manglares en la costa norte.",
      },
      fr: {
        title: "Eau courante et résilience côtière au nord de Jakarta",
        summary:
          "Le gouvernement provincial de Jakarta raccorde les quartiers côtiers au réseau d'eau afin de réduire les prélèvements d'eau souterraine, principale cause de l'affaissement des sols, et restaure les mangroves du littoral nord.",
      },
    },
    theme: "water-sanitation",
    latitude: -6.2088,
    longitude: 106.8456,
    goals: [6, 11, 14],
    targets: ["6.1", "11.5", "14.2"],
    startDate: "2024-06-01",
    endDate: "2027-05-31",
    outcomes: [
      {
        statement: "Connect coastal households to the piped water network",
        indicator: "Households in coastal sub-districts connected to piped water",
        baseline: 45,
        targetValue: 75,
        unit: "%",
        milestone: null,
        dueDate: "2027-03-31",
      },
      {
        statement: "Restore mangroves along the northern coast",
        indicator: "Mangrove area restored",
        baseline: 0,
        targetValue: 60,
        unit: "ha",
        milestone: null,
        dueDate: "2027-05-15",
      },
    ],
    partners: [
      "PAM Jaya, municipal water utility",
      "Universitas Indonesia",
      "Coastal fishing communities",
    ],
    contactEmail: "water@jakarta.example.org",
    website: "https://jakarta.example.org/hub-coastal-water",
  },
  {
    slug: "yokohama-zero-carbon-neighbourhoods",
    leadOrganisation: "yokohama",
    participants: ["bhubaneswar"],
    originalLanguage: "en",
    texts: {
      title: "Zero-carbon neighbourhoods and city-to-city energy cooperation",
      summary:
        "Yokohama pilots zero-carbon neighbourhoods with rooftop solar, shared batteries and energy-efficient homes, and shares its approach with partner cities in Asia through technical cooperation.",
      description:
        "In selected neighbourhoods, households, schools and shops join a local energy scheme combining rooftop solar, shared storage and demand response. Residents receive free energy audits and support for insulation. The lessons feed a technical cooperation programme with partner cities in South and Southeast Asia.",
      localGlobalLink:
        "The HUB contributes to target 7.2 on renewable energy and to target 13.2 by integrating climate measures into the city's decarbonisation strategy.",
      acceleration:
        "Neighbourhood-scale energy sharing lets households without suitable roofs also benefit from local renewable power.",
      synchronisation:
        "Yokohama works with Bhubaneswar on rooftop solar for public buildings and shares data with the Seville and Madrid energy HUBs.",
    },
    translations: {
      es: {
        title: "Barrios de cero emisiones y cooperación energética entre ciudades",
        summary:
          "Yokohama pone a prueba barrios de cero emisiones con energía solar en tejados, baterías compartidas y viviendas eficientes, y comparte su enfoque con ciudades socias de Asia mediante cooperación técnica.",
      },
      fr: {
        title: "Quartiers zéro carbone et coopération énergétique entre villes",
        summary:
          "Yokohama expérimente des quartiers zéro carbone avec du solaire en toiture, des batteries partagées et des logements économes, et partage son approche avec des villes partenaires d'Asie par la coopération technique.",
      },
    },
    theme: "climate-energy",
    latitude: 35.4437,
    longitude: 139.638,
    goals: [7, 13, 17],
    targets: ["7.2", "13.2", "17.9"],
    startDate: "2026-04-01",
    endDate: "2028-03-31",
    outcomes: [
      {
        statement: "Increase rooftop solar in pilot neighbourhoods",
        indicator: "Rooftop solar capacity installed in pilot neighbourhoods",
        baseline: 2,
        targetValue: 12,
        unit: "MW",
        milestone: null,
        dueDate: "2027-12-31",
      },
      {
        statement: "Transfer the approach to a partner city",
        indicator: "Joint rooftop solar plan with Bhubaneswar",
        baseline: null,
        targetValue: null,
        unit: null,
        milestone: "Joint rooftop solar plan for public buildings agreed with Bhubaneswar",
        dueDate: "2027-03-31",
      },
    ],
    partners: [
      "Yokohama National University",
      "Local energy companies",
      "Neighbourhood associations",
    ],
    contactEmail: "zerocarbon@yokohama.example.org",
    website: "https://yokohama.example.org/hub-zero-carbon",
  },

  // =========================================================================
  // Eurasia
  // =========================================================================
  {
    slug: "kazan-accessible-public-spaces",
    leadOrganisation: "kazan",
    participants: [],
    originalLanguage: "en",
    texts: {
      title: "Public spaces for everyone: accessible embankments and parks in Kazan",
      summary:
        "Kazan redesigns embankments and neighbourhood parks with residents so that they are accessible to people with disabilities, families and older people, and hosts a year-round programme of free cultural events.",
      description:
        "The HUB uses participatory design sessions to shape each renovated space. Step-free routes, tactile paving, shaded seating and accessible toilets become standard requirements. Local cultural organisations run free concerts, workshops and festivals that bring different communities together.",
      localGlobalLink:
        "The HUB implements target 11.7 on safe, inclusive and accessible public spaces, with particular attention to persons with disabilities.",
      acceleration:
        "City-wide accessibility standards ensure that every new public space is inclusive from the design stage.",
      synchronisation:
        "Kazan shares its participatory design methods with Almaty and Astana through the UCLG Eurasia section.",
    },
    translations: {
      fr: {
        title: "Des espaces publics pour toutes et tous : quais et parcs accessibles à Kazan",
        summary:
          "Kazan réaménage ses quais et parcs de quartier avec les habitants pour les rendre accessibles aux personnes handicapées, aux familles et aux personnes âgées, et y propose toute l'année des événements culturels gratuits.",
        description:
          "Le HUB s'appuie sur des ateliers de conception participative pour chaque espace rénové. Cheminements sans marche, bandes podotactiles, bancs ombragés et toilettes accessibles deviennent des exigences standard. Des organisations culturelles locales animent concerts, ateliers et festivals gratuits qui rassemblent les différentes communautés.",
        localGlobalLink:
          "Le HUB met en œuvre la cible 11.7 sur des espaces publics sûrs, inclusifs et accessibles, avec une attention particulière aux personnes handicapées.",
        acceleration:
          "Des normes d'accessibilité à l'échelle de la ville garantissent que chaque nouvel espace public est inclusif dès la conception.",
        synchronisation:
          "Kazan partage ses méthodes de conception participative avec Almaty et Astana au sein de la section Eurasie de CGLU.",
      },
    },
    theme: "culture",
    latitude: 55.7963,
    longitude: 49.1088,
    goals: [11, 10],
    targets: ["11.7", "11.4", "10.2"],
    startDate: "2024-05-15",
    endDate: "2026-12-31",
    outcomes: [
      {
        statement: "Renovate public spaces to full accessibility standards",
        indicator: "Renovated public spaces meeting accessibility standards",
        baseline: 10,
        targetValue: 35,
        unit: "spaces",
        milestone: null,
        dueDate: "2026-11-30",
      },
      {
        statement: "Bring cultural life to public spaces",
        indicator: "Free cultural events held in public spaces",
        baseline: 150,
        targetValue: 400,
        unit: "events/year",
        milestone: null,
        dueDate: "2026-12-15",
      },
    ],
    partners: [
      "Kazan Federal University",
      "Organisations of persons with disabilities",
      "Local cultural centres",
    ],
    contactEmail: "publicspaces@kazan.example.org",
    website: "https://kazan.example.org/hub-public-spaces",
  },
  {
    slug: "almaty-clean-air",
    leadOrganisation: "almaty",
    participants: ["shymkent"],
    originalLanguage: "en",
    texts: {
      title: "Clean Air Almaty: electric buses and cleaner heating",
      summary:
        "Almaty tackles winter smog by expanding its electric bus fleet and dedicated bus lanes, and by helping households in private-housing districts switch from coal stoves to cleaner heating.",
      description:
        "Air pollution in Almaty peaks in winter, when cold air traps emissions in the mountain basin. The HUB renews bus routes with electric vehicles and dedicated lanes and connects private-housing districts to gas or electric heating. A public network of air quality sensors tracks progress.",
      localGlobalLink:
        "The HUB addresses target 11.6 on urban air quality and target 3.9 on illnesses caused by air pollution.",
      acceleration:
        "Acting at once on transport and household heating addresses the two main sources of winter pollution.",
      synchronisation:
        "Almaty shares monitoring methods with Shymkent and exchanges with the Bishkek HUB on community engagement.",
    },
    translations: {
      es: {
        title: "Aire limpio en Almaty: autobuses eléctricos y calefacción más limpia",
        summary:
          "Almaty combate el esmog invernal ampliando su flota de autobuses eléctricos y sus carriles exclusivos, y ayudando a los hogares de barrios de vivienda unifamiliar a sustituir las estufas de carbón por calefacción más limpia.",
      },
      fr: {
        title: "Air pur à Almaty : bus électriques et chauffage plus propre",
        summary:
          "Almaty lutte contre le smog hivernal en développant sa flotte de bus électriques et ses voies réservées, et en aidant les ménages des quartiers pavillonnaires à remplacer les poêles à charbon par un chauffage plus propre.",
      },
    },
    theme: "mobility",
    latitude: 43.222,
    longitude: 76.8512,
    goals: [11, 3, 7],
    targets: ["11.2", "11.6", "3.9", "7.1"],
    startDate: "2025-03-15",
    endDate: "2028-03-14",
    outcomes: [
      {
        statement: "Expand the electric bus fleet",
        indicator: "Electric buses in service",
        baseline: 200,
        targetValue: 600,
        unit: "buses",
        milestone: null,
        dueDate: "2027-12-31",
      },
      {
        statement: "Reduce winter air pollution",
        indicator: "Winter mean PM2.5 concentration",
        baseline: 60,
        targetValue: 40,
        unit: "µg/m³",
        milestone: null,
        dueDate: "2028-03-01",
      },
    ],
    partners: [
      "Al-Farabi Kazakh National University",
      "City bus operator",
      "Environmental NGOs",
    ],
    contactEmail: "cleanair@almaty.example.org",
    website: "https://almaty.example.org/hub-clean-air",
  },
  {
    slug: "bishkek-youth-councils-sdgs",
    leadOrganisation: "bishkek",
    participants: [],
    originalLanguage: "en",
    texts: {
      title: "Youth councils for SDG localisation in Bishkek",
      summary:
        "Bishkek City Hall sets up district youth councils that propose and monitor local projects aligned with the SDGs, backed by a small participatory budget and training on open data and civic engagement.",
      description:
        "Each district elects a youth council that meets city departments every quarter. Councils receive training on the SDGs, open data and project management, then propose projects funded through a dedicated participatory budget. Their monitoring reports are included in the city's SDG progress report.",
      localGlobalLink:
        "The HUB applies target 16.7 on inclusive decision-making and target 4.7 on education for sustainable development and global citizenship.",
      acceleration:
        "Giving young people a budget and a formal role quickly turns consultation into concrete neighbourhood projects.",
      synchronisation:
        "Bishkek exchanges with Strasbourg and Quito on participatory budgeting and prepares a joint session with other Eurasian cities.",
    },
    translations: {
      es: {
        title: "Consejos juveniles para la localización de los ODS en Biskek",
        summary:
          "La Alcaldía de Biskek crea consejos juveniles de distrito que proponen y supervisan proyectos locales alineados con los ODS, con un pequeño presupuesto participativo y formación en datos abiertos y participación ciudadana.",
        description:
          "Cada distrito elige un consejo juvenil que se reúne con los departamentos municipales cada trimestre. Los consejos reciben formación sobre los ODS, datos abiertos y gestión de proyectos, y luego proponen proyectos financiados con un presupuesto participativo específico. Sus informes de seguimiento se incluyen en el informe municipal de avance de los ODS.",
        localGlobalLink:
          "El HUB aplica la meta 16.7 sobre una toma de decisiones inclusiva y la meta 4.7 sobre educación para el desarrollo sostenible y la ciudadanía mundial.",
        acceleration:
          "Dar a las personas jóvenes un presupuesto y un papel formal convierte rápidamente la consulta en proyectos concretos de barrio.",
        synchronisation:
          "Biskek intercambia con Estrasburgo y Quito sobre presupuestos participativos y prepara una sesión conjunta con otras ciudades de Eurasia.",
      },
      fr: {
        title: "Conseils de jeunes pour la localisation des ODD à Bichkek",
        summary:
          "La mairie de Bichkek crée des conseils de jeunes dans chaque district, qui proposent et suivent des projets locaux alignés sur les ODD, avec un petit budget participatif et des formations aux données ouvertes et à l'engagement civique.",
        description:
          "Chaque district élit un conseil de jeunes qui rencontre les services municipaux chaque trimestre. Les conseils sont formés aux ODD, aux données ouvertes et à la gestion de projet, puis proposent des projets financés par un budget participatif dédié. Leurs rapports de suivi sont intégrés au rapport municipal sur les ODD.",
        localGlobalLink:
          "Le HUB applique la cible 16.7 sur une prise de décision inclusive et la cible 4.7 sur l'éducation au développement durable et à la citoyenneté mondiale.",
        acceleration:
          "Confier aux jeunes un budget et un rôle formel transforme rapidement la consultation en projets de quartier concrets.",
        synchronisation:
          "Bichkek échange avec Strasbourg et Quito sur les budgets participatifs et prépare une session commune avec d'autres villes d'Eurasie.",
      },
    },
    theme: "governance",
    latitude: 42.8746,
    longitude: 74.5698,
    goals: [16, 4, 17],
    targets: ["16.7", "4.7", "17.17"],
    startDate: "2025-10-15",
    endDate: "2027-10-14",
    outcomes: [
      {
        statement: "Deliver youth-led neighbourhood projects",
        indicator: "Youth-led projects implemented",
        baseline: 0,
        targetValue: 40,
        unit: "projects",
        milestone: null,
        dueDate: "2027-09-30",
      },
      {
        statement: "Integrate youth monitoring into city SDG reporting",
        indicator: "City SDG progress report",
        baseline: null,
        targetValue: null,
        unit: null,
        milestone: "First city SDG progress report including youth council monitoring published",
        dueDate: "2026-12-31",
      },
    ],
    partners: [
      "American University of Central Asia",
      "United Nations Development Programme (UNDP) in Kyrgyzstan",
      "District youth organisations",
    ],
    contactEmail: "youth@bishkek.example.org",
    website: "https://bishkek.example.org/hub-youth-councils",
  },
  {
    slug: "astana-barrier-free-city",
    leadOrganisation: "astana",
    participants: [],
    originalLanguage: "en",
    texts: {
      title: "Barrier-free Astana: accessible transport, schools and services",
      summary:
        "The Akimat of Astana audits and upgrades bus stops, schools and public buildings together with persons with disabilities, and introduces on-demand accessible transport for residents with reduced mobility.",
      description:
        "Trained auditors with disabilities assess bus stops, schools and service centres across the city. Priority works include ramps, lifts, tactile guidance and accessible toilets. An on-demand accessible minibus service complements the regular bus network.",
      localGlobalLink:
        "The HUB contributes to target 10.2 on the inclusion of persons with disabilities and target 11.2 on accessible transport systems.",
      acceleration:
        "Employing persons with disabilities as paid auditors improves the quality of the works and creates jobs at the same time.",
      synchronisation:
        "Astana shares its audit toolkit with Kazan and the other HUBs working on inclusive public space.",
    },
    translations: {
      es: {
        title: "Astaná sin barreras: transporte, escuelas y servicios accesibles",
        summary:
          "El Akimat de Astaná audita y adapta paradas de autobús, escuelas y edificios públicos junto con personas con discapacidad, e introduce un transporte accesible a demanda para residentes con movilidad reducida.",
        description:
          "Auditores con discapacidad, previamente formados, evalúan paradas de autobús, escuelas y centros de servicios de toda la ciudad. Las obras prioritarias incluyen rampas, ascensores, guías táctiles y aseos accesibles. Un servicio de minibuses accesibles a demanda complementa la red regular de autobuses.",
        localGlobalLink:
          "El HUB contribuye a la meta 10.2 sobre la inclusión de las personas con discapacidad y a la meta 11.2 sobre sistemas de transporte accesibles.",
        acceleration:
          "Contratar a personas con discapacidad como auditoras mejora la calidad de las obras y crea empleo al mismo tiempo.",
        synchronisation:
          "Astaná comparte su herramienta de auditoría con Kazán y con los demás HUBs que trabajan en espacios públicos inclusivos.",
      },
    },
    theme: "gender-equality",
    latitude: 51.1694,
    longitude: 71.4491,
    goals: [10, 11, 4],
    targets: ["10.2", "11.2", "4.a"],
    startDate: "2026-06-01",
    endDate: "2027-11-30",
    outcomes: [
      {
        statement: "Make bus stops accessible",
        indicator: "Share of bus stops meeting accessibility standards",
        baseline: 15,
        targetValue: 60,
        unit: "%",
        milestone: null,
        dueDate: "2027-10-31",
      },
      {
        statement: "Make schools fully accessible",
        indicator: "Schools with full physical accessibility",
        baseline: 30,
        targetValue: 80,
        unit: "schools",
        milestone: null,
        dueDate: "2027-11-15",
      },
    ],
    partners: [
      "Nazarbayev University",
      "Associations of persons with disabilities",
      "City public transport operator",
    ],
    contactEmail: "inclusion@astana.example.org",
    website: "https://astana.example.org/hub-barrier-free",
  },

  // =========================================================================
  // Middle East & West Asia
  // =========================================================================
  {
    slug: "amman-social-cohesion-centres",
    leadOrganisation: "amman",
    participants: ["irbid"],
    originalLanguage: "en",
    texts: {
      title: "Neighbourhood social cohesion centres for host and refugee communities",
      summary:
        "Greater Amman Municipality runs neighbourhood centres where Jordanian and refugee residents access job training, childcare and joint community projects, easing pressure on services in the most crowded districts.",
      description:
        "The HUB upgrades municipal community centres in districts hosting large refugee populations. Residents of all backgrounds join vocational courses, small business coaching and volunteer projects to improve local streets and parks. Neighbourhood committees help decide which projects come first.",
      localGlobalLink:
        "The HUB localises target 10.7 on well-managed migration policies and target 8.5 on decent work for all.",
      acceleration:
        "Joint projects between host and refugee residents build trust while delivering visible improvements in the neighbourhood.",
      synchronisation:
        "Amman works with Irbid and exchanges with Gaziantep and Istanbul on municipal responses to displacement.",
    },
    translations: {
      es: {
        title: "Centros de cohesión social para comunidades de acogida y refugiadas",
        summary:
          "El Municipio del Gran Amán gestiona centros de barrio donde residentes jordanos y refugiados acceden a formación laboral, cuidado infantil y proyectos comunitarios conjuntos, aliviando la presión sobre los servicios en los distritos más densos.",
        description:
          "El HUB mejora los centros comunitarios municipales en distritos que acogen a una gran población refugiada. Residentes de todos los orígenes participan en cursos de formación profesional, asesoría para pequeños negocios y proyectos voluntarios para mejorar calles y parques. Comités de barrio ayudan a decidir qué proyectos se priorizan.",
        localGlobalLink:
          "El HUB localiza la meta 10.7 sobre políticas migratorias bien gestionadas y la meta 8.5 sobre trabajo decente para todas las personas.",
        acceleration:
          "Los proyectos conjuntos entre población de acogida y refugiada generan confianza y, al mismo tiempo, mejoras visibles en el barrio.",
        synchronisation:
          "Amán trabaja con Irbid e intercambia con Gaziantep y Estambul sobre las respuestas municipales al desplazamiento.",
      },
      fr: {
        title: "Centres de cohésion sociale pour communautés d'accueil et réfugiées",
        summary:
          "La municipalité du Grand Amman gère des centres de quartier où habitants jordaniens et réfugiés accèdent à la formation professionnelle, à la garde d'enfants et à des projets communs, allégeant la pression sur les services.",
        description:
          "Le HUB rénove des centres communautaires municipaux dans les districts accueillant une importante population réfugiée. Des habitants de toutes origines suivent des formations professionnelles, un accompagnement à la création d'entreprise et des projets bénévoles d'amélioration des rues et des parcs. Des comités de quartier aident à fixer les priorités.",
        localGlobalLink:
          "Le HUB localise la cible 10.7 sur des politiques migratoires bien gérées et la cible 8.5 sur le travail décent pour toutes et tous.",
        acceleration:
          "Les projets communs entre habitants d'accueil et réfugiés renforcent la confiance tout en apportant des améliorations visibles au quartier.",
        synchronisation:
          "Amman travaille avec Irbid et échange avec Gaziantep et Istanbul sur les réponses municipales aux déplacements de population.",
      },
    },
    theme: "local-economy",
    latitude: 31.9454,
    longitude: 35.9284,
    goals: [10, 8, 16],
    targets: ["10.7", "8.5", "16.7"],
    startDate: "2024-09-15",
    endDate: "2027-09-14",
    outcomes: [
      {
        statement: "Provide vocational training to host and refugee residents",
        indicator: "Residents completing vocational training",
        baseline: 0,
        targetValue: 3000,
        unit: "people",
        milestone: null,
        dueDate: "2027-06-30",
      },
      {
        statement: "Ensure equal participation of women",
        indicator: "Share of training participants who are women",
        baseline: 30,
        targetValue: 50,
        unit: "%",
        milestone: null,
        dueDate: "2027-06-30",
      },
      {
        statement: "Give residents a say in neighbourhood priorities",
        indicator: "Neighbourhood committees",
        baseline: null,
        targetValue: null,
        unit: null,
        milestone: "Neighbourhood committees set up in all target districts",
        dueDate: "2025-06-30",
      },
    ],
    partners: [
      "University of Jordan",
      "UNHCR Jordan",
      "Community-based organisations",
    ],
    contactEmail: "cohesion@amman.example.org",
    website: "https://amman.example.org/hub-social-cohesion",
  },
  {
    slug: "gaziantep-local-seeds-gastronomy",
    leadOrganisation: "gaziantep",
    participants: [],
    originalLanguage: "en",
    texts: {
      title: "Local seeds and short supply chains for Gaziantep's food heritage",
      summary:
        "Gaziantep connects small farmers who grow local seed varieties with restaurants, markets and school kitchens, building on the city's gastronomic heritage to protect biodiversity and farm incomes.",
      description:
        "A municipal seed bank collects and multiplies local varieties of wheat, peppers and pulses and distributes them to small farmers. The HUB organises producer markets and direct contracts with restaurants and public kitchens. A training programme links young chefs with the producers.",
      localGlobalLink:
        "The HUB contributes to target 2.5 on the genetic diversity of seeds and target 2.3 on the incomes of small-scale food producers.",
      acceleration:
        "Building demand in the city's renowned food sector gives farmers a reason to keep growing local varieties.",
      synchronisation:
        "Gaziantep shares its seed bank model with Rosario and Lyon through the Local4Action food systems community.",
    },
    translations: {
      fr: {
        title: "Semences locales et circuits courts au service du patrimoine culinaire de Gaziantep",
        summary:
          "Gaziantep met en relation les petits agriculteurs qui cultivent des variétés locales avec les restaurants, les marchés et les cantines scolaires, en s'appuyant sur son patrimoine gastronomique pour protéger la biodiversité et les revenus agricoles.",
        description:
          "Une banque de semences municipale collecte et multiplie des variétés locales de blé, de piments et de légumineuses et les distribue aux petits agriculteurs. Le HUB organise des marchés de producteurs et des contrats directs avec les restaurants et la restauration collective. Un programme de formation relie de jeunes cuisiniers aux producteurs.",
        localGlobalLink:
          "Le HUB contribue à la cible 2.5 sur la diversité génétique des semences et à la cible 2.3 sur les revenus des petits producteurs alimentaires.",
        acceleration:
          "Créer une demande dans le secteur culinaire réputé de la ville donne aux agriculteurs une raison de continuer à cultiver des variétés locales.",
        synchronisation:
          "Gaziantep partage son modèle de banque de semences avec Rosario et Lyon au sein de la communauté Local4Action sur les systèmes alimentaires.",
      },
    },
    theme: "food-systems",
    latitude: 37.0662,
    longitude: 37.3833,
    goals: [2, 8, 11],
    targets: ["2.3", "2.5", "8.9", "11.4"],
    startDate: "2025-05-15",
    endDate: "2027-05-14",
    outcomes: [
      {
        statement: "Conserve local seed varieties",
        indicator: "Local varieties conserved in the municipal seed bank",
        baseline: 40,
        targetValue: 120,
        unit: "varieties",
        milestone: null,
        dueDate: "2027-03-31",
      },
      {
        statement: "Secure direct sales for small farmers",
        indicator: "Small farmers with direct sales contracts",
        baseline: 50,
        targetValue: 400,
        unit: "farmers",
        milestone: null,
        dueDate: "2027-05-01",
      },
    ],
    partners: [
      "Gaziantep University",
      "Provincial chamber of agriculture",
      "Restaurant and chefs' associations",
    ],
    contactEmail: "seeds@gaziantep.example.org",
    website: "https://gaziantep.example.org/hub-local-seeds",
  },
  {
    slug: "istanbul-earthquake-ready-neighbourhoods",
    leadOrganisation: "istanbul",
    participants: ["bursa", "tbb"],
    originalLanguage: "en",
    texts: {
      title: "Earthquake-ready neighbourhoods in Istanbul",
      summary:
        "Istanbul Metropolitan Municipality supports the seismic retrofitting of high-risk residential buildings and trains neighbourhood volunteers in disaster preparedness, starting with the districts most exposed to earthquake risk.",
      description:
        "Engineers assess buildings, and owners of high-risk ones receive technical and financial support for retrofitting or reconstruction. Neighbourhood disaster volunteers are trained and equipped, and assembly areas are mapped and signposted. Schools and community centres hold regular drills.",
      localGlobalLink:
        "The HUB implements target 11.5 on reducing disaster losses and target 11.b on integrated disaster risk management in line with the Sendai Framework.",
      acceleration:
        "Combining building retrofits with community preparedness reduces both physical and social vulnerability.",
      synchronisation:
        "Istanbul works with Bursa and the Union of Municipalities of Türkiye to spread preparedness training across Turkish cities.",
    },
    translations: {
      es: {
        title: "Barrios preparados ante los terremotos en Estambul",
        summary:
          "El Municipio Metropolitano de Estambul apoya el refuerzo sísmico de edificios residenciales de alto riesgo y forma a personas voluntarias de barrio en preparación ante desastres, empezando por los distritos más expuestos.",
      },
      fr: {
        title: "Des quartiers préparés aux séismes à Istanbul",
        summary:
          "La municipalité métropolitaine d'Istanbul soutient le renforcement parasismique des immeubles d'habitation à haut risque et forme des bénévoles de quartier à la préparation aux catastrophes, en commençant par les districts les plus exposés.",
      },
    },
    theme: "housing",
    latitude: 41.0082,
    longitude: 28.9784,
    goals: [11, 1, 13],
    targets: ["11.5", "11.b", "1.5", "13.1"],
    startDate: "2024-02-01",
    endDate: "2027-01-31",
    outcomes: [
      {
        statement: "Retrofit or rebuild high-risk homes",
        indicator: "High-risk housing units retrofitted or rebuilt",
        baseline: 0,
        targetValue: 15000,
        unit: "housing units",
        milestone: null,
        dueDate: "2027-01-15",
      },
      {
        statement: "Train neighbourhood disaster volunteers",
        indicator: "Trained and equipped neighbourhood disaster volunteers",
        baseline: 5000,
        targetValue: 25000,
        unit: "volunteers",
        milestone: null,
        dueDate: "2026-12-31",
      },
    ],
    partners: [
      "Kandilli Observatory and Earthquake Research Institute",
      "District municipalities",
      "Neighbourhood associations",
    ],
    contactEmail: "resilience@istanbul.example.org",
    website: "https://istanbul.example.org/hub-earthquake-ready",
  },
  {
    slug: "izmir-clean-gulf",
    leadOrganisation: "izmir",
    participants: [],
    originalLanguage: "en",
    texts: {
      title: "Clean Gulf İzmir: wastewater upgrades and marine ecosystem restoration",
      summary:
        "İzmir upgrades wastewater treatment, separates stormwater from sewers and restores seagrass meadows and coastal wetlands to bring life back to the inner Gulf of İzmir.",
      description:
        "The HUB modernises treatment plants and separates combined sewers that overflow after heavy rain. Citizen scientists and local fishers help monitor water quality and marine life. Wetlands at the edge of the gulf are restored as natural filters and habitats for birds.",
      localGlobalLink:
        "The HUB contributes to target 14.1 on reducing marine pollution from land-based activities and target 6.3 on wastewater treatment.",
      acceleration:
        "Open water quality data and citizen monitoring keep the restoration visible and build public support for investment.",
      synchronisation:
        "İzmir exchanges with Jakarta and Grenoble on water governance and coastal ecosystems.",
    },
    translations: {
      es: {
        title: "Golfo limpio en Esmirna: depuración de aguas y restauración marina",
        summary:
          "Esmirna mejora la depuración de aguas residuales, separa las pluviales de la red de saneamiento y restaura praderas marinas y humedales costeros para devolver la vida al golfo interior.",
        description:
          "El HUB moderniza las depuradoras y separa los colectores unitarios que se desbordan tras las lluvias intensas. Personas voluntarias de ciencia ciudadana y pescadores locales ayudan a vigilar la calidad del agua y la vida marina. Los humedales del borde del golfo se restauran como filtros naturales y hábitats para las aves.",
        localGlobalLink:
          "El HUB contribuye a la meta 14.1 sobre la reducción de la contaminación marina de origen terrestre y a la meta 6.3 sobre el tratamiento de aguas residuales.",
        acceleration:
          "Los datos abiertos de calidad del agua y el seguimiento ciudadano hacen visible la restauración y generan apoyo público a la inversión.",
        synchronisation:
          "Esmirna intercambia con Yakarta y Grenoble sobre gobernanza del agua y ecosistemas costeros.",
      },
      fr: {
        title: "Golfe propre à İzmir : épuration des eaux et restauration marine",
        summary:
          "İzmir améliore le traitement des eaux usées, sépare les eaux pluviales des égouts et restaure les herbiers marins et les zones humides côtières pour redonner vie au golfe intérieur.",
        description:
          "Le HUB modernise les stations d'épuration et sépare les réseaux unitaires qui débordent après de fortes pluies. Des scientifiques citoyens et des pêcheurs locaux participent au suivi de la qualité de l'eau et de la vie marine. Les zones humides en bordure du golfe sont restaurées comme filtres naturels et habitats pour les oiseaux.",
        localGlobalLink:
          "Le HUB contribue à la cible 14.1 sur la réduction de la pollution marine d'origine terrestre et à la cible 6.3 sur le traitement des eaux usées.",
        acceleration:
          "Les données ouvertes sur la qualité de l'eau et le suivi citoyen rendent la restauration visible et renforcent le soutien public aux investissements.",
        synchronisation:
          "İzmir échange avec Jakarta et Grenoble sur la gouvernance de l'eau et les écosystèmes côtiers.",
      },
    },
    theme: "water-sanitation",
    latitude: 38.4237,
    longitude: 27.1428,
    goals: [14, 6, 12],
    targets: ["14.1", "14.2", "6.3"],
    startDate: "2025-07-01",
    endDate: "2027-06-30",
    outcomes: [
      {
        statement: "Treat more wastewater to an advanced standard",
        indicator: "Share of wastewater receiving advanced treatment",
        baseline: 70,
        targetValue: 95,
        unit: "%",
        milestone: null,
        dueDate: "2027-03-31",
      },
      {
        statement: "Make gulf water quality data public",
        indicator: "Public water quality dashboard",
        baseline: null,
        targetValue: null,
        unit: null,
        milestone: "Public water quality dashboard for the gulf launched",
        dueDate: "2026-01-31",
      },
    ],
    partners: [
      "Dokuz Eylül University Institute of Marine Sciences and Technology",
      "Local fishers' cooperatives",
      "Environmental NGOs",
    ],
    contactEmail: "cleangulf@izmir.example.org",
    website: "https://izmir.example.org/hub-clean-gulf",
  },

  // =========================================================================
  // North America
  // =========================================================================
  {
    slug: "montreal-green-alleys-cool-islands",
    leadOrganisation: "montreal",
    participants: ["gatineau"],
    originalLanguage: "fr",
    texts: {
      title: "Ruelles vertes et îlots de fraîcheur dans les quartiers de Montréal",
      summary:
        "La Ville de Montréal soutient les comités de résidents qui transforment leurs ruelles en espaces verts, déminéralisés et conviviaux, afin de réduire les îlots de chaleur et de favoriser la vie de quartier.",
      description:
        "Les résidents d'une ruelle se regroupent en comité et conçoivent le projet avec l'appui d'un organisme d'écoquartier. La Ville finance le retrait de l'asphalte, la plantation et le mobilier, tandis que les comités assurent l'entretien. Les quartiers les plus exposés à la chaleur sont priorisés.",
      localGlobalLink:
        "Le HUB met en œuvre la cible 11.7 sur l'accès à des espaces verts et la cible 13.1 sur l'adaptation aux vagues de chaleur.",
      acceleration:
        "La prise en charge par les résidents réduit les coûts d'entretien et multiplie le nombre de projets réalisés chaque année.",
      synchronisation:
        "Montréal partage son guide des ruelles vertes avec Gatineau ainsi qu'avec les HUBs de Barcelone et de Bangkok.",
    },
    translations: {
      en: {
        title: "Green alleys and cool islands in Montréal's neighbourhoods",
        summary:
          "The City of Montréal supports residents' committees that turn their back alleys into green, de-paved and friendly spaces, reducing heat islands and strengthening neighbourhood life.",
        description:
          "Residents of an alley form a committee and design the project with the help of a local eco-neighbourhood organisation. The City funds asphalt removal, planting and street furniture, while the committees take care of maintenance. The neighbourhoods most exposed to heat get priority.",
        localGlobalLink:
          "The HUB implements target 11.7 on access to green spaces and target 13.1 on adaptation to heatwaves.",
        acceleration:
          "Resident stewardship lowers maintenance costs and multiplies the number of projects completed each year.",
        synchronisation:
          "Montréal shares its green alley guide with Gatineau and with the Barcelona and Bangkok HUBs.",
      },
    },
    theme: "climate-energy",
    latitude: 45.5019,
    longitude: -73.5674,
    goals: [11, 13],
    targets: ["11.7", "11.3", "13.1"],
    startDate: "2025-05-01",
    endDate: "2027-04-30",
    outcomes: [
      {
        statement: "Multiplier les ruelles vertes",
        indicator: "Ruelles vertes aménagées sur le territoire",
        baseline: 480,
        targetValue: 650,
        unit: "ruelles",
        milestone: null,
        dueDate: "2027-03-31",
      },
      {
        statement: "Déminéraliser les ruelles des quartiers chauds",
        indicator: "Surface d'asphalte retirée",
        baseline: 0,
        targetValue: 40000,
        unit: "m²",
        milestone: null,
        dueDate: "2027-04-15",
      },
    ],
    partners: [
      "Organismes éco-quartier de Montréal",
      "Université du Québec à Montréal",
      "Comités de ruelle",
    ],
    contactEmail: "ruelles@montreal.example.org",
    website: "https://montreal.example.org/hub-ruelles-vertes",
  },
  {
    slug: "quebec-newcomer-employment",
    leadOrganisation: "quebec",
    participants: [],
    originalLanguage: "fr",
    texts: {
      title: "Québec accueille : intégration en emploi des personnes immigrantes",
      summary:
        "La Ville de Québec met en relation les personnes immigrantes récemment arrivées avec les employeurs locaux grâce au mentorat, à la francisation en milieu de travail et à la reconnaissance des compétences.",
      description:
        "Le HUB réunit la Ville, les employeurs, les organismes d'accueil et les établissements d'enseignement autour d'un guichet commun. Les nouveaux arrivants bénéficient de cours de français adaptés à leur métier et d'un jumelage avec des mentors. Les entreprises sont accompagnées pour adapter leurs pratiques d'embauche.",
      localGlobalLink:
        "L'initiative contribue à la cible 8.5 sur le travail décent pour toutes et tous et à la cible 10.7 sur des migrations ordonnées, sûres et responsables.",
      acceleration:
        "Le guichet commun évite les démarches dispersées et raccourcit le délai d'accès à un premier emploi qualifié.",
      synchronisation:
        "Québec échange avec Amman et Bilbao sur l'inclusion économique des nouveaux arrivants.",
    },
    translations: {
      en: {
        title: "Québec welcomes: employment integration for immigrants",
        summary:
          "The City of Québec connects recently arrived immigrants with local employers through mentoring, workplace French classes and the recognition of skills and qualifications.",
      },
      es: {
        title: "Québec acoge: inserción laboral de las personas inmigrantes",
        summary:
          "La Ciudad de Quebec pone en contacto a personas inmigrantes recién llegadas con empleadores locales mediante mentorías, clases de francés en el lugar de trabajo y reconocimiento de competencias.",
      },
    },
    theme: "local-economy",
    latitude: 46.8139,
    longitude: -71.208,
    goals: [8, 10, 4],
    targets: ["8.5", "10.7", "4.4"],
    // Recognised but not started yet on the anchor date: the demo's upcoming HUB.
    startDate: "2027-01-01",
    endDate: "2028-12-31",
    outcomes: [
      {
        statement: "Accompagner les personnes immigrantes vers l'emploi",
        indicator: "Personnes immigrantes jumelées à un mentor",
        baseline: 0,
        targetValue: 800,
        unit: "personnes",
        milestone: null,
        dueDate: "2028-10-31",
      },
      {
        statement: "Simplifier le parcours d'intégration en emploi",
        indicator: "Guichet commun",
        baseline: null,
        targetValue: null,
        unit: null,
        milestone: "Guichet commun d'intégration en emploi ouvert",
        dueDate: "2027-05-31",
      },
    ],
    partners: [
      "Université Laval",
      "Chambre de commerce et d'industrie de Québec",
      "Organismes d'accueil des personnes immigrantes",
    ],
    contactEmail: "accueil@quebec.example.org",
    website: "https://quebec.example.org/hub-accueil-emploi",
  },
  {
    slug: "los-angeles-open-sdg-data",
    leadOrganisation: "los-angeles",
    participants: [],
    originalLanguage: "en",
    texts: {
      title: "Open SDG data platform and Voluntary Local Review for Los Angeles",
      summary:
        "The City of Los Angeles maintains an open data platform that tracks local indicators for all 17 SDGs, broken down by neighbourhood, and uses it to prepare its Voluntary Local Review with community organisations.",
      description:
        "City departments map their programmes to SDG targets and publish indicators through an open-source reporting platform. Data is disaggregated by neighbourhood, income and other characteristics where possible to reveal inequalities. Community organisations and universities review the findings and help set priorities for the next budget cycle.",
      localGlobalLink:
        "The HUB implements target 17.18 on high-quality disaggregated data and connects the city's priorities to global SDG reporting.",
      acceleration:
        "A shared data platform lets departments see how their work contributes to the SDGs and focus resources where gaps are largest.",
      synchronisation:
        "Los Angeles shares its open-source platform and methodology with Seoul, Quito and other HUBs preparing Voluntary Local Reviews.",
    },
    translations: {
      es: {
        title: "Plataforma abierta de datos ODS e Informe Local Voluntario de Los Ángeles",
        summary:
          "La Ciudad de Los Ángeles mantiene una plataforma de datos abiertos que sigue indicadores locales de los 17 ODS, desagregados por barrio, y la utiliza para preparar su Informe Local Voluntario con organizaciones comunitarias.",
        description:
          "Los departamentos municipales vinculan sus programas con metas de los ODS y publican indicadores en una plataforma de código abierto. Los datos se desagregan por barrio, ingresos y otras características cuando es posible para revelar desigualdades. Organizaciones comunitarias y universidades revisan los resultados y ayudan a fijar prioridades para el siguiente ciclo presupuestario.",
        localGlobalLink:
          "El HUB aplica la meta 17.18 sobre datos desagregados de alta calidad y conecta las prioridades de la ciudad con el seguimiento mundial de los ODS.",
        acceleration:
          "Una plataforma de datos compartida permite a cada departamento ver cómo contribuye a los ODS y concentrar recursos donde las brechas son mayores.",
        synchronisation:
          "Los Ángeles comparte su plataforma de código abierto y su metodología con Seúl, Quito y otros HUBs que preparan Informes Locales Voluntarios.",
      },
      fr: {
        title: "Plateforme ouverte de données ODD et examen local volontaire de Los Angeles",
        summary:
          "La Ville de Los Angeles gère une plateforme de données ouvertes qui suit des indicateurs locaux pour les 17 ODD, ventilés par quartier, et s'en sert pour préparer son examen local volontaire avec des organisations communautaires.",
        description:
          "Les services municipaux rattachent leurs programmes aux cibles des ODD et publient des indicateurs sur une plateforme en source ouverte. Les données sont ventilées par quartier, revenu et autres caractéristiques lorsque c'est possible afin de révéler les inégalités. Organisations communautaires et universités examinent les résultats et aident à fixer les priorités du prochain cycle budgétaire.",
        localGlobalLink:
          "Le HUB met en œuvre la cible 17.18 sur des données ventilées de qualité et relie les priorités de la ville au suivi mondial des ODD.",
        acceleration:
          "Une plateforme de données partagée permet à chaque service de voir sa contribution aux ODD et de concentrer les ressources là où les écarts sont les plus grands.",
        synchronisation:
          "Los Angeles partage sa plateforme en source ouverte et sa méthodologie avec Séoul, Quito et d'autres HUBs qui préparent un examen local volontaire.",
      },
    },
    theme: "digital-data",
    latitude: 34.0522,
    longitude: -118.2437,
    goals: [17, 16, 10],
    targets: ["17.18", "17.19", "16.10", "10.3"],
    startDate: "2024-01-15",
    endDate: "2026-12-31",
    outcomes: [
      {
        statement: "Publish local indicators for more SDG targets",
        indicator: "SDG targets with a published local indicator",
        baseline: 100,
        targetValue: 150,
        unit: "targets",
        milestone: null,
        dueDate: "2026-09-30",
      },
      {
        statement: "Report progress through a Voluntary Local Review",
        indicator: "Voluntary Local Review",
        baseline: null,
        targetValue: null,
        unit: null,
        milestone: "Updated Voluntary Local Review published with community input",
        dueDate: "2025-07-31",
      },
    ],
    partners: [
      "University of Southern California",
      "Community-based organisations",
      "Los Angeles Public Library",
    ],
    contactEmail: "sdgdata@los-angeles.example.org",
    website: "https://los-angeles.example.org/hub-sdg-data",
  },
  {
    slug: "toronto-modular-affordable-housing",
    leadOrganisation: "toronto",
    participants: [],
    originalLanguage: "en",
    texts: {
      title: "Modular affordable rental homes on public land in Toronto",
      summary:
        "The City of Toronto builds modular affordable rental homes on underused public land, cutting construction time and pairing each building with support services for tenants leaving homelessness.",
      description:
        "City-owned sites such as surface parking lots and surplus land are made available to non-profit housing providers. Factory-built modular units allow buildings to open within months. Each building includes on-site support services and community space.",
      localGlobalLink:
        "The HUB contributes to target 11.1 on adequate, safe and affordable housing and target 9.1 on resilient and sustainable infrastructure.",
      acceleration:
        "Modular construction on public land removes two of the main obstacles to affordable housing: the cost of land and long construction times.",
      synchronisation:
        "Toronto shares its approach with Montréal and with the housing HUBs of Madrid and Lima.",
    },
    translations: {
      fr: {
        title: "Logements locatifs abordables modulaires sur des terrains publics à Toronto",
        summary:
          "La Ville de Toronto construit des logements locatifs abordables modulaires sur des terrains publics sous-utilisés, réduisant les délais de construction et associant à chaque immeuble des services d'accompagnement pour les locataires sortant de l'itinérance.",
      },
    },
    theme: "housing",
    latitude: 43.6532,
    longitude: -79.3832,
    goals: [11, 1, 9],
    targets: ["11.1", "1.4", "9.1"],
    startDate: "2025-12-01",
    endDate: "2028-11-30",
    outcomes: [
      {
        statement: "Deliver modular affordable homes",
        indicator: "Affordable modular homes completed",
        baseline: 0,
        targetValue: 1000,
        unit: "homes",
        milestone: null,
        dueDate: "2028-09-30",
      },
      {
        statement: "Secure public land for modular housing",
        indicator: "Approved public sites",
        baseline: null,
        targetValue: null,
        unit: null,
        milestone: "First ten public sites approved for modular housing",
        dueDate: "2026-06-30",
      },
    ],
    partners: [
      "Non-profit housing providers",
      "Toronto Metropolitan University",
      "Tenant support organisations",
    ],
    contactEmail: "housing@toronto.example.org",
    website: "https://toronto.example.org/hub-modular-housing",
  },
];

/**
 * A few synchronisation links between demo HUBs (stored one way; the public HUB page shows them
 * from both sides).
 */
export const DEMO_SYNCHRONISATIONS: [string, string][] = [
  ["bogota-cycle-network", "medellin-green-corridors"],
  ["bogota-cycle-network", "kigali-car-free-zones-safe-routes"],
  ["barcelona-climate-shelters", "madrid-energy-retrofit"],
  ["rosario-green-belt", "brazzaville-green-belt-erosion"],
  ["montevideo-inclusive-recycling", "abidjan-waste-recovery"],
  ["lyon-food-social-security", "gaziantep-local-seeds-gastronomy"],
];
