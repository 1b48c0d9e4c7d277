#!/usr/bin/env node
// `npx echelon …` with no build step: register tsx's TypeScript loader, then run the CLI
// (src/cli/main.ts). Worker threads register it again themselves (src/workers/node-bootstrap.mjs).
import { register } from "tsx/esm/api";

// A closed pipe (`echelon run … | head`) is not an error.
process.stdout.on("error", (e) => { if (e.code === "EPIPE") process.exit(0); else throw e; });
register();
const { main } = await import("../src/cli/main.ts");
process.exitCode = await main(process.argv.slice(2));
