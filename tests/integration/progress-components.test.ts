import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createI18nInstance } from "~/modules/i18n/i18next.server";
import { OutcomeProgressChart, BarChart } from "~/modules/progress/charts";
import { PublishedProgress } from "~/modules/progress/published-progress";
import { latestOutcomeProgress, listPublishedProgress, publishedProgress } from "~/modules/progress/published-progress.server";
import { getUpdate, listOutcomes } from "~/modules/progress/progress.server";
import { createTestDatabase, type TestDatabase } from "../support/database";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase({ seedDemo: true });
});
afterAll(() => database?.destroy());

async function render(element: ReturnType<typeof createElement>, language: "en" | "es" | "fr") {
  const i18n = await createI18nInstance(language);
  return renderToStaticMarkup(createElement(I18nextProvider, { i18n }, element));
}

describe("the components for the public HUB page", () => {
  it("render the completed HUB's accepted reports and what was achieved, in French, with the chart's table", async () => {
    const hub = await database.db.selectFrom("hubs").select("id").where("status", "=", "completed").executeTakeFirstOrThrow();
    const updates = await listPublishedProgress(database.db, hub.id, "fr");
    expect(updates.length).toBeGreaterThan(1);
    const html = await render(createElement(PublishedProgress, { updates, language: "fr" }), "fr");
    expect(html).toContain("Ce qui a été accompli");
    expect(html).toContain("Rapport final");
    expect(html).toMatch(/100\s%/);
    const series = await latestOutcomeProgress(database.db, hub.id);
    // The HUB page reads both from one query: the same updates, and each outcome's points oldest first.
    expect(await publishedProgress(database.db, hub.id, "fr")).toEqual({ updates, series });
    expect(series.some((outcome) => outcome.points.length > 1)).toBe(true);
    // Each update as its own page reads it (getUpdate), and the outcomes as listOutcomes reads them:
    // the one statement's JSON lists give the same dates, numbers and texts as the columns.
    const outcomes = await listOutcomes(database.db, hub.id);
    for (const update of updates) {
      const detail = (await getUpdate(database.db, update.id))!;
      expect(update.acceptedAt).toBe(detail.accepted_at ? new Date(detail.accepted_at).toISOString() : null);
      expect([update.periodStart, update.periodEnd, update.kind, update.overallStatus]).toEqual([detail.period_start, detail.period_end, detail.kind, detail.overall_status]);
      expect(update.outcomes.map((value) => [value.outcomeId, value.statement, value.baseline, value.targetValue, value.milestone, value.value, value.comment])).toEqual(
        outcomes.map((outcome) => {
          const reported = detail.outcomes.find((row) => row.outcome_id === outcome.id);
          return [outcome.id, outcome.statement, outcome.baseline, outcome.target_value, outcome.milestone, reported?.value ?? null, reported?.comment ?? null];
        }),
      );
      expect(update.activities).toEqual(detail.activities.map((activity) => ({ title: activity.title, heldOn: activity.held_on })));
      expect(update.evidence).toEqual(detail.evidence.map((item) => ({ url: item.url, label: item.label })));
    }
    expect(outcomes.length).toBeGreaterThan(0);
    for (const outcome of series) {
      const dates = outcome.points.map((point) => point.date);
      expect(dates).toEqual([...dates].sort());
      expect(outcome.latest).toBe(outcome.points.filter((point) => point.fraction !== null).at(-1)?.fraction ?? null);
    }
    const chart = await render(createElement(OutcomeProgressChart, { outcomes: series, language: "fr" }), "fr");
    expect(chart).toMatch(/<svg[^>]+role="img"/);
    expect(chart).toContain("<title");
    expect(chart).toContain("<desc");
    expect(chart).toContain("<table");
    expect((chart.match(/<tr>/g) ?? []).length).toBe(series.length + 1);
  });

  it("say so when nothing is published, and draw bars with their figures", async () => {
    expect(await render(createElement(PublishedProgress, { updates: [], language: "es" }), "es")).toContain("Aún no se ha publicado ningún informe de avance.");
    const bars = await render(
      createElement(BarChart, { title: "HUBs", description: "desc", valueHeader: "Number", language: "en", data: [{ label: "Europe", value: 7 }, { label: "Africa", value: 3 }] }),
      "en",
    );
    expect((bars.match(/<rect/g) ?? []).length).toBe(2);
    expect(bars).toContain("<th scope=\"row\">Europe</th><td>7</td>");
  });
});
