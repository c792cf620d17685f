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
import path from "path";
import type { Page } from "playwright-core";
import { Harness, dist, out, skipBrowser, startHarness } from "./harness";

/* global window, document, HTMLSelectElement */

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

const describeBrowser = skipBrowser ? describe.skip : describe;

describeBrowser("task pane in headless Chromium", () => {
  let harness: Harness | undefined;

  beforeAll(async () => {
    harness = await startHarness();
  }, 60_000);

  afterAll(async () => {
    await harness?.close();
  });

  /** A fresh page showing the task pane's Functions tab, with Office's display language set. */
  async function openPane(
    displayLanguage: string,
    width = 360
  ): Promise<{
    page: Page;
    problems: string[];
  }> {
    if (!harness) throw new Error("no browser");
    const { page, problems } = await harness.openPane({ displayLanguage, width });
    // The pane opens on Reports; the gallery is on the Functions tab.
    await page
      .getByRole("tab", { name: displayLanguage === "zh-CN" ? "函数" : "Functions" })
      .click();
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
    labels: { use: string; insert: string; rfmName: string; done: string; amountColumn: string }
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
      // The whole list, header row included.
      mock.select("Sheet1!A1:C6");
    });
    await page.getByRole("button", { name: labels.use }).click();
    await page.getByTestId("data-address").getByText("Sheet1!A1:C6").waitFor();
    await page.evaluate(() => (window as unknown as MockWindow).kamMock.select("Sheet1!E2"));
    await page.getByTestId("target-address").getByText("Sheet1!E2").waitFor();
    await page.getByRole("button", { name: nameRegExp(labels.rfmName) }).click();
    await expect(page.getByTestId("formula-preview").textContent()).resolves.toBe(
      "=KAM.RFM(A2:A6,B2:B6,C2:C6)"
    );
    // Each data argument has a drop-down of the list's columns by header name.
    await expect(
      page.getByRole("combobox", { name: "amounts" }).evaluate((e) => {
        const select = e as HTMLSelectElement;
        return select.options[select.selectedIndex]?.textContent;
      })
    ).resolves.toBe(labels.amountColumn);
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
      amountColumn: "C · Amount",
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
      amountColumn: "C 列 · Amount",
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
    // With a list whose header names are long: the drop-downs must not widen the pane.
    await page.evaluate(() => {
      const mock = (window as unknown as MockWindow).kamMock;
      mock.setValues("Sheet1!A1", [
        ["Customer name as registered with the tax office", "Date of the order", "Amount"],
        ["Acme", "2024-01-15", 1200],
        ["Globex", "2024-02-03", 800],
      ]);
      mock.select("Sheet1!A1:C3");
    });
    await page.getByRole("button", { name: "Use selection" }).click();
    await page.getByTestId("data-address").getByText("Sheet1!A1:C3").waitFor();
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

if (skipBrowser) {
  test.skip("browser tests skipped (KAM_SKIP_BROWSER=1)", () => undefined);
}
