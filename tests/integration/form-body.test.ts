import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { contextFor, responseOf } from "../support/routes";
import { loginAs } from "../support/sessions";
import * as login from "~/routes/$lang.login";
import * as signup from "~/routes/$lang.signup";
import * as forgot from "~/routes/$lang.password.forgot";
import * as newProposal from "~/routes/$lang.my.hubs.new";
import * as themes from "~/routes/$lang.admin.themes";

/**
 * A body that says it is a form but cannot be read as one (found by tests/integration/fuzz.test.ts:
 * multipart without its boundary gave a 500 on every action), or a form whose Conform control field
 * is forged (`__intent__=data:…` gave a 500 from every parseWithZod), is refused with a 400 by the one
 * form reader, app/modules/http/forms.server.ts.
 */

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.destroy());

const unreadable: [string, string][] = [
  ["multipart/form-data", '{"email":"a@b.c"}'],
  ["multipart/form-data; boundary=x", "no boundary in here"],
  ["multipart/form-data; boundary=x", '--x\r\nContent-Disposition: form-data; name="email"\r\n\r\ncut short'],
];

function post(path: string, contentType: string, body: string, cookie?: string) {
  return { path, method: "POST", headers: { "Content-Type": contentType }, cookie, rawBody: body };
}

describe("a body that cannot be read as a form", () => {
  for (const [contentType, body] of unreadable) {
    it(`is a 400 on the public forms (${contentType}, ${JSON.stringify(body.slice(0, 20))})`, async () => {
      for (const [route, path] of [
        [login, "/en/login"],
        [signup, "/en/signup"],
        [forgot, "/en/password/forgot"],
      ] as const) {
        const response = await callRaw(route.action, post(path, contentType, body), { lang: "en" });
        expect(response.status, path).toBe(400);
      }
    });
  }

  it("is a 400 on a signed-in city's proposal form and the secretariat's theme form", async () => {
    const city = await loginAs(database, "city");
    const secretariat = await loginAs(database, "secretariat");
    const [contentType, body] = unreadable[0];
    expect((await callRaw(newProposal.action, post("/en/my/hubs/new", contentType, body, city.cookie), { lang: "en" })).status).toBe(400);
    expect((await callRaw(themes.action, post("/en/admin/themes", contentType, body, secretariat.cookie), { lang: "en" })).status).toBe(400);
  });
});

describe("a forged Conform control field", () => {
  const forged: [string, string][] = [
    ["__intent__", "{"],
    ["__intent__", "data:text/html,<script>alert(1)</script>"],
    ["__intent__", '{"type":1}'],
    ["__intent__", '{"type":"remove","payload":{"name":"title","index":0}}'],
    ["__state__", "{"],
  ];
  it("is a 400 on the log-in form and on the proposal form", async () => {
    const city = await loginAs(database, "city");
    for (const [name, value] of forged) {
      const body = new URLSearchParams({ email: "someone@example.org", password: "x", title: "A title", [name]: value }).toString();
      const contentType = "application/x-www-form-urlencoded";
      expect((await callRaw(login.action, post("/en/login", contentType, body), { lang: "en" })).status, `${name}=${value}`).toBe(400);
      expect((await callRaw(newProposal.action, post("/en/my/hubs/new", contentType, body, city.cookie), { lang: "en" })).status, `${name}=${value}`).toBe(400);
    }
  });

  it("leaves a real list intent working: adding an outcome row re-renders the form", async () => {
    const city = await loginAs(database, "city");
    const body = new URLSearchParams({ title: "A title", __intent__: JSON.stringify({ type: "insert", payload: { name: "outcomes" } }) }).toString();
    const response = await callRaw(newProposal.action, post("/en/my/hubs/new", "application/x-www-form-urlencoded", body, city.cookie), { lang: "en" });
    expect(response.status).toBe(200);
  });
});

/** An action called as Remix would, with a body given as bytes and its own Content-Type (callRoute posts FormData). */
function callRaw(action: (args: any) => Promise<unknown>, call: ReturnType<typeof post>, params: Record<string, string>) {
  const request = new Request(`http://localhost${call.path}`, {
    method: "POST",
    body: call.rawBody,
    headers: { ...call.headers, ...(call.cookie ? { Cookie: call.cookie } : {}) },
  });
  return responseOf(() => action({ request, params, context: contextFor(database) }));
}
