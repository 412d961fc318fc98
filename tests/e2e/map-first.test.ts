import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { MAP_PAGE_BUDGET_BYTES, measurePageJavaScript } from "../../bench/javascript";
import { accessibilityViolations } from "../support/browser";
import { useApp } from "../support/e2e";

/** A second HUB at Bilbao's very point: the demo's Bilbao HUB and this one share one pixel at every zoom. */
const SECOND_BILBAO_HUB = {
  slug: "bilbao-estuary-housing",
  titles: {
    en: "Affordable housing in Bilbao's old estuary warehouses",
    es: "Vivienda asequible en los antiguos almacenes de la ría de Bilbao",
    fr: "Logement abordable dans les anciens entrepôts de la ría de Bilbao",
  },
};
const BILBAO_POINT = "map=12/43.263/-2.935";
/** The demo's own HUB at that point. */
const DEMO_BILBAO_TITLE = { en: /^Social economy and youth employment/, es: /^Economía social y empleo juvenil/, fr: /^Économie sociale et emploi des jeunes/ };

const app = useApp({
  prepare: async (db) => {
    const demo = await db
      .selectFrom("hubs")
      .select(["lead_organisation_id", "latitude", "longitude", "start_date", "end_date"])
      .where("slug", "=", "bilbao-social-economy-youth")
      .executeTakeFirstOrThrow();
    const now = new Date();
    const { id } = await db
      .insertInto("hubs")
      .values({
        slug: SECOND_BILBAO_HUB.slug,
        status: "recognised",
        lead_organisation_id: demo.lead_organisation_id,
        original_language: "es",
        latitude: demo.latitude,
        longitude: demo.longitude,
        start_date: demo.start_date,
        end_date: demo.end_date,
        contact_email: "vivienda@bilbao.example.org",
        updated_at: now,
        submitted_at: now,
        recognised_at: now,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await db
      .insertInto("hub_translations")
      .values(
        (["es", "en", "fr"] as const).map((language) => ({
          hub_id: id,
          language,
          title: SECOND_BILBAO_HUB.titles[language],
          summary: "Bilbao converts warehouses along the estuary into social rental housing.",
          description: "Bilbao converts warehouses along the estuary into social rental housing.",
          updated_at: now,
        })),
      )
      .execute();
    await db.insertInto("hub_goals").values({ hub_id: id, goal: 11, is_primary: true }).execute();
  },
});

const LANGUAGES = ["en", "es", "fr"] as const;
type Language = (typeof LANGUAGES)[number];
const VIEWPORTS = [
  { name: "desktop", width: 1366, height: 800 },
  { name: "phone", width: 390, height: 844 },
] as const;

const TEXT = {
  en: { list: "List", map: "Map", filters: "Filters", more: "More filters", apply: "Apply filters", region: "World region", samePlace: /^2 HUBs at this place\s*:\s*show the list$/, skip: "Skip the map, go to the list" },
  es: { list: "Lista", map: "Mapa", filters: "Filtros", more: "Más filtros", apply: "Aplicar los filtros", region: "Región del mundo", samePlace: /^2 HUBs en este lugar\s*:\s*mostrar la lista$/, skip: "Saltar el mapa e ir a la lista" },
  fr: { list: "Liste", map: "Carte", filters: "Filtres", more: "Plus de filtres", apply: "Appliquer les filtres", region: "Région du monde", samePlace: /^2 HUBs à cet endroit\s*:\s*afficher la liste$/, skip: "Passer la carte, aller à la liste" },
} satisfies Record<Language, Record<string, string | RegExp>>;

async function openPage(path: string, viewport: { width: number; height: number }, options: { javaScriptEnabled?: boolean } = {}) {
  const { context, foreignRequests } = await app.newContext(options);
  const page = await context.newPage();
  await page.setViewportSize(viewport);
  await page.goto(`${app.url}${path}`);
  return { context, page, foreignRequests };
}

/** The map has drawn its HUBs (markers or clusters). */
async function mapReady(page: Page) {
  await page.locator(".hub-map .hub-marker, .hub-map .hub-cluster").first().waitFor();
  await page.locator(".hub-map__status").filter({ hasText: /\d/ }).waitFor();
}

/** How much of the map the first screen shows, in px: its box cut to the viewport. */
async function mapOnFirstScreen(page: Page) {
  return page.evaluate(() => {
    const box = document.querySelector(".hub-map")!.getBoundingClientRect();
    const visible = (start: number, end: number, size: number) => Math.max(0, Math.min(end, size) - Math.max(start, 0));
    return { width: visible(box.left, box.right, window.innerWidth), height: visible(box.top, box.bottom, window.innerHeight) };
  });
}

/** Pairs of map targets (markers, clusters) whose boxes overlap. */
async function overlappingTargets(page: Page) {
  return page.evaluate(() => {
    const boxes = [...document.querySelectorAll<HTMLElement>(".hub-map .hub-marker, .hub-map .hub-cluster")].map((element) => ({
      name: element.getAttribute("title"),
      box: element.getBoundingClientRect(),
    }));
    const overlaps: string[] = [];
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, b] = [boxes[i].box, boxes[j].box];
        if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) overlaps.push(`${boxes[i].name} / ${boxes[j].name}`);
      }
    return overlaps;
  });
}

/** Tabs until `locator` has the focus (or gives up). */
async function tabTo(page: Page, locator: ReturnType<Page["locator"]>, limit = 120) {
  for (let i = 0; i < limit; i++) {
    if (await locator.evaluate((element) => element === document.activeElement).catch(() => false)) return true;
    await page.keyboard.press("Tab");
  }
  return false;
}

describe("the map first, in three languages, on a desktop and on a phone", () => {
  for (const viewport of VIEWPORTS) {
    for (const language of LANGUAGES) {
      it(`${language}, ${viewport.width}×${viewport.height}: the map fills the first screen, the header is one line, and axe (WCAG 2.2 AA, target size included) finds nothing on the map and a HUB page`, async () => {
        const { context, page, foreignRequests } = await openPage(`/${language}`, viewport);
        await mapReady(page);
        const shown = await mapOnFirstScreen(page);
        expect(shown.height).toBeGreaterThanOrEqual(300);
        expect(shown.width).toBeGreaterThanOrEqual(Math.min(300, viewport.width - 40));

        // One line: the header is no taller than its tallest item plus its padding, and every item sits on that line.
        const header = await page.evaluate(() => {
          const inner = document.querySelector(".site-header__inner")!;
          const items = [...inner.children]
            .flatMap((child) => (getComputedStyle(child).display === "contents" ? [...child.children] : [child]))
            .map((child) => child.getBoundingClientRect())
            .filter((box) => box.height > 0);
          return {
            height: document.querySelector(".site-header")!.getBoundingClientRect().height,
            tallest: Math.max(...items.map((box) => box.height)),
            tops: items.map((box) => box.top),
            bottoms: items.map((box) => box.bottom),
          };
        });
        expect(header.height).toBeLessThanOrEqual(56);
        expect(header.height).toBeLessThan(header.tallest * 2);
        expect(Math.max(...header.tops)).toBeLessThan(Math.min(...header.bottoms));

        expect(await overlappingTargets(page)).toEqual([]);
        expect(await accessibilityViolations(page, { wcag22: true })).toEqual([]);

        await page.goto(`${app.url}/${language}/hubs/bogota-cycle-network`);
        await page.locator(".hub-map .hub-marker").first().waitFor();
        expect(await accessibilityViolations(page, { wcag22: true })).toEqual([]);
        expect(foreignRequests).toEqual([]);
        await context.close();
      });
    }
  }
});

describe("two HUBs at one point", () => {
  const titles = (language: Language) => [SECOND_BILBAO_HUB.titles[language], DEMO_BILBAO_TITLE[language]];

  for (const [index, language] of LANGUAGES.entries()) {
    const viewport = VIEWPORTS[index % 2];
    it(`${language}, ${viewport.width} px: are one target whose popup opens each of them, by mouse`, async () => {
      const { context, page } = await openPage(`/${language}?${BILBAO_POINT}`, viewport);
      await mapReady(page);
      const place = page.getByRole("button", { name: TEXT[language].samePlace });
      expect(await page.locator(".hub-map .hub-marker").count()).toBe(0);
      for (const title of titles(language)) {
        await place.click();
        // The popup has opened and settled once it has put the focus on its first link.
        const firstLink = page.locator(".leaflet-popup").getByRole("link").first();
        await expect.poll(() => firstLink.evaluate((element) => element === document.activeElement)).toBe(true);
        const link = page.locator(".leaflet-popup").getByRole("link", { name: title });
        await link.click();
        await page.waitForURL(/\/hubs\/bilbao-/);
        await page.getByRole("heading", { level: 1, name: title }).waitFor();
        await page.goto(`${app.url}/${language}?${BILBAO_POINT}`);
        await mapReady(page);
      }
      await context.close();
    });

    it(`${language}, ${VIEWPORTS[(index + 1) % 2].width} px: are one target whose popup opens each of them, by keyboard`, async () => {
      const { context, page } = await openPage(`/${language}?${BILBAO_POINT}`, VIEWPORTS[(index + 1) % 2]);
      await mapReady(page);
      const place = page.getByRole("button", { name: TEXT[language].samePlace });
      for (const title of titles(language)) {
        expect(await tabTo(page, place)).toBe(true);
        await page.keyboard.press("Enter");
        const links = page.locator(".leaflet-popup").getByRole("link");
        await expect.poll(() => links.count()).toBe(2);
        // The focus moves into the popup, on its first link; Tab goes on to the next.
        await expect.poll(() => links.first().evaluate((element) => element === document.activeElement)).toBe(true);
        const names = await links.allTextContents();
        const position = names.findIndex((name) => (typeof title === "string" ? name === title : title.test(name)));
        expect(position).toBeGreaterThanOrEqual(0);
        for (let i = 0; i < position; i++) await page.keyboard.press("Tab");
        const link = page.locator(".leaflet-popup").getByRole("link", { name: title });
        expect(await link.evaluate((element) => element === document.activeElement)).toBe(true);
        await page.keyboard.press("Enter");
        await page.waitForURL(/\/hubs\/bilbao-/);
        await page.getByRole("heading", { level: 1, name: title }).waitFor();
        await page.goto(`${app.url}/${language}?${BILBAO_POINT}`);
        await mapReady(page);
      }
      // Escape closes the popup and gives the focus back to the place's target.
      expect(await tabTo(page, place)).toBe(true);
      await page.keyboard.press("Enter");
      await page.locator(".leaflet-popup").waitFor();
      await expect.poll(() => page.locator(".leaflet-popup").getByRole("link").first().evaluate((element) => element === document.activeElement)).toBe(true);
      await page.keyboard.press("Escape");
      await page.locator(".leaflet-popup").waitFor({ state: "detached" });
      await expect.poll(() => place.evaluate((element) => element === document.activeElement)).toBe(true);
      await context.close();
    });
  }
});

describe("the compact filters keep everything in the URL", () => {
  it("desktop: the rarer filters are behind More filters, counted there, and the URL carries them without empty fields", async () => {
    const { context, page } = await openPage("/es", VIEWPORTS[0]);
    await mapReady(page);
    const region = page.getByLabel(TEXT.es.region);
    expect(await region.isVisible()).toBe(false);
    await page.getByText(TEXT.es.more, { exact: true }).click();
    await region.selectOption("latin_america");
    await page.getByRole("button", { name: TEXT.es.apply }).click();
    await page.waitForURL(/region=latin_america/);
    const params = [...new URL(page.url()).searchParams];
    expect(params.filter(([, value]) => value === "")).toEqual([]);
    expect(params.filter(([name]) => name !== "map")).toEqual([["region", "latin_america"]]);
    // The panel closed on the results; its summary says one filter is on.
    await page.getByText("Más filtros (1 activo)").waitFor();
    expect(await region.isVisible()).toBe(false);
    // The shared URL opens the same filters.
    await page.goto(`${app.url}/es?region=latin_america&sdg=11`);
    expect(await page.getByLabel("Objetivo (ODS)").inputValue()).toBe("11");
    expect(await region.inputValue()).toBe("latin_america");
    await context.close();
  });

  it("phone: the filters are a sheet, the Map / List switch shows one or the other, and the map comes back drawn", async () => {
    const { context, page } = await openPage("/fr", VIEWPORTS[1]);
    await mapReady(page);
    const region = page.getByLabel(TEXT.fr.region);
    expect(await page.getByLabel("Objectif (ODD)").isVisible()).toBe(false);
    await page.getByText(TEXT.fr.filters, { exact: true }).click();
    // In the sheet every filter shows at once.
    expect(await region.isVisible()).toBe(true);
    await region.selectOption("europe");
    await page.getByRole("button", { name: TEXT.fr.apply }).click();
    await page.waitForURL(/region=europe/);
    expect(await region.isVisible()).toBe(false);
    await page.locator(".hub-map__status", { hasText: /HUBs? sur la carte/ }).waitFor();
    const switcher = page.getByRole("navigation", { name: "Affichage" });
    await switcher.getByRole("link", { name: TEXT.fr.list }).click();
    await page.waitForURL(/show=list/);
    await page.getByRole("heading", { level: 2, name: /HUBs? reconnus?/ }).waitFor();
    expect(await page.locator(".hub-map").isVisible()).toBe(false);
    expect(await page.locator(".hub-card").count()).toBeGreaterThan(0);
    expect(await switcher.getByRole("link", { name: TEXT.fr.list }).getAttribute("aria-current")).toBe("true");
    await switcher.getByRole("link", { name: TEXT.fr.map }).click();
    await page.waitForURL((url) => !url.searchParams.has("show"));
    await expect.poll(() => page.locator(".hub-card").first().isVisible()).toBe(false);
    // Leaflet measured a hidden box: it must have measured again and drawn the HUBs.
    await mapReady(page);
    expect((await mapOnFirstScreen(page)).height).toBeGreaterThanOrEqual(300);
    await context.close();
  });

  it("phone without JavaScript: the sheet, the filter form and the list switch still work", async () => {
    const { context, page } = await openPage("/es", VIEWPORTS[1], { javaScriptEnabled: false });
    await page.getByText(TEXT.es.filters, { exact: true }).click();
    await page.getByLabel(TEXT.es.region).selectOption("africa");
    await page.getByRole("button", { name: TEXT.es.apply }).click();
    await page.waitForURL(/region=africa/);
    await page.getByRole("link", { name: "Mostrar la lista de HUBs" }).click();
    await page.waitForURL(/show=list/);
    const places = await page.locator(".hub-card__place").allTextContents();
    expect(places.length).toBeGreaterThan(0);
    expect(places.every((place) => !/Colombia|España/.test(place))).toBe(true);
    // The header's menu opens without JavaScript too.
    await page.getByText("Menú", { exact: true }).click();
    await page.getByRole("link", { name: "Français" }).waitFor();
    await context.close();
  });

  it("keyboard: the skip link comes first, the title before the search, and a link skips the map to its list", async () => {
    const { context, page } = await openPage("/en", VIEWPORTS[0]);
    await mapReady(page);
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Skip to content");
    const order = await page.evaluate(() => {
      const at = (selector: string) => [...document.querySelectorAll("*")].indexOf(document.querySelector(selector)!);
      return [at("#home-title"), at("#filter-q"), at(".hub-map"), at("#hub-list-title"), at("#about-title")];
    });
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    const skip = page.getByRole("link", { name: TEXT.en.skip });
    expect(await tabTo(page, skip, 30)).toBe(true);
    await page.keyboard.press("Enter");
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("hub-list-title");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.closest(".map-page__list") !== null)).toBe(true);
    await context.close();
  });
});

describe("the map page's JavaScript", () => {
  it("stays within its budget of 150 KB at gzip, everything it downloads until its HUBs are drawn (docs/decisions/050)", async () => {
    // The production build (`npm run build`, as the e2e suite serves it) on a fresh Chromium profile.
    const report = await measurePageJavaScript(`${app.url}/en`, mapReady);
    const scripts = await Promise.all(report.scripts.map(async (script) => ({ url: script.url, body: await (await fetch(script.url)).text() })));
    // A server module's stand-in is not shipped as a chunk of its own (patches/@remix-run+dev+2.17.5.patch).
    expect(scripts.filter((script) => /exports\s*=\s*\{\}/.test(script.body) && script.body.length < 200).map((script) => script.url)).toEqual([]);
    expect(report.total("gzipBytes")).toBeLessThan(MAP_PAGE_BUDGET_BYTES);
  });
});
