/**
 * Texts and choices of the demo monitoring data (app/modules/demo/progress-seed.server.ts writes
 * the reports from them). Pure data.
 */
import type { Language } from "../schema";

/** Its last progress report is missing: the demo city account sees it overdue at once. */
export const DEMO_OVERDUE_HUB = "bogota-cycle-network";
/** Its last progress report is submitted, waiting for the council's review. */
export const DEMO_PENDING_REVIEW_HUB = "mexico-city-community-care-system";

export const DEMO_NARRATIVE: Record<Language, (activities: number) => string> = {
  en: (n) =>
    `During this period the HUB moved forward on its agreed outcomes. ${n} working session(s) were held with partner organisations and residents, and the city's team measured the indicators reported below.`,
  es: (n) =>
    `Durante este periodo el HUB avanzó en sus resultados acordados. Se realizaron ${n} mesa(s) de trabajo con organizaciones aliadas y vecinos, y el equipo municipal midió los indicadores que se informan abajo.`,
  fr: (n) =>
    `Pendant cette période, le HUB a progressé sur ses résultats convenus. ${n} séance(s) de travail ont réuni les organisations partenaires et les habitants, et l'équipe municipale a mesuré les indicateurs présentés ci-dessous.`,
};
export const DEMO_FINAL_NARRATIVE: Record<Language, string> = {
  en: "The HUB reached the end of its timeline. This final report sums up what was achieved against each agreed outcome and what the city will carry on.",
  es: "El HUB llegó al final de su calendario. Este informe final resume lo logrado en cada resultado acordado y lo que la ciudad continuará.",
  fr: "Le HUB est arrivé au terme de son calendrier. Ce rapport final résume ce qui a été accompli pour chaque résultat convenu et ce que la ville poursuivra.",
};
export const DEMO_ACTIVITY: Record<Language, string> = {
  en: "Working session with partners and residents",
  es: "Mesa de trabajo con aliados y vecinos",
  fr: "Séance de travail avec les partenaires et les habitants",
};

/** How fast each demo HUB goes, relative to its timeline (varied so the dashboard has every status). */
export const DEMO_PACE = [1.05, 0.95, 0.8, 1.0, 0.6];
