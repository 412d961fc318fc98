import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { accessibilityViolations, newOfflineContext } from "../support/browser";
import { useApp } from "../support/e2e";

const app = useApp();

async function openPage(path: string, options: { locale?: string; javaScriptEnabled?: boolean } = {}) {
  const { context, foreignRequests } = await app.newContext(options);
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  const response = await page.goto(`${app.url}${path}`);
  return { context, page, foreignRequests, response };
}

/** The map has drawn its basemap and its HUBs (markers or clusters). */
async function mapReady(page: Page) {
  // Country shapes (some are empty at small zooms, so count rather than wait for the first).
  await page.waitForFunction(() => document.querySelectorAll(".hub-map .leaflet-basemap-pane path").length > 100);
  await page.locator(".hub-map .hub-marker, .hub-map .hub-cluster").first().waitFor();
}

async function onMapCount(page: Page) {
  const status = page.locator(".hub-map__status");
  await status.filter({ hasText: /\d/ }).waitFor();
  return Number((await status.textContent())!.match(/\d+/)![0]);
}

describe("the public map", () => {
  it("renders offline: basemap, markers with accessible names, and no request to another origin", async () => {
    const { context, page, foreignRequests } = await openPage("/en");
    await mapReady(page);
    expect(await page.locator(".hub-map .leaflet-basemap-pane path").count()).toBeGreaterThan(100);
    const markers = page.locator(".hub-map .hub-marker");
    expect(await markers.count()).toBeGreaterThan(0);
    // Every marker is a keyboard-operable button named by its HUB's title.
    const titles = await markers.evaluateAll((elements) => elements.map((element) => [element.getAttribute("role"), element.getAttribute("title")]));
    for (const [role, title] of titles) {
      expect(role).toBe("button");
      expect(title?.length).toBeGreaterThan(5);
    }
    expect(await onMapCount(page)).toBe(40);
    expect(foreignRequests).toEqual([]);
    await context.close();
  });

  it("loads Leaflet's stylesheet with the map, not as a render-blocking part of the page, and draws the map styled", async () => {
    for (const path of ["/en", "/en/hubs/bogota-cycle-network"]) {
      const html = await (await fetch(`${app.url}${path}`)).text();
      const stylesheets = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((match) => match[1]);
      expect(stylesheets.length).toBeGreaterThan(0);
      expect(stylesheets.filter((href) => href.includes("leaflet"))).toEqual([]);
      const { context, page } = await openPage(path);
      await page.locator(".hub-map .leaflet-container .hub-marker").first().waitFor();
      // Leaflet's own rules apply (its panes are absolutely placed, its container clips them), and
      // its stylesheet comes before the app's, whose adjustments still win.
      const styles = await page.evaluate(() => {
        const container = document.querySelector(".hub-map .leaflet-container")!;
        const pane = container.querySelector(".leaflet-map-pane")!;
        const links = [...document.querySelectorAll('link[rel="stylesheet"]')].map((link) => link.getAttribute("href")!);
        return { overflow: getComputedStyle(container).overflow, pane: getComputedStyle(pane).position, leafletFirst: links[0].includes("leaflet"), count: links.filter((href) => href.includes("leaflet")).length };
      });
      expect(styles).toEqual({ overflow: "hidden", pane: "absolute", leafletFirst: true, count: 1 });
      await context.close();
    }
  });

  it("draws the 110m countries at low zoom and the 50m ones from zoom 4, fetched once, below markers that stay clickable", async () => {
    const { context, page } = await openPage("/en?map=3/4.65/-74.1");
    const basemapRequests: string[] = [];
    page.on("request", (request) => {
      if (request.url().includes("/map/countries/")) basemapRequests.push(new URL(request.url()).pathname);
    });
    await page.reload();
    await mapReady(page);
    expect(basemapRequests).toEqual(["/map/countries/110m.geojson"]);
    const zoomIn = page.locator(".hub-map .leaflet-control-zoom-in");
    const zoomOut = page.locator(".hub-map .leaflet-control-zoom-out");
    await zoomIn.click();
    await page.waitForURL(/map=4%2F/);
    await expect.poll(() => basemapRequests).toEqual(["/map/countries/110m.geojson", "/map/countries/50m.geojson"]);
    // The 50m layer has 241 countries (110m: 177).
    await page.waitForFunction(() => document.querySelectorAll(".hub-map .leaflet-basemap-pane path").length > 200);
    // Out and in again: no new request, the shapes in memory are reused.
    await zoomOut.click();
    await page.waitForURL(/map=3%2F/);
    await page.waitForFunction(() => document.querySelectorAll(".hub-map .leaflet-basemap-pane path").length < 200);
    await zoomIn.click();
    await page.waitForURL(/map=4%2F/);
    await page.waitForFunction(() => document.querySelectorAll(".hub-map .leaflet-basemap-pane path").length > 200);
    expect(basemapRequests).toHaveLength(2);
    // The basemap sits in its own pane under the markers: what is under the centre of every marker
    // well inside the map is a marker or a cluster, not a country.
    await page.locator(".hub-map .hub-marker, .hub-map .hub-cluster").first().waitFor();
    const underMarkers = await page.evaluate(() => {
      const map = document.querySelector(".hub-map")!.getBoundingClientRect();
      return [...document.querySelectorAll(".hub-map .hub-marker, .hub-map .hub-cluster")]
        .map((marker) => marker.getBoundingClientRect())
        .map((box) => ({ x: box.x + box.width / 2, y: box.y + box.height / 2 }))
        .filter(({ x, y }) => x > map.left + 60 && x < map.right - 60 && y > map.top + 90 && y < map.bottom - 40)
        .map(({ x, y }) => document.elementFromPoint(x, y)?.closest(".hub-marker, .hub-cluster") !== null);
    });
    expect(underMarkers.length).toBeGreaterThan(0);
    expect(underMarkers.every(Boolean)).toBe(true);
    const zIndex = (pane: string) => page.locator(`.hub-map .leaflet-${pane}-pane`).evaluate((element) => Number(getComputedStyle(element).zIndex));
    expect(await zIndex("basemap")).toBeLessThan(await zIndex("overlay"));
    expect(await zIndex("overlay")).toBeLessThan(await zIndex("marker"));
    await context.close();
  });

  it("a filter changes the URL, the list and the markers", async () => {
    const { context, page } = await openPage("/en");
    await mapReady(page);
    const goalOption = await page.getByLabel("SDG goal").locator("option[value='6']").textContent();
    const expected = Number(goalOption!.match(/\((\d+)\)/)![1]);
    expect(expected).toBeGreaterThan(0);
    expect(expected).toBeLessThan(40);
    await page.getByLabel("SDG goal").selectOption("6");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await page.waitForURL(/[?&]sdg=6/);
    await page.getByRole("heading", { level: 2, name: `${expected} recognised HUB${expected === 1 ? "" : "s"}` }).waitFor();
    expect(await page.locator(".hub-card").count()).toBe(Math.min(expected, 20));
    await page.locator(".hub-map__status", { hasText: `${expected} HUB` }).waitFor();
    expect(await onMapCount(page)).toBe(expected);
    // Each card shows SDG 6 among its goals.
    for (const card of await page.locator(".hub-card").all()) expect(await card.getByText("SDG 6", { exact: true }).count()).toBe(1);
    await context.close();
  });

  it("a shared URL restores the filters and the map's view", async () => {
    const { context, page } = await openPage("/en?region=latin_america&map=7/4.65/-74.1");
    await mapReady(page);
    expect(await page.getByLabel("World region").inputValue()).toBe("latin_america");
    const bbox = (await page.locator(".hub-map").getAttribute("data-bbox"))!.split(",").map(Number);
    const [west, south, east, north] = bbox;
    expect(west).toBeLessThan(-74.1);
    expect(east).toBeGreaterThan(-74.1);
    expect(south).toBeLessThan(4.65);
    expect(north).toBeGreaterThan(4.65);
    expect(east - west).toBeLessThan(20);
    await page.locator('.hub-marker[title="Safe, connected cycle lane network for Bogotá\'s southern neighbourhoods"]').waitFor();
    // Moving the map keeps the new view in the URL, ready to share.
    await page.locator(".hub-map .leaflet-control-zoom-out").click();
    await page.waitForURL(/map=6%2F/);
    await context.close();
  });

  it("lists only what is in view when asked, and follows the map", async () => {
    const { context, page } = await openPage("/en?map=5/40/-3");
    await mapReady(page);
    await page.getByLabel("Only list the HUBs in the map's view").check();
    await page.waitForURL(/bbox=/);
    const heading = page.getByRole("heading", { level: 2, name: /recognised HUB/ });
    await heading.filter({ hasNotText: "40 recognised" }).waitFor();
    const titles = await page.locator(".hub-card__title").allTextContents();
    expect(titles.some((title) => /Barcelona|Madrid|Bilbao|Sevilla|Seville/i.test(title))).toBe(true);
    expect(titles.some((title) => /Bogotá/.test(title))).toBe(false);
    // Zooming out widens the box in the URL and the list grows with it.
    const before = Number((await heading.textContent())!.match(/\d+/)![0]);
    const firstBox = new URL(page.url()).searchParams.get("bbox");
    await page.locator(".hub-map .leaflet-control-zoom-out").click();
    await page.waitForURL((url) => url.searchParams.get("bbox") !== firstBox);
    await page.locator(".hub-map .leaflet-control-zoom-out").click();
    await expect.poll(async () => Number((await heading.textContent())!.match(/\d+/)![0]), { timeout: 15_000 }).toBeGreaterThan(before);
    await context.close();
  });

  it("shows synchronised HUBs as lines when asked, keeps the choice in the URL, and stays accessible", async () => {
    const { context, page } = await openPage("/fr");
    await mapReady(page);
    expect(await page.locator(".hub-map .hub-map__link").count()).toBe(0);
    const toggle = page.getByLabel("Afficher sur la carte les lignes entre HUBs synchronisés");
    await toggle.focus();
    await page.keyboard.press("Space");
    await page.waitForURL(/links=1/);
    await page.locator(".hub-map .hub-map__link").first().waitFor();
    const lines = await page.locator(".hub-map .hub-map__link").count();
    expect(lines).toBeGreaterThan(0);
    await expect.poll(() => page.locator(".hub-map__status").textContent()).toContain(`${lines} ligne`);
    expect(await accessibilityViolations(page)).toEqual([]);
    // The shared URL draws them again; unticking takes them away.
    await page.goto(`${app.url}/fr?links=1`);
    await page.locator(".hub-map .hub-map__link").first().waitFor();
    await page.getByLabel("Afficher sur la carte les lignes entre HUBs synchronisés").uncheck();
    await page.waitForURL((url) => !url.searchParams.has("links"));
    await expect.poll(() => page.locator(".hub-map .hub-map__link").count()).toBe(0);
    await context.close();
  });

  it("keyboard only: reaches a HUB from the map, opens its popup, and gets to the HUB page", async () => {
    const { context, page } = await openPage("/en?map=6/4.65/-74.1");
    await mapReady(page);
    const marker = page.locator('.hub-marker[title^="Safe, connected cycle lane network"]');
    await marker.waitFor();
    let focused = false;
    for (let i = 0; i < 80 && !focused; i++) {
      await page.keyboard.press("Tab");
      focused = await marker.evaluate((element) => element === document.activeElement);
    }
    expect(focused).toBe(true);
    await page.keyboard.press("Enter");
    const link = page.locator(".leaflet-popup").getByRole("link", { name: /Safe, connected cycle lane network/ });
    await link.waitFor();
    // Focus moved into the popup, onto the link.
    await expect.poll(() => link.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.keyboard.press("Enter");
    await page.waitForURL(`${app.url}/en/hubs/bogota-cycle-network`);
    await page.getByRole("heading", { level: 1, name: /Safe, connected cycle lane network/ }).waitFor();
    await context.close();
  });

  it("keyboard only: the list is the map's equivalent and leads to a HUB page", async () => {
    const { context, page } = await openPage("/en");
    let href: string | null = null;
    for (let i = 0; i < 150 && !href; i++) {
      await page.keyboard.press("Tab");
      href = await page.evaluate(() => {
        const active = document.activeElement;
        return active instanceof HTMLAnchorElement && active.closest(".hub-card") ? active.getAttribute("href") : null;
      });
    }
    expect(href).toMatch(/^\/en\/hubs\//);
    await page.keyboard.press("Enter");
    await page.waitForURL(`${app.url}${href}`);
    await page.getByText("Local4Action HUB by UCLG").first().waitFor();
    await context.close();
  });

  it("search finds a HUB by a word of its Spanish text from the French interface", async () => {
    const { context, page } = await openPage("/fr");
    await page.getByLabel("Rechercher").fill("biciparqueaderos");
    await page.getByRole("button", { name: "Appliquer les filtres" }).click();
    await page.waitForURL(/q=biciparqueaderos/);
    await page.getByRole("heading", { level: 2, name: "1 HUB reconnu" }).waitFor();
    await page.getByRole("link", { name: "Réseau de pistes cyclables sûres et connectées pour les quartiers sud de Bogotá" }).waitFor();
    await page.locator(".hub-map__status", { hasText: "1 HUB sur la carte" }).waitFor();
    await context.close();
  });

  it("filters without JavaScript: the form and the list work alone", async () => {
    const { context, page } = await openPage("/es", { javaScriptEnabled: false });
    await page.getByText("El mapa interactivo necesita JavaScript").waitFor();
    // The rarer filters are behind a disclosure, which opens without JavaScript too.
    await page.getByText("Más filtros", { exact: true }).click();
    await page.getByLabel("Región del mundo").selectOption("africa");
    await page.getByRole("button", { name: "Aplicar los filtros" }).click();
    await page.waitForURL(/region=africa/);
    const places = await page.locator(".hub-card__place").allTextContents();
    expect(places.length).toBeGreaterThan(0);
    expect(places.every((place) => !/Colombia|España/.test(place))).toBe(true);
    await context.close();
  });
});

describe("accessibility and languages", () => {
  for (const language of ["en", "es", "fr"] as const) {
    it(`has no axe violation on the map and list, a HUB page, open data and about in ${language}`, async () => {
      const { context, page, foreignRequests } = await openPage(`/${language}?sdg=11`);
      await mapReady(page);
      expect(await accessibilityViolations(page)).toEqual([]);
      await page.goto(`${app.url}/${language}/hubs/bogota-cycle-network`);
      await page.locator(".hub-map .hub-marker").first().waitFor();
      expect(await accessibilityViolations(page)).toEqual([]);
      for (const path of ["open-data", "about", "embed"]) {
        await page.goto(`${app.url}/${language}/${path}`);
        expect(await accessibilityViolations(page)).toEqual([]);
      }
      expect(foreignRequests).toEqual([]);
      await context.close();
    });
  }

  it("the HUB page reads in the page's language, names the original language of untranslated texts, and links synchronised HUBs both ways", async () => {
    const { context, page } = await openPage("/fr/hubs/medellin-green-corridors");
    expect(await page.locator("html").getAttribute("lang")).toBe("fr");
    await page.getByText("HUB Local4Action de CGLU").first().waitFor();
    await page.getByRole("heading", { level: 2, name: "HUBs synchronisés" }).waitFor();
    await page.getByRole("link", { name: /pistes cyclables/ }).click();
    await page.waitForURL(/\/fr\/hubs\/bogota-cycle-network$/);
    expect(await page.getByRole("link", { name: /Medell/ }).count()).toBeGreaterThan(0);
    await page.getByText("Dernier avancement").first().waitFor();
    expect(await page.locator('meta[name="description"]').getAttribute("content")).toMatch(/Bogotá étend/);
    expect(await page.locator('meta[property="og:title"]').getAttribute("content")).toMatch(/pistes cyclables/);
    await context.close();
  });
});

describe("interface language and translations in the browser", () => {
  /** Every text the page shows from now on, to catch an untranslated key on the way. */
  async function recordTexts(page: Page) {
    await page.evaluate(() => {
      const seen: string[] = ((window as unknown as { seenTexts: string[] }).seenTexts = []);
      new MutationObserver(() => seen.push(document.body.innerText)).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    return () => page.evaluate(() => (window as unknown as { seenTexts: string[] }).seenTexts);
  }
  const RAW_KEY = /(^|\s)(nav|login|signup|home|map|status|list|filters)\.[a-zA-Z]+/m;

  it("switches the map page from English to Spanish in place, with the map and its list translated", async () => {
    const { context, page } = await openPage("/en?sdg=11");
    await mapReady(page);
    await page.locator(".hub-map__status", { hasText: "on the map" }).waitFor();
    // A full page load would lose this; a client-side language switch keeps it.
    await page.evaluate(() => ((window as unknown as { stayedOnPage: boolean }).stayedOnPage = true));
    const texts = await recordTexts(page);
    await page.getByRole("navigation", { name: "Language" }).getByRole("link", { name: "Español" }).click();
    await page.waitForURL(`${app.url}/es?sdg=11`);
    await page.getByRole("button", { name: "Aplicar los filtros" }).waitFor();
    await page.getByRole("heading", { level: 1, name: "HUBs Local4Action" }).waitFor();
    await page.locator(".hub-map__status", { hasText: "en el mapa" }).waitFor();
    await page.getByLabel("Listar solo los HUBs visibles en el mapa").waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("es");
    expect(await page.evaluate(() => (window as unknown as { stayedOnPage?: boolean }).stayedOnPage)).toBe(true);
    expect((await texts()).filter((text) => RAW_KEY.test(text))).toEqual([]);
    await context.close();
  });

  it("a client-side navigation to a page with other namespaces shows it translated from its first paint", async () => {
    const { context, page } = await openPage("/fr");
    await mapReady(page);
    await page.evaluate(() => ((window as unknown as { stayedOnPage: boolean }).stayedOnPage = true));
    const texts = await recordTexts(page);
    await page.getByRole("link", { name: "Se connecter" }).click();
    await page.waitForURL(/\/fr\/login/);
    await page.getByLabel("Mot de passe").waitFor();
    expect(await page.evaluate(() => (window as unknown as { stayedOnPage?: boolean }).stayedOnPage)).toBe(true);
    expect((await texts()).filter((text) => RAW_KEY.test(text))).toEqual([]);
    await context.close();
  });
});

describe("embedding and open data over HTTP", () => {
  it("allows framing of the embed page only", async () => {
    const embed = await fetch(`${app.url}/en/embed?sdg=11`);
    expect(embed.status).toBe(200);
    expect(embed.headers.get("x-frame-options")).toBeNull();
    const home = await fetch(`${app.url}/en`);
    expect(home.headers.get("x-frame-options")).toBe("DENY");
  });

  it("serves the embed page as a map alone, with the filters of its URL", async () => {
    const { context, page, foreignRequests } = await openPage("/es/embed?sdg=6");
    await mapReady(page);
    expect(await page.locator(".site-header").count()).toBe(0);
    const expected = await (await fetch(`${app.url}/api/hubs.geojson?sdg=6`)).json();
    expect(await onMapCount(page)).toBe(expected.features.length);
    expect(foreignRequests).toEqual([]);
    await context.close();
  });

  it("answers cross-origin GETs to the open data with CORS and a validator", async () => {
    const response = await fetch(`${app.url}/api/hubs.csv?lang=es&sdg=11`, { headers: { Origin: "https://member-city.example" } });
    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    const etag = response.headers.get("etag")!;
    const again = await fetch(`${app.url}/api/hubs.csv?lang=es&sdg=11`, { headers: { "If-None-Match": etag } });
    expect(again.status).toBe(304);
    const preflight = await fetch(`${app.url}/api/hubs.geojson`, { method: "OPTIONS", headers: { Origin: "https://member-city.example" } });
    expect(preflight.headers.get("access-control-allow-origin")).toBe("*");
    const hub = await fetch(`${app.url}/api/hubs/bogota-cycle-network.json?lang=fr`);
    expect(hub.status).toBe(200);
    expect((await hub.json()).title).toMatch(/pistes cyclables/);
    const feed = await fetch(`${app.url}/fr/feed.xml`);
    expect(feed.headers.get("content-type")).toMatch(/^application\/atom\+xml/);
    expect(await feed.text()).toMatch(/<title>(Nouveau HUB reconnu|Avancement publié)\u202F: /);
    for (const resolution of ["110m", "50m"]) {
      // Sent gzipped as stored (Node's fetch decodes it), cached a week, revalidated by ETag.
      const basemap = await fetch(`${app.url}/map/countries/${resolution}.geojson`, { headers: { "Accept-Encoding": "gzip" } });
      expect(basemap.headers.get("content-encoding")).toBe("gzip");
      expect(basemap.headers.get("cache-control")).toBe("public, max-age=604800");
      expect((await basemap.json()).type).toBe("FeatureCollection");
      const etag = basemap.headers.get("etag")!;
      expect(etag).toBeTruthy();
      const again = await fetch(`${app.url}/map/countries/${resolution}.geojson`, { headers: { "If-None-Match": etag } });
      expect(again.status).toBe(304);
      const plain = await fetch(`${app.url}/map/countries/${resolution}.geojson`, { headers: { "Accept-Encoding": "identity" } });
      expect(plain.headers.get("content-encoding")).toBeNull();
      expect((await plain.json()).type).toBe("FeatureCollection");
    }
    expect((await fetch(`${app.url}/map/countries/10m.geojson`)).status).toBe(404);
  });
});

describe("with raster tiles configured (MAP_TILE_URL)", () => {
  const tiled = useApp({ browser: false, env: { MAP_TILE_URL: "https://tiles.example/{z}/{x}/{y}.png", MAP_TILE_ATTRIBUTION: "Tiles example" } });

  it("draws the tiles and fetches no offline basemap", async () => {
    const { context, foreignRequests } = await newOfflineContext(app.browser, tiled.url);
    const page = await context.newPage();
    const basemapRequests: string[] = [];
    page.on("request", (request) => {
      if (request.url().includes("/map/countries/")) basemapRequests.push(request.url());
    });
    await page.goto(`${tiled.url}/en?map=5/4.65/-74.1`);
    await page.locator(".hub-map .hub-marker, .hub-map .hub-cluster").first().waitFor();
    await page.locator(".hub-map .leaflet-tile-pane img").first().waitFor({ state: "attached" });
    await page.getByText("Tiles example").waitFor();
    expect(foreignRequests.some((url) => url.startsWith("https://tiles.example/5/"))).toBe(true);
    expect(basemapRequests).toEqual([]);
    expect(await page.locator(".hub-map .leaflet-basemap-pane").count()).toBe(0);
    await context.close();
  });
});
