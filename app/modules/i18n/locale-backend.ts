import type { ResourceKey } from "i18next";
import resourcesToBackend from "i18next-resources-to-backend";
import { isLanguage, type Language } from "./config";
import { typesetResource } from "./typography";

type LocaleFile = () => Promise<{ default: ResourceKey }>;

/**
 * Every file of locales/, each its own chunk of the browser build: a page downloads only the
 * namespaces its routes name in `handle.i18n`, in its language, with its other scripts (no fetch
 * library, no separate JSON route). Written out because the Remix compiler's esbuild cannot split
 * `import(`…/${language}/${namespace}.json`)`; a unit test checks this list against locales/.
 */
export const localeFiles: Record<Language, Record<string, LocaleFile>> = {
  en: {
    accounts: () => import("../../../locales/en/accounts.json"),
    admin: () => import("../../../locales/en/admin.json"),
    calls: () => import("../../../locales/en/calls.json"),
    common: () => import("../../../locales/en/common.json"),
    edge: () => import("../../../locales/en/edge.json"),
    hub: () => import("../../../locales/en/hub.json"),
    hubs: () => import("../../../locales/en/hubs.json"),
    map: () => import("../../../locales/en/map.json"),
    monitoring: () => import("../../../locales/en/monitoring.json"),
    opendata: () => import("../../../locales/en/opendata.json"),
    proposals: () => import("../../../locales/en/proposals.json"),
    review: () => import("../../../locales/en/review.json"),
    validation: () => import("../../../locales/en/validation.json"),
  },
  es: {
    accounts: () => import("../../../locales/es/accounts.json"),
    admin: () => import("../../../locales/es/admin.json"),
    calls: () => import("../../../locales/es/calls.json"),
    common: () => import("../../../locales/es/common.json"),
    edge: () => import("../../../locales/es/edge.json"),
    hub: () => import("../../../locales/es/hub.json"),
    hubs: () => import("../../../locales/es/hubs.json"),
    map: () => import("../../../locales/es/map.json"),
    monitoring: () => import("../../../locales/es/monitoring.json"),
    opendata: () => import("../../../locales/es/opendata.json"),
    proposals: () => import("../../../locales/es/proposals.json"),
    review: () => import("../../../locales/es/review.json"),
    validation: () => import("../../../locales/es/validation.json"),
  },
  fr: {
    accounts: () => import("../../../locales/fr/accounts.json"),
    admin: () => import("../../../locales/fr/admin.json"),
    calls: () => import("../../../locales/fr/calls.json"),
    common: () => import("../../../locales/fr/common.json"),
    edge: () => import("../../../locales/fr/edge.json"),
    hub: () => import("../../../locales/fr/hub.json"),
    hubs: () => import("../../../locales/fr/hubs.json"),
    map: () => import("../../../locales/fr/map.json"),
    monitoring: () => import("../../../locales/fr/monitoring.json"),
    opendata: () => import("../../../locales/fr/opendata.json"),
    proposals: () => import("../../../locales/fr/proposals.json"),
    review: () => import("../../../locales/fr/review.json"),
    validation: () => import("../../../locales/fr/validation.json"),
  },
};

/** One namespace in one language; rejects (i18next logs it) for a pair that has no file. */
export async function loadLocale(language: string, namespace: string): Promise<ResourceKey> {
  const file = isLanguage(language) && Object.hasOwn(localeFiles[language], namespace) ? localeFiles[language][namespace] : undefined;
  if (!file) throw new Error(`No locale file locales/${language}/${namespace}.json`);
  return typesetResource(language, (await file()).default);
}

/** The browser's i18next backend. */
export const localeBackend = resourcesToBackend(loadLocale);
