// Shared by the browser suites: the built task pane (dist/) served from 127.0.0.1 to real headless
// Chromium (Debian /usr/bin/chromium via playwright-core; never a downloaded browser). The office.js
// CDN request is answered with a browser build of the Excel stand-in (test/excel-mock/browser.ts);
// every other outside request is blocked and reported as a problem.

import fs from "fs";
import http from "http";
import { AddressInfo } from "net";
import path from "path";
import webpack from "webpack";
import type { Browser, Page } from "playwright-core";

/* global __dirname, process, window, document, console, URL */

export const CHROMIUM = "/usr/bin/chromium";
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
export const root = path.resolve(__dirname, "../..");
export const dist = path.join(root, "dist");
/** Screenshots and other artifacts of the browser suites. */
export const out = path.join(root, "test/.out");
export const skipBrowser = process.env.KAM_SKIP_BROWSER === "1";

/** Bundles test/excel-mock/browser.ts into one classic script (webpack, in development mode). */
function buildStandIn(): Promise<string> {
  const outputPath = path.join(out, "stand-in");
  return new Promise((resolve, reject) => {
    webpack(
      {
        mode: "development",
        devtool: false,
        target: "web",
        context: root,
        entry: path.join(root, "test/excel-mock/browser.ts"),
        output: { path: outputPath, filename: "office-stand-in.js", iife: true },
        resolve: { extensions: [".ts", ".js"] },
        module: {
          rules: [
            {
              test: /\.ts$/,
              exclude: /node_modules/,
              use: { loader: "ts-loader", options: { transpileOnly: true } },
            },
          ],
        },
        infrastructureLogging: { level: "error" },
        stats: "errors-only",
      },
      (error, stats) => {
        if (error) return reject(error);
        if (!stats || stats.hasErrors()) {
          return reject(new Error(`stand-in build failed:\n${stats?.toString("errors-only")}`));
        }
        resolve(fs.readFileSync(path.join(outputPath, "office-stand-in.js"), "utf8"));
      }
    );
  });
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".png": "image/png",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
};

/** Serves dist/ on 127.0.0.1, on a free port. */
function serveDist(): Promise<http.Server> {
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    const file = path.normalize(path.join(dist, decodeURIComponent(url.pathname)));
    if (
      !file.startsWith(dist + path.sep) ||
      !fs.existsSync(file) ||
      fs.statSync(file).isDirectory()
    ) {
      response.writeHead(404, { "Content-Type": "text/plain" });
      response.end("not found");
      return;
    }
    response.writeHead(200, {
      "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream",
    });
    fs.createReadStream(file).pipe(response);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

export interface Harness {
  /** A fresh page showing the task pane with Office's display language and the given sheets. */
  openPane(options: {
    displayLanguage: string;
    width?: number;
    sheets?: string[];
    /** "missing": the office.js request fails, as outside Office without the CDN (default: the stand-in). */
    officeJs?: "stand-in" | "missing";
    /** Extra configuration for the stand-in (window.__KAM_MOCK_CONFIG__). */
    mockConfig?: Record<string, unknown>;
  }): Promise<{ page: Page; problems: string[] }>;
  close(): Promise<void>;
}

/** Builds the stand-in, serves dist/ and launches Chromium; fails with a clear message without them. */
export async function startHarness(): Promise<Harness> {
  if (!fs.existsSync(path.join(dist, "taskpane.html"))) {
    throw new Error(
      `${dist}/taskpane.html is missing: run \`npm run build\` first (npm test does).`
    );
  }
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} is missing: install Debian's chromium (apt-get install chromium), ` +
        "or set KAM_SKIP_BROWSER=1 to skip the browser tests."
    );
  }
  fs.mkdirSync(out, { recursive: true });
  const { chromium } = await import("playwright-core");
  const [standIn, server, browser]: [string, http.Server, Browser] = await Promise.all([
    buildStandIn(),
    serveDist(),
    chromium.launch({
      executablePath: CHROMIUM,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    }),
  ]);
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    async openPane({
      displayLanguage,
      width = 360,
      sheets = ["Sheet1", "销售 数据"],
      officeJs = "stand-in",
      mockConfig = {},
    }) {
      const context = await browser.newContext({
        viewport: { width, height: 900 },
        locale: displayLanguage,
      });
      const problems: string[] = [];
      await context.route("**/*", async (route) => {
        const url = route.request().url();
        if (url === OFFICE_JS && officeJs === "missing") {
          await route.abort("internetdisconnected");
        } else if (url === OFFICE_JS) {
          await route.fulfill({ status: 200, contentType: "text/javascript", body: standIn });
        } else if (url.startsWith(`${origin}/`)) {
          await route.continue();
        } else {
          problems.push(`blocked request: ${url}`);
          await route.abort();
        }
      });
      await context.addInitScript(
        (config) => {
          (window as unknown as Record<string, unknown>).__KAM_MOCK_CONFIG__ = config;
          // Every Content-Security-Policy refusal is a problem (the page's CSP: taskpane.html).
          document.addEventListener("securitypolicyviolation", (event) => {
            console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
          });
        },
        { displayLanguage, sheets, ...mockConfig }
      );
      const page = await context.newPage();
      page.setDefaultTimeout(8_000);
      page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
      page.on("console", (message) => {
        if (message.type() === "error") problems.push(`console error: ${message.text()}`);
      });
      await page.goto(`${origin}/taskpane.html`);
      return { page, problems };
    },
    async close() {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
