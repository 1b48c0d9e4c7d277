// Browser tests drive Debian's Chromium (never a downloaded browser). Install it when missing.
import { execSync } from "node:child_process";
import { existsSync } from "node:fs";

const candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser"];
if (process.env.ECHELON_SKIP_E2E === "1" || candidates.some((p) => existsSync(p))) process.exit(0);

console.error("echelon: Chromium is not installed; installing Debian's chromium package for the browser tests…");
const asRoot = process.getuid?.() === 0 ? "" : "sudo ";
try {
  execSync(`${asRoot}apt-get update -qq && ${asRoot}env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium`, {
    stdio: ["ignore", "inherit", "inherit"],
  });
} catch {
  console.error(
    "echelon: could not install Chromium with apt-get. Install it by hand (`apt-get install -y chromium`) " +
      "or set ECHELON_SKIP_E2E=1 to run only the unit tests.",
  );
  process.exit(1);
}
