// Node code imports comlink's ES module build by path: `import "comlink"` resolves, by the
// package's `main` field, to its UMD build, and with that build loaded the engine's typed-array
// code in the same thread ran about 25% slower (bench: 12.8 vs 16.1 M node-days/s, the same
// code otherwise; the cause inside V8 was not pinned down). The browser build resolves the ES
// module through `module` anyway. comlink ships the types next to the .mjs files without the
// extension; these declarations map the .mjs paths onto them.
declare module "comlink/dist/esm/comlink.mjs" {
  export * from "comlink/dist/esm/comlink";
}
declare module "comlink/dist/esm/node-adapter.mjs" {
  export { default } from "comlink/dist/esm/node-adapter";
}
