// Leaflet's ES module build, typed as the package. The package's "main" is its UMD build, which the
// bundler must keep whole; from the ES module build it keeps only what the maps use.
declare module "leaflet/dist/leaflet-src.esm.js" {
  export * from "leaflet";
}
