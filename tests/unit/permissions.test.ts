import { describe, expect, it } from "vitest";
import { idParam, languageParam, parseId, slugParam } from "~/modules/http/params.server";
import { siteNavigation } from "~/modules/permissions/navigation";
import { can, ownsHub, roleMay, RULES } from "~/modules/permissions/permissions";

const cityA = { role: "city" as const, organisationId: 1 };
const cityB = { role: "city" as const, organisationId: 2 };
const pendingCity = { role: "city" as const, organisationId: null };
const council = { role: "council" as const, organisationId: null };
const secretariat = { role: "secretariat" as const, organisationId: null };
const hubOfA = { status: "draft" as const, lead_organisation_id: 1 };

describe("the permission rules", () => {
  it("let a city edit its own organisation's HUB and nobody else's", () => {
    expect(can(cityA, "hub:edit", hubOfA)).toBe(true);
    expect(can(cityB, "hub:edit", hubOfA)).toBe(false);
    expect(can(pendingCity, "hub:edit", hubOfA)).toBe(false);
    expect(can(council, "hub:edit", hubOfA)).toBe(false);
    expect(ownsHub(secretariat, hubOfA)).toBe(false);
  });

  it("show a draft HUB to its city, the council and the secretariat, but a draft update only to its city", () => {
    expect([cityA, cityB, council, secretariat].map((actor) => can(actor, "hub:read", hubOfA))).toEqual([true, false, true, true]);
    const draftUpdate = { status: "draft" as const, lead_organisation_id: 1 };
    expect([cityA, cityB, council, secretariat].map((actor) => can(actor, "progress:read", draftUpdate))).toEqual([true, false, false, false]);
  });

  it("leave public actions to anyone and everything else to signed-in accounts", () => {
    for (const action of Object.keys(RULES) as (keyof typeof RULES)[]) {
      expect(roleMay(null, action), action).toBe(RULES[action].audience === "anyone");
    }
  });

  it("give the navigation the links each role may follow, in the visitor's language", () => {
    const labels = (actor: Parameters<typeof siteNavigation>[0]) => siteNavigation(actor, "es", { year: 2026 }).main.map((link) => link.label);
    expect(labels(null)).toEqual(["nav.report"]);
    expect(labels(cityA)).toEqual(["nav.progress", "nav.notifications", "nav.report", "nav.myHubs", "nav.events", "nav.exchange", "nav.synchronisation"]);
    expect(labels(council)).toEqual(expect.arrayContaining(["nav.evaluation", "nav.council", "nav.review"]));
    expect(labels(council)).not.toContain("nav.myHubs");
    expect(labels(council)).not.toContain("nav.themes");
    expect(labels(secretariat)).toEqual(expect.arrayContaining(["nav.manageCalls", "nav.review", "nav.themes", "nav.translations", "nav.policyCouncils", "nav.networkEvents"]));
    expect(siteNavigation(null, "es", { year: 2026 }).main[0].to).toBe("/es/reports/2026");
    expect(siteNavigation(cityA, "fr", { year: 2026, unreadNotifications: 3 }).main.find((link) => link.label === "nav.notifications")).toEqual({ to: "/fr/notifications", label: "nav.notifications", unread: 3 });
    expect(siteNavigation(null, "en", { year: 2026 }).account).toEqual([]);
    expect(siteNavigation(council, "en", { year: 2026 }).account.map((link) => link.label)).toEqual(["nav.account"]);
    expect(siteNavigation(secretariat, "en", { year: 2026 }).account.map((link) => link.to)).toEqual(["/en/account", "/en/admin/organisations"]);
  });
});

describe("route parameters", () => {
  const status = (fn: () => unknown) => {
    try {
      fn();
      return 200;
    } catch (thrown) {
      return (thrown as Response).status;
    }
  };

  it("accept ids 1..2147483647 written as canonical digits; anything else is a 404", () => {
    expect(idParam("1")).toBe(1);
    expect(idParam("2147483647")).toBe(2147483647);
    for (const value of [undefined, "", "0", "-1", "01", "+1", "1.0", "1e3", " 1", "2147483648", "99999999999999999999"]) {
      expect(status(() => idParam(value)), String(value)).toBe(404);
    }
    expect(parseId("12")).toBe(12);
    expect(parseId(12)).toBeNull();
  });

  it("accept the three languages and HUB slugs only", () => {
    expect(languageParam("es")).toBe("es");
    expect(status(() => languageParam("de"))).toBe(404);
    expect(slugParam("bogota-cycle-network")).toBe("bogota-cycle-network");
    expect(status(() => slugParam("../etc"))).toBe(404);
  });
});
