import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loader as organisationsLoader } from "~/routes/$lang.admin.organisations";
import { action as signupAction } from "~/routes/$lang.signup";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { loginAs } from "../support/sessions";
import { callRoute } from "../support/routes";

/**
 * Sign-up hygiene (issue 10): an organisation already registered under the same name in the same
 * country (compared without case, accents or punctuation) is not registered twice: the person is told
 * to ask to join it. The secretariat's verification page shows each organisation's representatives
 * (name and e-mail) and its likely duplicates.
 */
let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.destroy());

const PASSWORD = "tranquil-otter-harbour-42";
const form = (overrides: Record<string, string>) => ({
  displayName: "Ana Pérez",
  email: "ana@rosario.example",
  password: PASSWORD,
  passwordConfirm: PASSWORD,
  language: "es",
  mode: "create",
  organisationName: "Municipalidad de Rosario",
  kind: "local_government",
  countryCode: "AR",
  city: "Rosario",
  latitude: "-32.95",
  longitude: "-60.65",
  ...overrides,
});
const signup = (values: Record<string, string>) => callRoute(signupAction, database, { path: "/es/signup", params: { lang: "es" }, body: values });

describe("a second registration of the same organisation", () => {
  it("is refused beside the organisation's name, pointing to 'ask to join'; the same name in another country is another organisation", async () => {
    expect((await signup(form({}))).status).toBe(302);
    const again = await signup(form({ email: "luis@rosario.example", organisationName: "MUNICIPALIDAD  DE  ROSARIO" }));
    expect(again.status).toBe(400);
    const body = (await again.json()) as { error: Record<string, string[]> };
    expect(body.error.organisationName).toEqual(["accounts:signup.organisationExists"]);
    const count = await database.db.selectFrom("organisations").select("id").where("country_code", "=", "AR").execute();
    expect(count).toHaveLength(1);
    expect(await database.db.selectFrom("users").select("id").where("email", "=", "luis@rosario.example").execute()).toEqual([]);
    // Uruguay's namesake is another organisation.
    expect((await signup(form({ email: "eva@rosario.example", countryCode: "UY", region: "latin_america", organisationName: "Municipalidad de Rosario" }))).status).toBe(302);
  });
});

describe("the secretariat's verification page", () => {
  it("shows each organisation's representatives and its likely duplicates", async () => {
    await signup(form({ email: "marta@rosario.example", organisationName: "Municipalidad de Rosario (Santa Fe)", displayName: "Marta Gómez" }));
    const secretariat = await loginAs(database, "secretariat");
    const response = await callRoute(organisationsLoader, database, { path: "/en/admin/organisations", params: { lang: "en" }, cookie: secretariat.cookie });
    const { organisations } = (await response.json()) as {
      organisations: { id: number; name: string; country: string; representatives: { name: string; email: string }[]; duplicates: { id: number; name: string }[] }[];
    };
    const argentine = organisations.filter((o) => o.country === "Argentina").sort((a, b) => a.id - b.id);
    expect(argentine.map((o) => o.name)).toEqual(["Municipalidad de Rosario", "Municipalidad de Rosario (Santa Fe)"]);
    expect(argentine[0].representatives).toEqual([{ name: "Ana Pérez", email: "ana@rosario.example" }]);
    expect(argentine[1].representatives).toEqual([{ name: "Marta Gómez", email: "marta@rosario.example" }]);
    expect(argentine[0].duplicates).toEqual([{ id: argentine[1].id, name: "Municipalidad de Rosario (Santa Fe)" }]);
    expect(argentine[1].duplicates).toEqual([{ id: argentine[0].id, name: "Municipalidad de Rosario" }]);
    // Different countries are not duplicates.
    expect(organisations.find((o) => o.country === "Uruguay")?.duplicates).toEqual([]);
  });
});
