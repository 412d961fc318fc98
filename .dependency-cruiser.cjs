/**
 * The project's architecture as rules (npm run lint:deps, in CI right after the typecheck).
 * See docs/decisions for why each boundary exists; README "Layout" for the folders.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment: "Modules that import each other (directly or through others) cannot be read, tested or moved one at a time.",
      from: {},
      to: { circular: true, dependencyTypesNot: ["type-only"] },
    },
    {
      name: "db-imports-no-app",
      severity: "error",
      comment:
        "db/ (schema, migrations, reference and demo data, connection) is imported by the app, never the reverse: migrations must replay the same way forever, whatever the app's code becomes.",
      from: { path: "^db/" },
      to: { path: "^app/" },
    },
    {
      name: "ui-imports-no-modules",
      severity: "error",
      comment:
        "app/ui holds shared components; what they show of a domain comes in as props or elements (root.tsx passes the navigation to SiteHeader).",
      from: { path: "^app/ui/" },
      to: { path: "^app/modules/" },
    },
    {
      name: "no-server-module-in-browser-code",
      severity: "error",
      comment:
        "The classic compiler replaces *.server modules with empty ones in the browser bundle, silently. Only route modules (whose loaders and actions the compiler strips) and other *.server modules may import them; type-only imports vanish and are allowed.",
      from: {
        path: "^app/",
        pathNot: ["^app/root\\.tsx$", "^app/routes/(?!.*\\.client\\.tsx?$)", "\\.server\\.tsx?$", "\\.server/"],
      },
      to: { path: "(\\.server\\.tsx?$|\\.server/)", dependencyTypesNot: ["type-only"] },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^(build|public|node_modules)/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default"], extensions: [".ts", ".tsx", ".js", ".mjs", ".cjs", ".json"] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
