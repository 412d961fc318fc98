import { generateTOTP } from "@epic-web/totp";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../support/accounts";
import { accessibilityViolations } from "../support/browser";
import { useApp } from "../support/e2e";

// The production server with the production default: council and secretariat must use two-step sign-in.
const app = useApp({ env: { REQUIRE_MFA: "staff" } });

async function logIn(page: Page, language: "en" | "es" | "fr", labels: { email: string; password: string; submit: string }) {
  await page.goto(`${app.url}/${language}/login`);
  await page.getByLabel(labels.email).fill("secretariat@demo.l4a.test");
  await page.getByLabel(labels.password, { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: labels.submit }).click();
}

describe("two-step sign-in in the browser", () => {
  it("the secretariat enrols on first sign-in with the key read off the page, keeps recovery codes, and signs in again with one; the pages pass axe in en, es and fr", async () => {
    const { context, foreignRequests } = await app.newContext({ locale: "en-GB" });
    const page = await context.newPage();

    // First sign-in: every page leads to the enrolment page until it is done.
    await logIn(page, "en", { email: "E-mail", password: "Password", submit: "Log in" });
    await page.waitForURL(/\/en\/account\/two-factor\?redirectTo=/);
    await page.getByRole("heading", { level: 1, name: "Two-step sign-in" }).waitFor();
    await page.goto(`${app.url}/en/review`);
    await page.waitForURL(/\/en\/account\/two-factor\?redirectTo=%2Fen%2Freview/);
    await page.getByRole("img", { name: "QR code of your sign-in key" }).waitFor();
    expect(await accessibilityViolations(page, { wcag22: true })).toEqual([]);

    const secret = (await page.getByTestId("totp-secret").textContent())!.trim();
    expect(await page.getByText(/^otpauth:\/\/totp\//).textContent()).toContain(`secret=${secret}`);
    const code = page.getByLabel("Code", { exact: true });
    expect(await code.getAttribute("autocomplete")).toBe("one-time-code");
    expect(await code.getAttribute("inputmode")).toBe("numeric");
    await code.fill((await generateTOTP({ secret, algorithm: "SHA-1", digits: 6, period: 30 })).otp);
    await page.getByRole("button", { name: "Turn on two-step sign-in" }).click();

    await page.getByRole("heading", { level: 1, name: "Your recovery codes" }).waitFor();
    const recoveryCodes = (await page.getByRole("list", { name: "Your recovery codes" }).getByRole("listitem").allTextContents()).map((text) => text.trim());
    expect(recoveryCodes).toHaveLength(10);
    expect(await accessibilityViolations(page, { wcag22: true })).toEqual([]);
    await page.getByRole("link", { name: "Continue" }).click();
    await page.waitForURL(`${app.url}/en/review`);
    await page.goto(`${app.url}/en/account/sessions`);
    await page.getByRole("heading", { level: 1, name: "Your sessions" }).waitFor();
    await page.getByText("This browser").waitFor();
    expect(await accessibilityViolations(page, { wcag22: true })).toEqual([]);
    await page.goto(`${app.url}/en/admin/accounts`);
    await page.getByRole("heading", { level: 1, name: "Accounts" }).waitFor();
    expect(await accessibilityViolations(page, { wcag22: true })).toEqual([]);
    await page.getByRole("link", { name: "Demo advisory council member" }).click();
    await page.getByRole("heading", { level: 1, name: /^Account of / }).waitFor();
    expect(await accessibilityViolations(page, { wcag22: true })).toEqual([]);
    await page.getByRole("button", { name: "Log out" }).click();
    await page.waitForURL(`${app.url}/en`);

    // Signing in again, in Spanish: the password, then a code; a lost phone means a recovery code.
    await logIn(page, "es", { email: "Correo electrónico", password: "Contraseña", submit: "Iniciar sesión" });
    await page.waitForURL(/\/es\/login\/code\?/);
    await page.getByRole("heading", { level: 1, name: "Introduzca su código de acceso" }).waitFor();
    expect(await accessibilityViolations(page, { wcag22: true })).toEqual([]);
    await page.getByLabel("Código", { exact: true }).fill(recoveryCodes[0]);
    await page.getByRole("button", { name: "Continuar" }).click();
    await page.waitForURL(`${app.url}/es/account/two-factor?recovered=1`);
    await page.getByText("Ha iniciado sesión con un código de recuperación. Le quedan 9").waitFor();
    expect(await accessibilityViolations(page, { wcag22: true })).toEqual([]);
    await page.goto(`${app.url}/es/account/sessions`);
    await page.getByRole("heading", { level: 1, name: "Sus sesiones" }).waitFor();
    expect(await accessibilityViolations(page, { wcag22: true })).toEqual([]);
    await page.goto(`${app.url}/es/admin/accounts`);
    await page.getByRole("heading", { level: 1, name: "Cuentas" }).waitFor();
    expect(await accessibilityViolations(page, { wcag22: true })).toEqual([]);
    await page.getByRole("link", { name: "Demo advisory council member" }).click();
    await page.getByRole("heading", { level: 1, name: /^Cuenta de / }).waitFor();
    // The code from the sign-in is fresh: disabling asks for none.
    expect(await page.getByLabel("Código de su aplicación de autenticación").count()).toBe(0);
    expect(await accessibilityViolations(page, { wcag22: true })).toEqual([]);

    // In French: new recovery codes, confirmed with another recovery code.
    await page.goto(`${app.url}/fr/account/two-factor`);
    await page.getByRole("heading", { level: 1, name: "Connexion en deux étapes" }).waitFor();
    expect(await accessibilityViolations(page, { wcag22: true })).toEqual([]);
    const regenerate = page.locator("form", { has: page.getByRole("button", { name: "Créer de nouveaux codes de secours" }) });
    await regenerate.getByLabel("Code", { exact: true }).fill(recoveryCodes[1]);
    await regenerate.getByRole("button", { name: "Créer de nouveaux codes de secours" }).click();
    await page.getByRole("heading", { level: 1, name: "Vos codes de secours" }).waitFor();
    const fresh = await page.getByRole("list", { name: "Vos codes de secours" }).getByRole("listitem").allTextContents();
    expect(fresh).toHaveLength(10);
    expect(fresh).not.toContain(recoveryCodes[2]);
    await page.goto(`${app.url}/fr/account/sessions`);
    await page.getByRole("heading", { level: 1, name: "Vos sessions" }).waitFor();
    expect(await accessibilityViolations(page, { wcag22: true })).toEqual([]);
    await page.goto(`${app.url}/fr/admin/accounts`);
    await page.getByRole("heading", { level: 1, name: "Comptes" }).waitFor();
    expect(await accessibilityViolations(page, { wcag22: true })).toEqual([]);
    await page.getByRole("link", { name: "Demo advisory council member" }).click();
    await page.getByRole("heading", { level: 1, name: /^Compte de / }).waitFor();
    expect(await accessibilityViolations(page, { wcag22: true })).toEqual([]);
    await page.goto(`${app.url}/fr/account/sessions`);
    await page.getByRole("button", { name: "Se déconnecter partout", exact: true }).click();
    await page.waitForURL(`${app.url}/fr/login`);

    // Signed out, the sign-up pages of issue 10 in French: "check your e-mail", and a link that no longer works.
    await page.goto(`${app.url}/fr/signup?sent=1`);
    await page.getByRole("heading", { level: 1, name: "Consultez vos e-mails" }).waitFor();
    expect(await accessibilityViolations(page, { wcag22: true })).toEqual([]);
    const gone = await page.goto(`${app.url}/fr/signup/confirm/${"x".repeat(43)}`);
    expect(gone?.status()).toBe(410);
    await page.getByText("Ce lien ne fonctionne plus").waitFor();
    expect(await accessibilityViolations(page, { wcag22: true })).toEqual([]);
    await page.goto(`${app.url}/en/signup?sent=1`);
    await page.getByRole("heading", { level: 1, name: "Check your e-mail" }).waitFor();
    expect(await accessibilityViolations(page, { wcag22: true })).toEqual([]);
    await page.goto(`${app.url}/en/signup/confirm/${"x".repeat(43)}`);
    await page.getByText("This link does not work any more").waitFor();
    expect(await accessibilityViolations(page, { wcag22: true })).toEqual([]);
    expect(foreignRequests).toEqual([]);
    await context.close();
  });
});
