import { RemixBrowser } from "@remix-run/react";
import i18next from "i18next";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { getInitialNamespaces } from "remix-i18next/client";
import { i18nConfig } from "~/modules/i18n/config";
import { localeBackend } from "~/modules/i18n/locale-backend";

async function hydrate() {
  await i18next
    .use(initReactI18next)
    .use(localeBackend)
    .init({
      ...i18nConfig,
      // The server rendered <html lang>; the browser follows it, never its own guess
      // (read directly: a language detector plugin would only add bytes to the entry).
      lng: document.documentElement.lang,
      ns: getInitialNamespaces(),
      // Every key exists in every language (tests/unit/locales.test.ts), so the browser never needs
      // the English fallback: without this it would download each namespace twice on /es and /fr.
      fallbackLng: false,
      // A page downloads only its routes' namespaces (handle.i18n). A client-side navigation is a
      // React transition: a component whose namespace is still downloading suspends it, and the
      // current page stays until the next one can render translated (never a flash of keys).
      react: { ...i18nConfig.react, useSuspense: true },
    });

  startTransition(() => {
    hydrateRoot(
      document,
      <I18nextProvider i18n={i18next}>
        <StrictMode>
          <RemixBrowser />
        </StrictMode>
      </I18nextProvider>,
    );
  });
}

hydrate();
