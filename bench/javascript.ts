/**
 * The JavaScript a page costs a visitor, measured on the wire: Chromium opens the page on a fresh
 * profile (nothing cached), the test waits until the page is usable (`ready`), and every script
 * response is counted with the bytes its body took on the wire (after Content-Encoding).
 *
 * "Before hydration" is what the browser had to download before React could take over the
 * server-rendered page (entry, route modules, the locale chunks i18next awaits); "after" is what
 * the page asked for once React had committed its first render (the Leaflet map, a lazy import).
 * The moment is React's own: its first commit, reported to the DevTools hook that every React DOM
 * build (production included) calls when one is installed, as the React DevTools extension does.
 *
 * Chromium offers brotli on localhost too (it treats loopback as a secure context), so the figure
 * "on the wire" is usually the brotli one. Each script is fetched again with `Accept-Encoding: br`
 * and `gzip` to report what the same server sends at each encoding; the budget is the gzip sum.
 */
import http from "node:http";
import { chromium, type Page } from "playwright-core";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export interface ScriptDownload {
  url: string;
  /** Content-Encoding the browser received ("identity" when none). */
  encoding: string;
  /** Response body bytes as received by the browser. */
  wireBytes: number;
  /** The script's own size (decoded). */
  rawBytes: number;
  /** Body bytes the same server sends for `Accept-Encoding: gzip` and `br`. */
  gzipBytes: number;
  brotliBytes: number;
  afterHydration: boolean;
}

export interface JavaScriptReport {
  /** Accept-Encoding the browser sent. */
  acceptEncoding: string;
  scripts: ScriptDownload[];
  total(field: "wireBytes" | "rawBytes" | "gzipBytes" | "brotliBytes", part?: "before" | "after"): number;
}

/**
 * Installed before any page script: records when React first commits (the end of hydration).
 * A string, not a function, so that nothing the TypeScript runner adds to functions reaches the page.
 */
const RECORD_HYDRATION = `
  window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    isDisabled: false,
    supportsFiber: true,
    renderers: new Map(),
    inject() { return 1; },
    checkDCE() {},
    onScheduleFiberRoot() {},
    onCommitFiberUnmount() {},
    onPostCommitFiberRoot() {},
    onCommitFiberRoot() { if (window.__benchHydratedAt === undefined) window.__benchHydratedAt = performance.now(); },
  };
`;

function encodedBody(url: string, acceptEncoding: string): Promise<{ bytes: number; encoding: string }> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { headers: { "Accept-Encoding": acceptEncoding } }, (response) => {
      let bytes = 0;
      response.on("data", (chunk: Buffer) => (bytes += chunk.length));
      response.on("end", () => resolve({ bytes, encoding: response.headers["content-encoding"] ?? "identity" }));
      response.on("error", reject);
    });
    request.setTimeout(60_000, () => request.destroy(new Error(`timeout ${url}`)));
    request.on("error", reject);
  });
}

/**
 * Opens `pageUrl` in Chromium, waits for `ready(page)` and for the network to settle, and returns
 * every script the page downloaded.
 */
export async function measurePageJavaScript(pageUrl: string, ready: (page: Page) => Promise<void>): Promise<JavaScriptReport> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addInitScript({ content: RECORD_HYDRATION });
    const page = await context.newPage();
    const responses: { url: string; encoding: string; wireBytes: Promise<number>; rawBytes: Promise<number> }[] = [];
    let acceptEncoding: Promise<string> | undefined;
    page.on("response", (response) => {
      if (!/javascript/.test(response.headers()["content-type"] ?? "")) return;
      acceptEncoding ??= response.request().allHeaders().then((headers) => headers["accept-encoding"] ?? "");
      responses.push({
        url: response.url(),
        encoding: response.headers()["content-encoding"] ?? "identity",
        wireBytes: response.request().sizes().then((sizes) => sizes.responseBodySize),
        rawBytes: response.body().then((body) => body.length),
      });
    });
    await page.goto(pageUrl);
    await ready(page);
    await page.waitForLoadState("networkidle");

    const timing = await page.evaluate(() => ({
      hydratedAt: (window as unknown as { __benchHydratedAt?: number }).__benchHydratedAt,
      starts: performance.getEntriesByType("resource").map((entry) => [entry.name, entry.startTime] as const),
    }));
    if (timing.hydratedAt === undefined) throw new Error(`React never committed on ${pageUrl}`);
    const startOf = new Map(timing.starts);

    const scripts: ScriptDownload[] = [];
    for (const response of responses) {
      const started = startOf.get(response.url);
      if (started === undefined) throw new Error(`no resource timing for ${response.url}`);
      const [gzip, brotli] = [await encodedBody(response.url, "gzip"), await encodedBody(response.url, "br")];
      scripts.push({
        url: response.url,
        encoding: response.encoding,
        wireBytes: await response.wireBytes,
        rawBytes: await response.rawBytes,
        gzipBytes: gzip.bytes,
        brotliBytes: brotli.bytes,
        afterHydration: started >= timing.hydratedAt,
      });
    }
    await context.close();
    return {
      acceptEncoding: (await acceptEncoding) ?? "",
      scripts,
      total(field, part) {
        return scripts
          .filter((script) => part === undefined || script.afterHydration === (part === "after"))
          .reduce((sum, script) => sum + script[field], 0);
      },
    };
  } finally {
    await browser.close();
  }
}

/** The budget of the public map page: all of its JavaScript, at gzip (what every browser accepts). */
export const MAP_PAGE_BUDGET_BYTES = 150 * 1024;

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** The bench's rows for the map page `${base}/en`, ready once its markers or clusters are drawn. */
export async function mapPageJavaScript(base: string): Promise<{ figure: string; value: string; limit: string }[]> {
  const report = await measurePageJavaScript(`${base}/en`, async (page) => {
    await page.locator(".hub-map .leaflet-container").waitFor();
    await page.locator(".hub-map .hub-marker, .hub-map .hub-cluster").first().waitFor();
  });
  const split = (field: "wireBytes" | "gzipBytes" | "brotliBytes") =>
    `${kb(report.total(field))} = ${kb(report.total(field, "before"))} before hydration + ${kb(report.total(field, "after"))} after`;
  const encodings = [...new Set(report.scripts.map((script) => script.encoding))].join(", ");
  const gzip = report.total("gzipBytes");
  return [
    {
      figure: `JavaScript of the map page /en on the wire (${report.scripts.length} files; Chromium sent Accept-Encoding: ${report.acceptEncoding}, got ${encodings})`,
      value: split("wireBytes"),
      limit: "before: React DOM, Remix/React Router, i18next (entry), the page's routes and locale namespaces; after: Leaflet + react-leaflet and the map component",
    },
    {
      figure: `the same at gzip (Accept-Encoding: gzip), against the budget of ${kb(MAP_PAGE_BUDGET_BYTES)}`,
      value: `${split("gzipBytes")}: ${gzip < MAP_PAGE_BUDGET_BYTES ? "within" : "OVER"} budget`,
      limit: "zopfli-compressed at build time (scripts/compress-assets.mjs); uncompressed " + kb(report.total("rawBytes")),
    },
  ];
}
