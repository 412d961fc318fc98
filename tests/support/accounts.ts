/** The password of the demo accounts (city@, council@, secretariat@demo.l4a.test). */
export const DEMO_PASSWORD = "demo-hub-2030";
