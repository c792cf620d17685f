// The built task pane (dist/) in real headless Chromium (Debian /usr/bin/chromium, driven by
// playwright-core; never a downloaded browser). dist/ is served from 127.0.0.1; the office.js CDN
// request is answered with a browser build of the Excel stand-in (test/excel-mock/browser.ts), and
// every other outside request is blocked. The page runs functions.js and taskpane.js together, as
// the shared runtime does. Screenshots go to test/.out/.
//
// Needs dist/ (npm test builds first). Without /usr/bin/chromium the suite fails, unless
// KAM_SKIP_BROWSER=1 (then it is skipped).

import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import fs from "fs";
import http from "http";
import { AddressInfo } from "net";
import path from "path";
import webpack from "webpack";
import type { Browser, Page } from "playwright-core";

/* global __dirname, process, window, document, URL */

const CHROMIUM = "/usr/bin/chromium";
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const root = path.resolve(__dirname, "../..");
const dist = path.join(root, "dist");
const out = path.join(root, "test/.out");
const skip = process.env.KAM_SKIP_BROWSER === "1";

interface MetaFunction {
  id: string;
  name: string;
}

/** What browser.ts exposes as window.kamMock (only what this test calls). */
interface KamMock {
  associated: string[];
  setValues(address: string, rows: (string | number | boolean)[][]): void;
  select(address: string, activeCell?: string): void;
  formula(address: string): string | number | boolean;
  writes(): unknown[];
}
type MockWindow = { kamMock: KamMock };

function readMetadata(file: string): MetaFunction[] {
  return JSON.parse(fs.readFileSync(path.join(dist, file), "utf8")).functions;
}

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

const describeBrowser = skip ? describe.skip : describe;

describeBrowser("task pane in headless Chromium", () => {
  let browser: Browser | undefined;
  let server: http.Server | undefined;
  let origin = "";
  let standIn = "";

  beforeAll(async () => {
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
    [standIn, server, browser] = await Promise.all([
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
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  });

  /** A fresh page showing the task pane, with Office's display language set. */
  async function openPane(
    displayLanguage: string,
    width = 360
  ): Promise<{
    page: Page;
    problems: string[];
  }> {
    if (!browser) throw new Error("no browser");
    const context = await browser.newContext({
      viewport: { width, height: 900 },
      locale: displayLanguage,
    });
    const problems: string[] = [];
    await context.route("**/*", async (route) => {
      const url = route.request().url();
      if (url === OFFICE_JS) {
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
      },
      { displayLanguage, sheets: ["Sheet1", "销售 数据"] }
    );
    const page = await context.newPage();
    page.setDefaultTimeout(8_000);
    page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(`console error: ${message.text()}`);
    });
    await page.goto(`${origin}/taskpane.html`);
    await page.getByTestId("function-count").waitFor();
    return { page, problems };
  }

  /** Fluent's open/close motions (accordion, dialog) have finished. */
  async function animationsDone(page: Page): Promise<void> {
    await page.waitForFunction(() =>
      document.getAnimations().every((a) => a.playState !== "running")
    );
  }

  function nameRegExp(name: string): RegExp {
    // The whole name: KAM.RFM must not also match KAM.RFM_SUMMARY.
    return new RegExp(
      `^KAM\\.${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\p{L}\\p{N}_.])`,
      "u"
    );
  }

  async function insertRfm(
    page: Page,
    labels: { use: string; insert: string; rfmName: string; done: string }
  ): Promise<void> {
    await page.evaluate(() => {
      const mock = (window as unknown as MockWindow).kamMock;
      mock.setValues("Sheet1!A1", [
        ["Customer", "Date", "Amount"],
        ["Acme", "2024-01-15", 1200],
        ["Globex", "2024-02-03", 800],
        ["Acme", "2024-03-09", 450],
        ["Initech", "2024-03-30", 300],
        ["Globex", "2024-04-12", 650],
      ]);
      mock.select("Sheet1!A2:C6");
    });
    await page.getByRole("button", { name: labels.use }).click();
    await page.getByTestId("data-address").getByText("Sheet1!A2:C6").waitFor();
    await page.evaluate(() => (window as unknown as MockWindow).kamMock.select("Sheet1!E2"));
    await page.getByTestId("target-address").getByText("Sheet1!E2").waitFor();
    await page.getByRole("button", { name: nameRegExp(labels.rfmName) }).click();
    await expect(page.getByTestId("formula-preview").textContent()).resolves.toBe(
      "=KAM.RFM(A2:A6,B2:B6,C2:C6)"
    );
    // Let the accordion finish opening: a click during its animation can miss the button.
    await animationsDone(page);
    await page.getByRole("button", { name: `${labels.insert} KAM.${labels.rfmName}` }).click();
    try {
      await page.getByText(labels.done, { exact: true }).waitFor();
    } catch (e) {
      const info = await page.evaluate(() => ({
        text: document.body.innerText,
        writes: (window as unknown as MockWindow).kamMock.writes(),
        active: document.activeElement?.outerHTML.slice(0, 300),
      }));
      await page.screenshot({ path: path.join(out, "failure.png"), fullPage: true });
      throw new Error(`${String(e)}\npage state: ${JSON.stringify(info, null, 1)}`);
    }
  }

  test("en-US: lists the built functions and inserts =KAM.RFM into the fake sheet", async () => {
    const functions = readMetadata("functions.json");
    expect(functions.length).toBeGreaterThan(0);
    const { page, problems } = await openPane("en-US");

    await expect(page.getByRole("heading", { name: "KAM Analytics" }).isVisible()).resolves.toBe(
      true
    );
    for (const fn of functions) {
      await expect(page.getByRole("button", { name: nameRegExp(fn.name) }).count()).resolves.toBe(
        1
      );
    }
    await expect(page.getByTestId("function-count").textContent()).resolves.toBe(
      `${functions.length} function${functions.length === 1 ? "" : "s"}`
    );
    // functions.js ran in the same page and associated every function of functions.json.
    const associated = await page.evaluate(
      () => (window as unknown as MockWindow).kamMock.associated
    );
    expect([...associated].sort()).toEqual(functions.map((f) => f.id).sort());

    await insertRfm(page, {
      use: "Use selection",
      insert: "Insert",
      rfmName: functions.find((f) => f.id === "RFM")?.name ?? "RFM",
      done: "Formula inserted",
    });
    await expect(
      page.evaluate(() => (window as unknown as MockWindow).kamMock.formula("Sheet1!E2"))
    ).resolves.toBe("=KAM.RFM(A2:A6,B2:B6,C2:C6)");
    await page.screenshot({ path: path.join(out, "taskpane-en-US.png"), fullPage: true });

    // The target is no longer empty: Insert asks first, and Cancel leaves the cell alone.
    await page.getByRole("button", { name: "Insert KAM.RFM" }).click();
    const dialog = page.getByRole("alertdialog");
    await dialog.waitFor();
    await animationsDone(page);
    await expect(dialog.getByTestId("existing-content").textContent()).resolves.toBe(
      "=KAM.RFM(A2:A6,B2:B6,C2:C6)"
    );
    // The safe choice has the focus: Enter does not replace anything.
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe("Cancel");
    await page.screenshot({ path: path.join(out, "taskpane-en-US-confirm.png") });
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await page.getByText("Nothing was changed.").waitFor();
    await expect(
      page.evaluate(() => (window as unknown as MockWindow).kamMock.writes().length)
    ).resolves.toBe(1);

    expect(problems).toEqual([]);
    await page.context().close();
  });

  test("zh-CN: the UI and the function names follow Office's display language", async () => {
    const functions = readMetadata("functions.zh-CN.json");
    const { page, problems } = await openPane("zh-CN");

    await expect(page.getByRole("heading", { name: "大客户分析" }).isVisible()).resolves.toBe(true);
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe("zh-CN");
    for (const fn of functions) {
      await expect(page.getByRole("button", { name: nameRegExp(fn.name) }).count()).resolves.toBe(
        1
      );
    }
    await insertRfm(page, {
      use: "使用所选区域",
      insert: "插入",
      rfmName: functions.find((f) => f.id === "RFM")?.name ?? "RFM",
      done: "公式已插入",
    });
    // Written with the function id; Excel shows it with the localized name.
    await expect(
      page.evaluate(() => (window as unknown as MockWindow).kamMock.formula("Sheet1!E2"))
    ).resolves.toBe("=KAM.RFM(A2:A6,B2:B6,C2:C6)");
    await page.screenshot({ path: path.join(out, "taskpane-zh-CN.png"), fullPage: true });

    expect(problems).toEqual([]);
    await page.context().close();
  });

  test("fits a 320 px wide pane without horizontal scrolling", async () => {
    const { page, problems } = await openPane("en-US", 320);
    await page.getByRole("button", { name: nameRegExp("RFM") }).click();
    await animationsDone(page);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: path.join(out, "taskpane-320px.png"), fullPage: true });
    expect(problems).toEqual([]);
    await page.context().close();
  });
});

if (skip) {
  test.skip("browser tests skipped (KAM_SKIP_BROWSER=1)", () => undefined);
}
