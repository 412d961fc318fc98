import type { Language } from "~/modules/i18n/config";
import type commonStrings from "../../../locales/en/common.json";
import { can, type Actor } from "./permissions";

/** A key of the `nav` strings in the "common" namespace: a label that is not there does not compile. */
export type NavigationLabel = `nav.${Exclude<keyof (typeof commonStrings)["nav"], `${string}_${string}`>}`;

export interface NavigationLink {
  to: string;
  label: NavigationLabel;
  /** Unread notifications, shown as a count beside the label. */
  unread?: number;
}

export interface SiteNavigation {
  /** The site navigation's entries after the map, in order. */
  main: NavigationLink[];
  /** The account menu's links for a signed-in visitor (anonymous visitors get log-in and sign-up). */
  account: NavigationLink[];
}

/**
 * What the site navigation offers this visitor, by what they may do. The root loader computes it,
 * so the layout compares no roles and the browser downloads no rules: it renders a list.
 */
export function siteNavigation(actor: Actor, language: Language, { year, unreadNotifications = 0 }: { year: number; unreadNotifications?: number }): SiteNavigation {
  const main: NavigationLink[] = [];
  const offer = (allowed: boolean, path: string, label: NavigationLabel) => {
    if (allowed) main.push({ to: `/${language}${path}`, label });
  };
  offer(can(actor, "call:manage"), "/admin/calls", "nav.manageCalls");
  offer(can(actor, "call:evaluate"), "/evaluation", "nav.evaluation");
  offer(can(actor, "progress:submit"), "/progress", "nav.progress");
  offer(can(actor, "dashboard:read"), "/council", "nav.council");
  if (actor) main.push({ to: `/${language}/notifications`, label: "nav.notifications", unread: unreadNotifications });
  // The annual report is public.
  offer(true, `/reports/${year}`, "nav.report");
  offer(can(actor, "hub:propose"), "/my/hubs", "nav.myHubs");
  offer(can(actor, "review:read"), "/review", "nav.review");
  offer(can(actor, "admin:themes"), "/admin/themes", "nav.themes");
  offer(can(actor, "admin:translations"), "/admin/translations", "nav.translations");
  // Anonymous visitors find the events and the exchange in the footer: the public header stays one line.
  offer(actor !== null, "/events", "nav.events");
  offer(actor !== null, "/exchange", "nav.exchange");
  offer(can(actor, "network:sync"), "/synchronisation", "nav.synchronisation");
  offer(can(actor, "network:councils"), "/admin/policy-councils", "nav.policyCouncils");
  offer(can(actor, "network:events"), "/admin/events", "nav.networkEvents");

  const account: NavigationLink[] = [];
  if (actor) account.push({ to: `/${language}/account`, label: "nav.account" });
  if (can(actor, "admin:organisations")) account.push({ to: `/${language}/admin/organisations`, label: "nav.admin" });
  return { main, account };
}
