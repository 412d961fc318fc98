/** A complete, valid proposal as the form posts it (Conform names). */
export function proposalFields(overrides: Record<string, string | string[] | undefined> = {}): FormData {
  const fields: Record<string, string | string[] | undefined> = {
    intent: "save",
    originalLanguage: "es",
    title: "Movilidad limpia en los barrios",
    summary: "Buses eléctricos y ciclovías en diez barrios.",
    description: "Descripción completa del HUB.",
    localGlobalLink: "Vincula el plan local con la Agenda 2030.",
    acceleration: "Acelera la transición energética.",
    synchronisation: "Trabaja con otras ciudades de la región.",
    themeId: undefined,
    latitude: "4.61",
    longitude: "-74.08",
    goals: ["11", "13"],
    primaryGoal: "11",
    targets: ["11.2"],
    startDate: "2027-01-01",
    endDate: "2028-12-31",
    "outcomes[0].statement": "Diez barrios con ciclovías",
    "outcomes[0].indicator": "Barrios con ciclovía",
    "outcomes[0].baseline": "0",
    "outcomes[0].targetValue": "10",
    "outcomes[0].unit": "barrios",
    "outcomes[0].dueDate": "2028-06-30",
    "partners[0].name": "Asociación de ciclistas",
    channels: "Sitio web y redes sociales",
    "events[0].name": "Lanzamiento",
    "events[0].date": "2027-02-01",
    "documents[0].title": "Plan",
    "documents[0].url": "https://example.org/plan.pdf",
    contactEmail: "hub@example.org",
    website: "https://example.org",
    "translations.en.title": "Clean mobility in the neighbourhoods",
    ...overrides,
  };
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) form.append(name, item);
  }
  return form;
}
