import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { accessibilityViolations } from "../support/browser";
import { useApp } from "../support/e2e";
import { useFakeSmtp } from "../support/smtp";

// Reset and invitation links reach people by e-mail only (the outbox page hides them): the server
// sends to a fake SMTP server, where the tests read them as the recipient would.
const smtp = useFakeSmtp();
const app = useApp({ env: smtp.env });

const DEMO_PASSWORD = "demo-hub-2030";
const CONTAINS_EMAIL = /password must not contain/i;
const ANA = { email: "ana.perez@rosario.example", password: "rio-parana-atardecer-2030" };

async function logIn(page: Page, email: string, password: string) {
  await page.goto(`${app.url}/en/login`);
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Log in" }).click();
  await page.getByRole("button", { name: "Log out" }).waitFor();
}

describe("accounts in the browser", () => {
  it("a new representative signs up in Spanish creating an organisation: a password error first, input kept, then logged in", async () => {
    const { context, foreignRequests } = await app.newContext({ locale: "es-ES" });
    const page = await context.newPage();
    await page.goto(`${app.url}/es`);
    await page.getByRole("link", { name: "Registrarse" }).click();
    await page.getByRole("heading", { level: 1, name: "Registrarse como representante de ciudad" }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByLabel("Su nombre").fill("Ana Pérez");
    await page.getByLabel("Correo electrónico").fill(ANA.email);
    await page.getByLabel("Contraseña nueva").fill("corta-123");
    await page.getByLabel("Repita la contraseña").fill("corta-123");
    expect(await page.getByLabel("Idioma preferido").inputValue()).toBe("es");
    await page.getByLabel("Registrar una organización nueva").check();
    await page.getByLabel("Nombre de la organización").fill("Comuna de Puerto Esperanza");
    await page.getByLabel("Tipo de organización").selectOption({ label: "Gobierno local" });
    await page.getByLabel("País").selectOption({ label: "Argentina" });
    await page.getByLabel("Región mundial de CGLU").selectOption({ label: "América Latina" });
    await page.getByLabel("Ciudad").fill("Rosario");
    await page.getByLabel("Latitud").fill("-32.9468");
    await page.getByLabel("Longitud").fill("-60.6393");
    await page.getByRole("button", { name: "Crear mi cuenta" }).click();

    // The error sits beside the password field; everything else is still there.
    const passwordError = page.locator("#" + (await page.getByLabel("Contraseña nueva").getAttribute("aria-describedby"))!.split(" ").pop()!);
    await expect(passwordError.textContent()).resolves.toContain("Introduzca al menos 12 caracteres.");
    expect(await page.getByLabel("Contraseña nueva").getAttribute("aria-invalid")).toBe("true");
    expect(await page.getByLabel("Su nombre").inputValue()).toBe("Ana Pérez");
    expect(await page.getByLabel("Nombre de la organización").inputValue()).toBe("Comuna de Puerto Esperanza");
    expect(await page.getByLabel("País").inputValue()).toBe("AR");
    expect(await page.getByLabel("Latitud").inputValue()).toBe("-32.9468");
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByLabel("Contraseña nueva").fill(ANA.password);
    await page.getByLabel("Repita la contraseña").fill(ANA.password);
    await page.getByRole("button", { name: "Crear mi cuenta" }).click();
    // The address is confirmed by the link of the e-mail before anything else.
    await page.getByRole("heading", { level: 1, name: "Revise su correo" }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.goto((await smtp.nextMailTo(ANA.email)).match(/https?:\/\/\S+\/es\/signup\/confirm\/[A-Za-z0-9_-]{43}/)![0]);
    await page.getByRole("heading", { level: 1, name: "Confirme su dirección de correo" }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Confirmar mi dirección" }).click();
    await page.waitForURL(`${app.url}/es/account?welcome=1`);
    await page.getByText("¡Bienvenida/o! Su cuenta está lista.").waitFor();
    await page.getByText("pendiente de verificación por la secretaría").waitFor();
    await page.getByText("Sesión iniciada como Ana Pérez").waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(foreignRequests).toEqual([]);
    await context.close();
  });

  it("the secretariat logs in through the form and verifies the new organisation in English; the log-in and admin pages pass axe", async () => {
    const { context } = await app.newContext({ locale: "en-GB" });
    const page = await context.newPage();
    await page.goto(`${app.url}/en/login`);
    expect(await accessibilityViolations(page)).toEqual([]);
    await logIn(page, "secretariat@demo.l4a.test", DEMO_PASSWORD);
    await page.getByRole("link", { name: "Administration" }).click();
    await page.getByRole("heading", { level: 1, name: "Organisations" }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    const row = page.getByRole("row", { name: /Comuna de Puerto Esperanza/ });
    await row.getByText("Not verified").waitFor();
    await row.getByText("Rosario, Argentina").waitFor();
    expect(await page.getByRole("row", { name: /Comuna de Puerto Esperanza/ }).count()).toBe(1);
    await page.getByRole("button", { name: "Verify Comuna de Puerto Esperanza" }).click();
    await page.getByText("The organisation is verified: its proposals can now be submitted.").waitFor();
    await page.getByRole("row", { name: /Comuna de Puerto Esperanza/ }).getByText(/^Verified on /).waitFor();

    await page.getByRole("navigation", { name: "Administration" }).getByRole("link", { name: "Invitations" }).click();
    await page.getByRole("heading", { level: 1, name: "Invitations" }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole("navigation", { name: "Administration" }).getByRole("link", { name: "Outbox" }).click();
    await page.getByRole("heading", { level: 1, name: "Outbox" }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await context.close();

    // The representative now sees the organisation verified.
    const ana = await app.newContext({ locale: "es-ES" });
    const anaPage = await ana.context.newPage();
    await logIn(anaPage, ANA.email, ANA.password);
    await anaPage.goto(`${app.url}/es/account`);
    await anaPage.getByText(/^verificada el /).waitFor();
    await ana.context.close();
    // And is told so by e-mail, in Spanish (issue 10).
    expect(await smtp.nextMailTo(ANA.email)).toContain("Comuna de Puerto Esperanza. Ya puede presentar propuestas de HUB");
  });

  it("a forgotten password is reset through the link received by e-mail, which the outbox page never shows", async () => {
    const visitor = await app.newContext({ locale: "en-GB" });
    const page = await visitor.context.newPage();
    await page.goto(`${app.url}/en/login`);
    await page.getByRole("link", { name: "Forgot your password?" }).click();
    await page.getByRole("heading", { level: 1, name: "Forgot your password" }).waitFor();
    await page.getByLabel("E-mail").fill(ANA.email);
    await page.getByRole("button", { name: "Send the link" }).click();
    await page.getByText("If an account exists for this address, we have sent it a link").waitFor();

    const secretariat = await app.newContext({ locale: "en-GB" });
    const adminPage = await secretariat.context.newPage();
    await app.loginAs("secretariat", secretariat.context);
    await adminPage.goto(`${app.url}/en/admin/outbox`);
    const message = adminPage.getByRole("article", { name: "Elija una contraseña nueva para HUBs Local4Action" });
    await message.getByText(ANA.email).waitFor();
    const link = (await smtp.nextMailTo(ANA.email)).match(/https?:\/\/\S+\/es\/password\/reset\/[A-Za-z0-9_-]{43}/)![0];
    const body = await message.locator("pre").textContent();
    expect(body).toContain("/es/password/reset/[link hidden]");
    expect(await adminPage.content()).not.toContain(link.split("/").at(-1));
    await secretariat.context.close();

    const newPassword = "lago-andino-silencioso-77";
    await page.goto(link);
    await page.getByRole("heading", { level: 1, name: "Elija una contraseña nueva" }).waitFor();
    await page.getByLabel("Contraseña nueva").fill(newPassword);
    await page.getByLabel("Repita la contraseña").fill(newPassword);
    await page.getByRole("button", { name: "Guardar la contraseña nueva" }).click();
    await page.waitForURL(`${app.url}/es/login?reset=1`);
    await page.getByText("Su contraseña se ha cambiado. Inicie sesión con la nueva.").waitFor();
    await page.getByLabel("Correo electrónico").fill(ANA.email);
    await page.getByLabel("Contraseña").fill(newPassword);
    await page.getByRole("button", { name: "Iniciar sesión" }).click();
    await page.getByText("Sesión iniciada como Ana Pérez").waitFor();

    // The link worked once.
    await page.goto(link);
    await page.getByText("Este enlace ya se ha utilizado.").waitFor();
    await visitor.context.close();
  });

  it("the secretariat invites a council member in French, who accepts the single-use link from the e-mail", async () => {
    const secretariat = await app.newContext({ locale: "en-GB" });
    const adminPage = await secretariat.context.newPage();
    await app.loginAs("secretariat", secretariat.context);
    await adminPage.goto(`${app.url}/en/admin/invitations`);
    await adminPage.getByLabel("E-mail", { exact: true }).fill("membre.conseil@example.org");
    await adminPage.getByLabel("Role").selectOption({ label: "Advisory council" });
    await adminPage.getByLabel("Language of the e-mail").selectOption({ label: "French" });
    await adminPage.getByRole("button", { name: "Send the invitation" }).click();
    await adminPage.getByText("The invitation to membre.conseil@example.org is in the outbox.").waitFor();
    await adminPage.getByRole("row", { name: /membre\.conseil@example\.org/ }).getByText("Waiting").waitFor();
    const link = (await smtp.nextMailTo("membre.conseil@example.org")).match(/https?:\/\/\S+\/fr\/invitations\/[A-Za-z0-9_-]{43}/)![0];
    await adminPage.goto(`${app.url}/en/admin/outbox`);
    const body = await adminPage.getByRole("article", { name: "Votre invitation au registre des HUBs Local4Action" }).locator("pre").textContent();
    expect(body).toContain("/fr/invitations/[link hidden]");

    const invitee = await app.newContext({ locale: "fr-FR" });
    const page = await invitee.context.newPage();
    await page.goto(link);
    await page.getByRole("heading", { level: 1, name: "Accepter l’invitation" }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByLabel("Votre nom").fill("Camille Martin");
    await page.getByLabel("Nouveau mot de passe").fill("conseil-avis-fleuve-2031");
    await page.getByLabel("Répétez le mot de passe").fill("conseil-avis-fleuve-2031");
    await page.getByRole("button", { name: "Créer mon compte" }).click();
    await page.waitForURL(`${app.url}/fr/account?welcome=1`);
    await page.getByText("Connecté·e en tant que Camille Martin (Conseil consultatif)").waitFor();

    const other = await app.newContext({ locale: "fr-FR" });
    const otherPage = await other.context.newPage();
    const again = await otherPage.goto(link);
    expect(again?.status()).toBe(410);
    await otherPage.getByText("Cette invitation a déjà été utilisée.").waitFor();

    await adminPage.goto(`${app.url}/en/admin/invitations`);
    await adminPage.getByRole("row", { name: /membre\.conseil@example\.org/ }).getByText("Accepted").waitFor();
    await Promise.all([secretariat.context.close(), invitee.context.close(), other.context.close()]);
  });

  it("works without JavaScript: asking to join an organisation, with a server-side error first", async () => {
    const { context } = await app.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${app.url}/en/signup`);
    await page.getByLabel("Your name").fill("Nadia Script");
    await page.getByLabel("E-mail").fill("nadia@rosario.example");
    // A password that contains the address: refused by the server (the browser's constraints cannot know).
    await page.getByLabel("New password").fill("nadia-no-script-5");
    await page.getByLabel("Repeat the password").fill("nadia-no-script-5");
    await page.getByLabel("Ask to join an organisation already registered").check();
    await page.getByLabel("Organisation", { exact: true }).selectOption({ label: "Comuna de Puerto Esperanza (Rosario, Argentina)" });
    await page.getByRole("button", { name: "Create my account" }).click();
    await page.getByText(CONTAINS_EMAIL).waitFor();
    expect(await page.getByLabel("Your name").inputValue()).toBe("Nadia Script");
    expect(await page.getByLabel("Ask to join an organisation already registered").isChecked()).toBe(true);

    await page.getByLabel("E-mail").fill("nadia@rosario.example");
    await page.getByLabel("New password").fill("no-script-needed-here-5");
    await page.getByLabel("Repeat the password").fill("no-script-needed-here-5");
    await page.getByRole("button", { name: "Create my account" }).click();
    await page.getByRole("heading", { level: 1, name: "Check your e-mail" }).waitFor();
    await page.goto((await smtp.nextMailTo("nadia@rosario.example")).match(/https?:\/\/\S+\/en\/signup\/confirm\/[A-Za-z0-9_-]{43}/)![0]);
    await page.getByRole("button", { name: "Confirm my address" }).click();
    await page.waitForURL(`${app.url}/en/account?welcome=1`);
    await page.getByText("request to join waiting for the secretariat").waitFor();
    await context.close();
  });
});
