#!/usr/bin/env node
// `npm start`. On Windows and macOS: build, serve and sideload into desktop Excel
// (office-addin-debugging). Elsewhere (Linux has no desktop Excel): make sure development
// certificates exist, start the https dev server, say how to sideload into Excel on the web, and
// write the demo workbook (kam demo) in the background so there is something to open at once.
import { spawn } from "node:child_process";
import { X509Certificate } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const manifest = path.join(root, "manifest.xml");
const port = Number(process.env.KAM_DEV_PORT || process.env.npm_package_config_dev_server_port || 3000);
// Tools run through node itself: some packages ship their bin files without the executable bit.
const tool = (entry) => require.resolve(entry, { paths: [root] });

function run(script, args) {
  const child = spawn(process.execPath, [script, ...args], { cwd: root, stdio: "inherit" });
  const stop = () => child.kill("SIGTERM");
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  child.on("exit", (code, signal) => process.exit(signal ? 0 : (code ?? 0)));
}

/** The certificate files office-addin-dev-certs uses, created if missing or expired. */
async function ensureCertificates() {
  const dir = path.join(os.homedir(), ".office-addin-dev-certs");
  const ca = path.join(dir, "ca.crt");
  const cert = path.join(dir, "localhost.crt");
  const key = path.join(dir, "localhost.key");
  const valid = () => {
    try {
      const c = new X509Certificate(fs.readFileSync(cert));
      return fs.existsSync(ca) && fs.existsSync(key) && new Date(c.validTo) > new Date(Date.now() + 86_400_000);
    } catch {
      return false;
    }
  };
  if (valid()) return { ca, created: false };
  const { generateCertificates } = require("office-addin-dev-certs");
  await generateCertificates(ca, cert, key, 30);
  return { ca, created: true };
}

/** Writes kam-demo.xlsx with `kam demo` beside the project, in the background, unless it exists. */
function writeDemo() {
  const out = path.join(root, "kam-demo.xlsx");
  if (fs.existsSync(out)) {
    console.log(`Demo workbook: ${out} (npx kam demo --force rewrites it).`);
    return;
  }
  const started = Date.now();
  const kam = path.join(root, "src/cli/kam.cjs");
  const child = spawn(process.execPath, [kam, "demo", "--out", out], { cwd: root, stdio: ["ignore", "ignore", "pipe"] });
  let errors = "";
  child.stderr.on("data", (d) => (errors += d));
  child.on("error", (e) => console.warn(`Could not write the demo workbook: ${e.message}`));
  child.on("exit", (code) => {
    if (code === 0) {
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      console.log(`\nDemo workbook written in ${seconds} s: ${out}
  Open it in Excel or LibreOffice: every report of the task pane on the sample data, native formulas only.\n`);
    } else {
      const last = errors.trim().split("\n").pop() ?? "";
      console.warn(`Could not write the demo workbook (${last}); try npx kam demo.`);
    }
  });
}

async function startWeb() {
  let ca;
  try {
    const certs = await ensureCertificates();
    ca = certs.ca;
    if (certs.created) console.log(`Created development certificates in ${path.dirname(ca)}.`);
  } catch (e) {
    console.warn(`Could not create development certificates (${e.message}); the dev server will use a self-signed one.`);
  }
  const url = `https://localhost:${port}`;
  console.log(`
KAM Analytics: desktop Excel does not run on ${process.platform}, so this serves the add-in for Excel on the web.

  Add-in files:  ${url}/taskpane.html, ${url}/functions.json
  Manifest:      ${manifest}

Sideload into Excel on the web (in a browser on this machine):
  1. Trust the development certificate once${ca ? `: import ${ca} as a trusted authority
     (Chrome/Edge on Linux: certutil -d sql:$HOME/.pki/nssdb -A -t "C,," -n "Office Add-in Dev CA" -i ${ca})` : ""},
     or open ${url}/taskpane.html and accept the warning.
  2. Open a workbook at office.com, then Home > Add-ins > More Add-ins > My Add-ins > Upload My Add-in,
     and choose manifest.xml above.
  3. Type =KAM. in a cell to see the functions; Home > Open KAM Analytics opens the task pane.

Stop with Ctrl+C.
`);
  writeDemo();
  run(tool("webpack-cli/bin/cli.js"), ["serve", "--mode", "development", "--port", String(port)]);
}

const desktop = (process.platform === "win32" || process.platform === "darwin") && process.env.KAM_START_MODE !== "web";
if (desktop) {
  run(tool("office-addin-debugging/cli.js"), [
    "start",
    manifest,
    "desktop",
    "--dev-server",
    "npm run dev-server",
    "--dev-server-port",
    String(port),
  ]);
} else {
  startWeb().catch((e) => {
    console.error(`npm start failed: ${e.message}`);
    process.exit(1);
  });
}
