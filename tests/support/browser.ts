import AxeBuilder from "@axe-core/playwright";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
  });
}

/** Content-Security-Policy violations seen by any page of any context made here, not yet taken. */
const cspViolations: string[] = [];

/**
 * The CSP violations reported since the last call (and forgets them): tests/support/e2e.ts fails
 * every browser test that leaves one behind.
 */
export function takeCspViolations(): string[] {
  return cspViolations.splice(0);
}

/**
 * A browser context that records (and refuses) every request leaving the app's origin, so a
 * test can assert the app works offline and fetches nothing from elsewhere. Every page of it
 * reports each `securitypolicyviolation` event (see `takeCspViolations`).
 */
export async function newOfflineContext(browser: Browser, origin: string, options: { locale?: string; javaScriptEnabled?: boolean } = {}) {
  const context: BrowserContext = await browser.newContext({ locale: options.locale ?? "en-GB", javaScriptEnabled: options.javaScriptEnabled ?? true });
  await context.exposeBinding("__reportCspViolation", ({ page }, violation: string) => {
    cspViolations.push(`${page.url()}: ${violation}`);
  });
  await context.addInitScript(() => {
    document.addEventListener(
      "securitypolicyviolation",
      (event) => {
        const report = (window as unknown as { __reportCspViolation?: (violation: string) => void }).__reportCspViolation;
        report?.(`${event.effectiveDirective} blocked ${event.blockedURI || "inline"} (${event.sourceFile || "?"}:${event.lineNumber}) ${event.sample}`);
      },
      true,
    );
  });
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
