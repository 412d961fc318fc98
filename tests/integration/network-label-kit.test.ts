import { XMLParser, XMLValidator } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loader as badgeLoader } from "~/routes/api.hubs.$slug.badge[.]svg";
import { loader as certificateLoader } from "~/routes/$lang.hubs.$slug_.certificate";
import { loader as hubPageLoader } from "~/routes/$lang.hubs.$slug";
import { parseEnv } from "~/modules/config/env.server";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { callRoute } from "../support/routes";
import { insertHub } from "../support/public-hubs";

let database: TestDatabase;
const HOSTILE_NAME = `Ríos & <Parques> "limpios" '2030' </text><script>alert(1)</script>`;
const env = parseEnv({ PUBLIC_URL: "https://hubs.example.org" });

beforeAll(async () => {
  database = await createTestDatabase();
  await database.db
    .insertInto("organisations")
    .values({ name: "Ciudad de los Ríos", kind: "local_government", country_code: "CO", region: "latin_america", city: "Cali", latitude: 3.4, longitude: -76.5 })
    .execute();
  const hubId = await insertHub(database, "label-hub", { title: HOSTILE_NAME, language: "es" });
  await database.db.updateTable("hubs").set({ recognised_at: new Date("2025-03-14T10:00:00Z") }).where("id", "=", hubId).execute();
  await insertHub(database, "label-draft", { status: "submitted", title: "Not yet recognised" });
});
afterAll(() => database?.destroy());

function badge(slug: string, lang: string) {
  return callRoute(badgeLoader, database, { path: `/api/hubs/${slug}/badge.svg?lang=${lang}`, params: { slug }, env });
}

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "" });

describe("the label kit", () => {
  it.each([
    ["en", "Local4Action HUB by UCLG", "Recognised in 2025", `Local4Action HUB by UCLG: ${HOSTILE_NAME}, recognised in 2025`],
    ["es", "HUB Local4Action de CGLU", "Reconocido en 2025", `HUB Local4Action de CGLU: ${HOSTILE_NAME}, reconocido en 2025`],
    ["fr", "HUB Local4Action de CGLU", "Reconnu en 2025", `HUB Local4Action de CGLU\u202F: ${HOSTILE_NAME}, reconnu en 2025`],
  ])("the badge in %s is well-formed SVG with the label, the escaped name, the year, an accessible title and a link back", async (lang, label, year, title) => {
    const response = await badge("label-hub", lang);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("image/svg+xml; charset=utf-8");
    const svg = await response.text();
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).not.toContain("<script");
    const document = parser.parse(svg).svg;
    expect(document.role).toBe("img");
    expect(document["aria-labelledby"]).toBe("l4a-badge-title");
    expect(document.title["#text"]).toBe(title);
    expect(document.a.href).toBe(`https://hubs.example.org/${lang}/hubs/label-hub`);
    const texts = document.a.g.text.map((text: { "#text": string }) => String(text["#text"]));
    expect(texts[0]).toBe(label);
    expect(texts[1]).toBe(`${[...HOSTILE_NAME].slice(0, 43).join("").trimEnd()}…`);
    expect(texts[2]).toBe(year);
  });

  it("only a recognised HUB has a badge and a certificate", async () => {
    expect((await badge("label-draft", "en")).status).toBe(404);
    expect((await badge("no-such-hub", "en")).status).toBe(404);
    const certificate = await callRoute(certificateLoader, database, { path: "/fr/hubs/label-draft/certificate", params: { lang: "fr", slug: "label-draft" } });
    expect(certificate.status).toBe(404);
  });

  it("the certificate and the HUB page's snippet name the HUB; the snippet links the badge and the page through PUBLIC_URL", async () => {
    const certificate = await (await callRoute(certificateLoader, database, { path: "/fr/hubs/label-hub/certificate", params: { lang: "fr", slug: "label-hub" } })).json();
    expect(certificate.certificate).toMatchObject({ title: HOSTILE_NAME, recognitionYear: 2025 });
    const page = await (await callRoute(hubPageLoader, database, { path: "/fr/hubs/label-hub", params: { lang: "fr", slug: "label-hub" }, env })).json();
    const snippet: string = page.network.label.snippet;
    expect(snippet).toContain('href="https://hubs.example.org/fr/hubs/label-hub"');
    expect(snippet).toContain('src="https://hubs.example.org/api/hubs/label-hub/badge.svg?lang=fr"');
    expect(snippet).not.toContain("<script");
    expect(snippet).toContain("&lt;script&gt;");
    expect(page.network.label.certificatePath).toBe("/fr/hubs/label-hub/certificate");
  });
});
