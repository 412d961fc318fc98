/** The demo accounts (one per role) and their shared password, given in the README. Pure data. */

export const DEMO_PASSWORD = "demo-hub-2030";

export const DEMO_ACCOUNTS = [
  { email: "city@demo.l4a.test", displayName: "Demo city representative", role: "city", organisationKey: "bogota", language: "es" },
  { email: "council@demo.l4a.test", displayName: "Demo advisory council member", role: "council", organisationKey: null, language: "fr" },
  { email: "secretariat@demo.l4a.test", displayName: "Demo secretariat", role: "secretariat", organisationKey: null, language: "en" },
] as const;
