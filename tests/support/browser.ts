import AxeBuilder from "@axe-core/playwright";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
  });
}

/**
 * A browser context that records (and refuses) every request leaving the app's origin, so a
 * test can assert the app works offline and fetches nothing from elsewhere.
 */
export async function newOfflineContext(browser: Browser, origin: string, options: { locale?: string; javaScriptEnabled?: boolean } = {}) {
  const context: BrowserContext = await browser.newContext({ locale: options.locale ?? "en-GB", javaScriptEnabled: options.javaScriptEnabled ?? true });
  const foreignRequests: string[] = [];
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith("data:") || url.startsWith("blob:")) return route.continue();
    foreignRequests.push(url);
    return route.abort();
  });
  return { context, foreignRequests };
}

/**
 * axe-core WCAG 2.1 A and AA rules; returns the violations, for `expect(...).toEqual([])`.
 * `wcag22` adds the WCAG 2.2 AA rules, with `target-size` (24 × 24 px targets that do not overlap),
 * which axe leaves off by default.
 */
export async function accessibilityViolations(page: Page, { wcag22 = false }: { wcag22?: boolean } = {}) {
  const tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", ...(wcag22 ? ["wcag22aa"] : [])];
  const results = await new AxeBuilder({ page })
    .options({ runOnly: { type: "tag", values: tags }, ...(wcag22 ? { rules: { "target-size": { enabled: true } } } : {}) })
    .analyze();
  return results.violations.map((violation) => ({
    id: violation.id,
    impact: violation.impact,
    help: violation.help,
    targets: violation.nodes.map((node) => node.target.join(" ")).slice(0, 5),
  }));
}
