// Checks the machine before install, start and test, and says plainly what is missing.
// Vite 8 needs Node >= 20.19 and installs only with npm 11 on these machines.
const [major, minor] = process.versions.node.split(".").map(Number);
const problems = [];
if (major < 20 || (major === 20 && minor < 19)) {
  problems.push(`Node ${process.versions.node} is too old: Echelon needs Node 20.19 or newer (Vite 8 requires it).`);
}
const ua = process.env.npm_config_user_agent ?? "";
const npmVersion = /npm\/(\d+)\.(\d+)/.exec(ua);
if (npmVersion && Number(npmVersion[1]) < 11) {
  problems.push(
    `npm ${npmVersion[1]}.${npmVersion[2]} is too old: Vite 8 does not install with npm 10. ` +
      `Upgrade with \`npm install -g npm@11\` and run the command again. ` +
      `(Where npm 11 cannot be had, pin vite@7 and vitest@3 in package.json; see README "Troubleshooting".)`,
  );
}
if (problems.length) {
  for (const p of problems) console.error(`echelon: ${p}`);
  process.exit(1);
}
