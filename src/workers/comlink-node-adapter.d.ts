// comlink ships the node adapter's types as node-adapter.d.ts next to node-adapter.mjs; this maps
// the .mjs import path (the one Node resolves at run time) onto them.
declare module "comlink/dist/esm/node-adapter.mjs" {
  export { default } from "comlink/dist/esm/node-adapter";
}
