// The task pane page itself in headless Chromium (see harness.ts): its Content-Security-Policy lets
// the pane run and refuses anything remote but Office.js; opened outside Office (no Office.js, as a
// newcomer's browser without the CDN, or Office.js that finds no host) it says it runs inside Excel
// and how to load it there, instead of a crash.
//
// Needs dist/ (npm test builds first).

import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import fs from "fs";
import path from "path";
import { Harness, dist, skipBrowser, startHarness } from "./harness";
import { OUTSIDE_TEXT } from "../../src/taskpane/outsideOffice";
import { Language } from "../../src/i18n/strings";

/* global document, fetch, window, require */

const describeBrowser = skipBrowser ? describe.skip : describe;

/** The policy as the built page declares it, directive by directive. */
function builtPolicy(): Map<string, string[]> {
  const html = fs.readFileSync(path.join(dist, "taskpane.html"), "utf8");
  const m = /http-equiv="?Content-Security-Policy"?\s+content="([^"]*)"/i.exec(html);
  if (!m) throw new Error("dist/taskpane.html has no Content-Security-Policy meta element");
  return new Map(
    m[1]
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0] !== "")
      .map(([name, ...sources]) => [name, sources])
  );
}

describe("the page's Content-Security-Policy (dist/taskpane.html)", () => {
  test("scripts: the page and Microsoft's CDN only, nothing inline, no eval", () => {
    const policy = builtPolicy();
    expect(policy.get("script-src")).toEqual(["'self'", "https://appsforoffice.microsoft.com"]);
    expect(policy.get("default-src")).toEqual(["'self'"]);
    expect(policy.get("connect-src")).toEqual(["'self'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    // Every source of every directive is the page itself, data: (images, fonts), a keyword, or the CDN.
    for (const [directive, sources] of policy) {
      for (const source of sources) {
        expect([
          "'self'",
          "'none'",
          "'unsafe-inline'",
          "data:",
          "https://appsforoffice.microsoft.com",
        ]).toContain(source);
        if (source === "'unsafe-inline'") expect(directive).toBe("style-src");
      }
    }
    // The meta element comes before the first script, or that script would run unguarded.
    const html = fs.readFileSync(path.join(dist, "taskpane.html"), "utf8");
    expect(html.indexOf("Content-Security-Policy")).toBeLessThan(html.indexOf("<script"));
  });
});

describe("the dev server's crash overlay (webpack.config.js)", () => {
  test("skips only the errors of a page opened outside Office, which explains itself", () => {
    const config = require("../../webpack.config.js")({}, { mode: "development" });
    const show = config.devServer.client.overlay.runtimeErrors as (error: Error) => boolean;
    expect(show(new Error("Office is not defined"))).toBe(false);
    expect(show(new Error("CustomFunctions is not defined"))).toBe(false);
    expect(show(new Error("Excel.run failed"))).toBe(true);
    expect(show(new Error("MyOffice is not defined"))).toBe(true);
  });
});

describeBrowser("the task pane page in headless Chromium", () => {
  let harness: Harness | undefined;

  beforeAll(async () => {
    harness = await startHarness();
  }, 60_000);

  afterAll(async () => {
    await harness?.close();
  });

  test("under its CSP the pane runs; a remote request is refused by the policy itself", async () => {
    if (!harness) throw new Error("no browser");
    const { page, problems } = await harness.openPane({ displayLanguage: "en-US" });
    await page.getByRole("tab", { name: "Functions" }).waitFor();
    expect(problems).toEqual([]);

    // A remote fetch and a remote script: refused before any request leaves the page.
    const outcome = await page.evaluate(async () => {
      const fetched = await fetch("https://example.com/collect").then(
        () => "sent",
        () => "refused"
      );
      const script = await new Promise<string>((resolve) => {
        const s = document.createElement("script");
        s.src = "https://cdn.example.com/x.js";
        s.onload = () => resolve("loaded");
        s.onerror = () => resolve("refused");
        document.head.appendChild(s);
      });
      return { fetched, script };
    });
    expect(outcome).toEqual({ fetched: "refused", script: "refused" });
    await page.waitForTimeout(100);
    expect(problems.some((p) => p.includes("CSP violation: connect-src https://example.com"))).toBe(
      true
    );
    expect(
      problems.some((p) => p.includes("CSP violation: script-src-elem https://cdn.example.com"))
    ).toBe(true);
    // The policy refused them: the harness's network guard never saw them.
    expect(problems.filter((p) => p.startsWith("blocked request"))).toEqual([]);
    await page.context().close();
  });

  const outsideCases: [string, Language][] = [
    ["en-US", "en-US"],
    ["zh-CN", "zh-CN"],
  ];
  test.each(outsideCases)(
    "opened outside Office without Office.js (%s): says it runs inside Excel and how to load it",
    async (locale, language) => {
      if (!harness) throw new Error("no browser");
      const { page, problems } = await harness.openPane({
        displayLanguage: locale,
        officeJs: "missing",
      });
      const t = OUTSIDE_TEXT[language];
      await page.getByRole("heading", { name: t.title }).waitFor();
      const text = await page.locator("#container").innerText();
      expect(text).toContain(t.steps[0]);
      expect(text).toContain(t.noOfficeJs);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(language);
      // What remains: the failed office.js request, and functions.js finding nothing to register
      // with; no "Office is not defined" crash, no other error.
      const unexpected = problems.filter(
        (p) =>
          !p.includes("net::ERR_INTERNET_DISCONNECTED") &&
          p !== "page error: CustomFunctions is not defined"
      );
      expect(unexpected).toEqual([]);
      expect(problems.some((p) => p.includes("Office is not defined"))).toBe(false);
      await page.context().close();
    }
  );

  test("Office.js without a host (a plain browser tab): the same explanation", async () => {
    if (!harness) throw new Error("no browser");
    const { page, problems } = await harness.openPane({
      displayLanguage: "en-US",
      mockConfig: { noHost: true },
    });
    const t = OUTSIDE_TEXT["en-US"];
    await page.getByRole("heading", { name: t.title }).waitFor();
    expect(await page.locator("#container").innerText()).not.toContain(t.noOfficeJs);
    expect(await page.evaluate(() => typeof (window as { Office?: unknown }).Office)).toBe(
      "object"
    );
    expect(problems).toEqual([]);
    await page.context().close();
  });
});
