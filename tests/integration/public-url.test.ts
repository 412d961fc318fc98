import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { action as forgotAction } from "~/routes/$lang.password.forgot";
import { action as invitationsAction } from "~/routes/$lang.admin.invitations";
import { action as loginAction, loader as loginLoader } from "~/routes/$lang.login";
import { loader as rootLoader } from "~/root";
import { loader as hubPageLoader } from "~/routes/$lang.hubs.$slug";
import { loader as geojsonLoader } from "~/routes/api.hubs[.]geojson";
import { loader as feedLoader } from "~/routes/$lang.feed[.]xml";
import { parseEnv } from "~/modules/config/env.server";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { DEMO_PASSWORD } from "../support/accounts";
import { callRoute, testEnv } from "../support/routes";
import { sessionCookie } from "../support/sessions";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase({ seedDemo: true });
});
afterAll(() => database?.destroy());

// Same secret as the file's sessions; the public address of a production deployment.
const env = { ...testEnv, PUBLIC_URL: "https://registry.example" };
// What an attacker controls: the Host the request names and the X-Forwarded-Host it adds.
const hostile = { path: "http://evil.example/en/password/forgot", headers: { Host: "evil.example", "X-Forwarded-Host": "evil.example", "X-Forwarded-Proto": "http" } };

async function lastMessageTo(email: string) {
  return database.db.selectFrom("outbox").select(["body_text", "kind"]).where("to_address", "=", email).orderBy("id", "desc").executeTakeFirstOrThrow();
}

const hostsIn = (text: string) => [...text.matchAll(/https?:\/\/[^/\s]+/g)].map((match) => match[0]);

describe("absolute URLs come from PUBLIC_URL, never from the request", () => {
  it("a password reset asked with Host and X-Forwarded-Host evil.example links only to PUBLIC_URL", async () => {
    const response = await callRoute(forgotAction, database, { ...hostile, body: { email: "city@demo.l4a.test" }, params: { lang: "en" }, env });
    expect(response.status).toBe(200);
    const message = await lastMessageTo("city@demo.l4a.test");
    expect(message.kind).toBe("password_reset");
    expect(message.body_text).toMatch(/https:\/\/registry\.example\/(en|es|fr)\/password\/reset\/\S+/);
    expect(message.body_text).not.toContain("evil.example");
    expect(new Set(hostsIn(message.body_text))).toEqual(new Set(["https://registry.example"]));
  });

  it("without PUBLIC_URL (development, tests) the link is the local server's, still not the request's host", async () => {
    await callRoute(forgotAction, database, { ...hostile, body: { email: "council@demo.l4a.test" }, params: { lang: "en" } });
    const message = await lastMessageTo("council@demo.l4a.test");
    expect(message.body_text).toContain(`http://localhost:${testEnv.PORT}/`);
    expect(message.body_text).toMatch(/\/(en|es|fr)\/password\/reset\/\S+/);
    expect(message.body_text).not.toContain("evil.example");
  });

  it("an invitation sent from a hostile host links only to PUBLIC_URL", async () => {
    const secretariat = await database.db.selectFrom("users").select("id").where("email", "=", "secretariat@demo.l4a.test").executeTakeFirstOrThrow();
    const cookie = await sessionCookie(database.db, env, secretariat.id);
    const response = await callRoute(invitationsAction, database, {
      ...hostile,
      path: "http://evil.example/en/admin/invitations",
      cookie,
      body: { email: "invitee@example.org", role: "council", language: "en" },
      params: { lang: "en" },
      env,
    });
    expect(response.status).toBe(200);
    const message = await lastMessageTo("invitee@example.org");
    expect(message.body_text).toContain("https://registry.example/en/invitations/");
    expect(new Set(hostsIn(message.body_text))).toEqual(new Set(["https://registry.example"]));
  });

  it("hreflang links, a HUB's permalink, the open data and the feed use PUBLIC_URL", async () => {
    const root = await (await callRoute(rootLoader, database, { ...hostile, path: "http://evil.example/en", env })).json();
    expect(root.origin).toBe("https://registry.example");
    const slug = (await database.db.selectFrom("hubs").select("slug").where("status", "=", "recognised").executeTakeFirstOrThrow()).slug;
    const page = await (await callRoute(hubPageLoader, database, { ...hostile, path: `http://evil.example/en/hubs/${slug}`, params: { lang: "en", slug }, env })).json();
    expect(JSON.stringify(page)).not.toContain("evil.example");
    expect(JSON.stringify(page)).toContain(`https://registry.example/en/hubs/${slug}`);
    const geojson = await (await callRoute(geojsonLoader, database, { ...hostile, path: "http://evil.example/api/hubs.geojson", env })).text();
    expect(geojson).not.toContain("evil.example");
    expect(geojson).toContain("https://registry.example/");
    const feed = await (await callRoute(feedLoader, database, { ...hostile, path: "http://evil.example/en/feed.xml", params: { lang: "en" }, env })).text();
    expect(feed).not.toContain("evil.example");
    expect(feed).toContain("https://registry.example/en/feed.xml");
  });
});

describe("the login route's redirectTo", () => {
  const hostileTargets = ["/\t/evil.example", "//evil.example", "/\\evil.example", "https://evil.example", "/..//evil.example", "javascript:alert(1)", "/en\r\nSet-Cookie: x=1"];

  it.each(hostileTargets)("after signing in, %j sends the user home, never to another host and never a 500", async (redirectTo) => {
    const response = await callRoute(loginAction, database, {
      path: "/en/login",
      body: { email: "council@demo.l4a.test", password: DEMO_PASSWORD, redirectTo },
      params: { lang: "en" },
      clientIp: "198.51.100.77",
    });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/en");
  });

  it("the login page offers only a same-site redirect, for hostile query values too", async () => {
    for (const redirectTo of hostileTargets) {
      const response = await callRoute(loginLoader, database, { path: `/en/login?${new URLSearchParams({ redirectTo })}`, params: { lang: "en" } });
      expect(response.status).toBe(200);
      expect((await response.json()).redirectTo).toBe("/en");
    }
    const ok = await callRoute(loginLoader, database, { path: `/en/login?redirectTo=${encodeURIComponent("/en/my/hubs?x=1")}`, params: { lang: "en" } });
    expect((await ok.json()).redirectTo).toBe("/en/my/hubs?x=1");
  });
});

describe("the session cookie", () => {
  it("is __Host- prefixed, Secure, HttpOnly and SameSite=Lax with an https PUBLIC_URL", async () => {
    const https = parseEnv({ SESSION_SECRET: testEnv.SESSION_SECRET, PUBLIC_URL: "https://registry.example" });
    const response = await callRoute(loginAction, database, {
      path: "/en/login",
      body: { email: "secretariat@demo.l4a.test", password: DEMO_PASSWORD },
      params: { lang: "en" },
      clientIp: "198.51.100.78",
      env: https,
    });
    const cookie = response.headers.get("Set-Cookie")!;
    expect(cookie).toMatch(/^__Host-l4a_session=/);
    expect(cookie).toMatch(/; Secure/i);
    expect(cookie).toMatch(/; HttpOnly/i);
    expect(cookie).toMatch(/; SameSite=Lax/i);
    expect(cookie).toMatch(/; Path=\//);
    expect(cookie).not.toMatch(/Domain=/i);
  });
});
