// `kam report --workflow team` with its extra sources as flags: --snapshot (slipped deals, matching
// counts) and --owners, and the JSON figures they add, against a plain computation on the sample.

import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { kam, root } from "../support/kam";

const SAMPLE = path.join(root, "assets/sample/en/opportunities.csv");
const rows = parse(fs.readFileSync(SAMPLE, "utf8"), { bom: true }) as string[][];
const DAY = 86_400_000;
const moved = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
const csv = (table: string[][]) =>
  table.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(",")).join("\n");

describe("kam report --workflow team --snapshot FILE --owners FILE --json", () => {
  let dir = "";
  let figures: Record<string, unknown> = {};
  let help = "";
  // The snapshot: every record but each seventh (new since); the close date of each fourth moved
  // k % 30 + 1 days earlier (slipped by that much); two ids written twice; one id gone.
  const snapshot: string[][] = [["Opportunity", "Stage", "Amount", "Close date"]];
  rows.slice(1).forEach((r, k) => {
    if (k % 7 === 6) return;
    const close = r[5] !== "" && k % 4 === 0 ? moved(r[5], -((k % 30) + 1)) : r[5];
    snapshot.push([r[0], r[3], r[4], close]);
  });
  snapshot.push([rows[1][0], rows[1][3], rows[1][4], rows[1][5]]);
  snapshot.push(["Gone deal", "Proposal", "100", "2024-01-01"]);

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "kam-team-sources-"));
    fs.writeFileSync(path.join(dir, "snapshot.csv"), csv(snapshot));
    fs.writeFileSync(
      path.join(dir, "owners.csv"),
      csv([
        ["Customer", "Owner"],
        [rows[1][1], "Someone Else"],
      ])
    );
    const r = await kam([
      "report",
      "--in",
      SAMPLE,
      "--workflow",
      "team",
      "--snapshot",
      path.join(dir, "snapshot.csv"),
      "--owners",
      path.join(dir, "owners.csv"),
      "--json",
      "--out",
      path.join(dir, "team.xlsx"),
    ]);
    expect(r.stderr).not.toMatch(/error/i);
    expect(r.status).toBe(0);
    figures = JSON.parse(r.stdout).workflows[0].figures;
    help = (await kam(["report", "--help"])).stdout;
  }, 120_000);

  afterAll(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  test("slipped per owner and the snapshot counts equal a plain comparison", () => {
    const count = new Map<string, number>();
    for (const r of snapshot.slice(1)) count.set(r[0], (count.get(r[0]) ?? 0) + 1);
    const per = new Map<string, { deals: number; amount: number; days: number }>();
    let matched = 0;
    rows.slice(1).forEach((r) => {
      if (count.get(r[0]) !== 1) return;
      matched++;
      const then = snapshot.find((s) => s[0] === r[0])!;
      if (r[5] === "" || then[3] === "") return;
      const days = (Date.parse(r[5]) - Date.parse(then[3])) / DAY;
      if (days <= 0) return;
      const p = per.get(r[2]) ?? { deals: 0, amount: 0, days: 0 };
      per.set(r[2], { deals: p.deals + 1, amount: p.amount + Number(r[4]), days: p.days + days });
    });
    const owners = figures.owners as Record<string, { slipped: Record<string, number> }>;
    for (const [owner, o] of Object.entries(owners)) {
      const p = per.get(owner) ?? { deals: 0, amount: 0, days: 0 };
      expect(o.slipped.deals).toBe(p.deals);
      expect(o.slipped.amount).toBe(p.amount);
      if (p.deals > 0) expect(o.slipped.average_days).toBeCloseTo(p.days / p.deals, 9);
    }
    const total = [...per.values()].reduce((s, p) => s + p.deals, 0);
    expect(total).toBeGreaterThan(5);
    expect(figures.snapshot).toMatchObject({
      used: true,
      matched,
      only_now: rows.slice(1).filter((_, k) => k % 7 === 6).length,
      only_snapshot: 1,
      duplicate_ids_snapshot: 1,
      duplicate_ids_now: 0,
      slipped: total,
    });
  });

  test("the owner list's figures, and the help naming them", () => {
    const wonRows = rows
      .slice(1)
      .filter((r) => r[1] === rows[1][1] && r[3] === "Won" && r[5] !== "" && r[4] !== "");
    expect(figures.owner_list).toMatchObject({
      rows_used: 1,
      conflict_rows: wonRows.filter((r) => r[2] !== "Someone Else").length,
    });
    expect(help).toMatch(/slipped \{deals,/);
    expect(help).toMatch(/snapshot \{matched, only_snapshot,/);
    expect(help).toMatch(/--snapshot FILE\[#SHEET\]/);
  });
});
