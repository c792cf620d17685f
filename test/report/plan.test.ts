// The plan report builder: from an order history with teams, owners and customers to the split,
// phased targets, the budget, the gap and the T+3 template, checked against the engine and its own
// formulas.

import { describe, expect, test } from "@jest/globals";
import { sum } from "../../src/engine/numeric";
import { salesBudget } from "../../src/engine/plan/budget";
import { phaseTarget } from "../../src/engine/plan/phase";
import { apportion } from "../../src/engine/plan/split";
import { uniformGenerator } from "../../src/engine/random";
import { ymdFromSerial } from "../../src/engine/calendar";
import { ReportSheet, isFormula, isLive } from "../../src/report/model";
import { buildPlanReport } from "../../src/report/plan";
import { Dataset } from "../../src/report/roles";
import { serial, sheetDataset } from "./datasets";
import {
  Grid,
  belowTable,
  close,
  expectFormulasConsistent,
  expectWellFormed,
  findRow,
  keyFigure,
  tableRows,
  texts,
  valueOf,
} from "./reportCheck";

const CREATED = "2025-04-01T00:00:00.000Z";

interface Order {
  team: string;
  owner: string;
  region: string;
  customer: string;
  date: number;
  amount: number;
}

const TEAMS = ["North", "South", "East"];
const OWNERS = ["Ann", "Bo", "Chen", "Dana", "Eli", "Fang"];
const REGIONS = ["North", "South", "East", "West"];
type SplitRole = "team" | "owner" | "region" | "customer";

/** Orders 2022-01-01 .. 2025-03-14 of 30 (or `count`) customers with seasonality and a few
 *  returns. */
function orders(seed = 1, end = serial(2025, 3, 14), count = 30): Order[] {
  const rnd = uniformGenerator(seed);
  const out: Order[] = [];
  const customers = Array.from({ length: count }, (_, c) => ({
    name: `Customer ${String(c + 1).padStart(2, "0")}`,
    team: TEAMS[c % 3],
    owner: OWNERS[c % 6],
    region: REGIONS[c % 4],
    size: 200 + 3000 * rnd() * rnd(),
    p: 0.02 + 0.06 * rnd(),
  }));
  for (let d = serial(2022, 1, 1); d <= end; d++) {
    const m = ymdFromSerial(d)[1];
    const season = 1 + 0.4 * Math.sin((2 * Math.PI * (m - 2)) / 12);
    for (const c of customers) {
      if (rnd() > c.p) continue;
      let amount = Math.round(c.size * season * (0.5 + rnd()) * 100) / 100;
      if (rnd() < 0.02) amount = -Math.round(amount * 0.3 * 100) / 100; // a return
      out.push({
        team: c.team,
        owner: c.owner,
        region: c.region,
        customer: c.name,
        date: d,
        amount,
      });
    }
  }
  return out;
}

function dataset(rows: Order[], roles: SplitRole[] = ["team", "owner", "customer"]): Dataset {
  const text = (role: SplitRole) =>
    roles.includes(role) ? { role, text: rows.map((r) => r[role]) } : undefined;
  return sheetDataset("plan", "Orders", [
    text("team"),
    text("owner"),
    text("region"),
    text("customer"),
    { role: "date", numbers: rows.map((r) => r.date) },
    { role: "amount", numbers: rows.map((r) => r.amount) },
  ]);
}

/** Sales by key in a year, computed here independently of the builder. */
function salesBy(rows: Order[], year: number, key: (o: Order) => string): Map<string, number> {
  const m = new Map<string, number>();
  for (const o of rows)
    if (ymdFromSerial(o.date)[0] === year) m.set(key(o), (m.get(key(o)) ?? 0) + o.amount);
  return m;
}

function monthly(rows: Order[], years: number[]): number[] {
  const out = new Array<number>(12 * years.length).fill(0);
  for (const o of rows) {
    const [y, m] = ymdFromSerial(o.date);
    const k = years.indexOf(y);
    if (k >= 0) out[k * 12 + m - 1] += o.amount;
  }
  return out;
}

describe("plan from an order history (3 full years, the plan year begun)", () => {
  const rows = orders();
  const years = [2022, 2023, 2024];
  const team2024 = salesBy(rows, 2024, (o) => o.team);
  const total2024 = [...team2024.values()].reduce((s, v) => s + v, 0);
  let sheet: ReportSheet;
  const progress: number[] = [];

  test("builds for 2025 with a 1,000 rounding unit", async () => {
    sheet = await buildPlanReport(dataset(rows), {
      lang: "en",
      created: CREATED,
      year: 2025,
      unit: 1000,
      onProgress: (d) => progress.push(d),
    });
    expect(sheet.name).toBe("KAM Plan");
    expect(sheet.marker.workflow).toBe("plan");
    expectWellFormed(sheet);
    expect(expectFormulasConsistent(sheet)).toBeGreaterThan(150);
    expect(progress[progress.length - 1]).toBe(3);
  });

  test("the annual target is 2024 sales × 1.1 rounded to the unit", () => {
    expect(close(valueOf(keyFigure(sheet, "Sales 2024")) as number, total2024)).toBe(true);
    expect(valueOf(keyFigure(sheet, "Annual target 2025"))).toBe(
      Math.round((total2024 * 1.1) / 1000) * 1000
    );
    expect(valueOf(keyFigure(sheet, "Seasonal pattern from"))).toBe("2022–2024 (3 years)");
  });

  test("the split by team is the engine's apportionment and adds up exactly", () => {
    const target = valueOf(keyFigure(sheet, "Annual target 2025")) as number;
    const split = tableRows(sheet, "KAM_PlanSplit");
    expect(split.map((r) => r[0])).toEqual(
      [...team2024.entries()].sort((a, b) => b[1] - a[1]).map(([t]) => t)
    );
    const want = apportion(
      target,
      split.map((r) => team2024.get(r[0] as string) as number),
      1000
    );
    if (!want.ok) throw new Error(want.reason);
    expect(split.map((r) => r[3])).toEqual(want.parts);
    const parts = split.map((r) => r[3] as number);
    expect(parts.reduce((s, v) => s + v, 0)).toBe(target);
    expect(parts.every((v) => v % 1000 === 0)).toBe(true);
    const totals = belowTable(sheet, "KAM_PlanSplit");
    expect(totals[0]).toBe("Total");
    expect(valueOf(totals[3])).toBe(target);
    expect(close(valueOf(totals[2]) as number, 1)).toBe(true);
  });

  test("each team's months are phaseTarget of its target by the 2022–2024 pattern", () => {
    const history = monthly(rows, years);
    const split = tableRows(sheet, "KAM_PlanSplit");
    const matrix = tableRows(sheet, "KAM_PlanMonths");
    matrix.forEach((r, u) => {
      const p = phaseTarget(split[u][3] as number, history, 12, 1000);
      if (!p.ok) throw new Error(p.reason);
      expect(r.slice(1, 13)).toEqual(p.targets);
      const rowTotal = r[13];
      expect(isFormula(rowTotal) && rowTotal.formula).toMatch(/^=SUM\(B\d+:M\d+\)$/);
      expect(valueOf(rowTotal)).toBe(split[u][3]);
    });
    expect(sheet.tables.find((t) => t.name === "KAM_PlanMonths")?.headers[1]).toBe("2025-01");
  });

  test("the budget is salesBudget of the monthly targets at 60% + 10% cost rates", () => {
    const phasing = tableRows(sheet, "KAM_PlanPhasing");
    const revenue = phasing.map((r) => valueOf(r[3]) as number);
    const b = salesBudget(
      revenue,
      revenue.map(() => [0.6, 0.1]),
      revenue.map(() => 0)
    );
    const budget = tableRows(sheet, "KAM_PlanBudget");
    budget.forEach((r, j) => {
      expect(close(valueOf(r[1]) as number, b.periods[j].revenue)).toBe(true);
      expect(close(valueOf(r[2]) as number, b.periods[j].lines[0])).toBe(true);
      expect(close(valueOf(r[7]) as number, b.periods[j].profit)).toBe(true);
      expect(isFormula(r[2]) && r[2].formula).toMatch(/^=B\d+\*\$B\$\d+$/);
    });
    const totals = belowTable(sheet, "KAM_PlanBudget");
    expect(close(valueOf(totals[7]) as number, b.total.profit)).toBe(true);
    expect(close(valueOf(totals[8]) as number, b.total.margin as number)).toBe(true);
    // The rates are yellow input cells the formulas read.
    const rateRow = findRow(sheet, "Cost rate: Cost of sales");
    expect(valueOf(new Grid(sheet).get(rateRow, 1))).toBe(0.6);
    expect(
      sheet.formats.some(
        (f) => f.area.row === rateRow && f.area.column === 1 && f.style.fill === "#FFF2CC"
      )
    ).toBe(true);
  });

  test("the gap to target: 2025 sales to date against the target, 9 months left", () => {
    const actual = rows
      .filter((o) => ymdFromSerial(o.date)[0] === 2025)
      .reduce((s, o) => s + o.amount, 0);
    const label = texts(sheet).find((t) => t.startsWith("Sales to date (to 2025-03-")) as string;
    expect(close(valueOf(keyFigure(sheet, label)) as number, actual)).toBe(true);
    expect(valueOf(keyFigure(sheet, "Months left"))).toBe(9);
    const target = valueOf(keyFigure(sheet, "Annual target 2025")) as number;
    expect(
      close(valueOf(keyFigure(sheet, "Run rate needed per month")) as number, (target - actual) / 9)
    ).toBe(true);
    expect(texts(sheet)).toContain("Target to date (3 months)");
  });

  test("the T+3 template: sections, yellow inputs, targets over the growth cell", () => {
    for (const s of [
      "6. Key-account marketing plan 2025–2027 (T+3)",
      "6.1 Mission / purpose statement",
      "6.2 Financial analysis: sales by year",
      "6.3 Account overview: the largest accounts",
      "6.4 Critical success factors",
      "6.5 Portfolio summary",
      "6.6 Assumptions",
      "6.7 Objectives and strategies (next three years)",
      "6.8 Budget",
    ])
      expect(texts(sheet)).toContain(s);
    const objectives = tableRows(sheet, "KAM_PlanObjectives");
    expect(objectives.map((r) => r[0])).toEqual(["2025", "2026", "2027"]);
    const growthRow = findRow(sheet, "Growth assumption");
    const t2 = objectives[1][1];
    expect(isFormula(t2) && t2.formula).toBe(
      `=B${sheet.tables.find((t) => t.name === "KAM_PlanObjectives")!.area.row + 2}*(1+$B$${growthRow + 1})`
    );
    const years2 = tableRows(sheet, "KAM_PlanYears");
    expect(years2.map((r) => r[0])).toEqual(["2022", "2023", "2024", "2025"]);
    expect(years2[3][3]).toBe("partial year: data to 2025-03-14");
    const accounts = tableRows(sheet, "KAM_PlanAccounts");
    expect(accounts.length).toBe(11);
    expect(accounts[10][1]).toBe("Other accounts (20)");
    expect(close(valueOf(accounts[10][4]) as number, 1)).toBe(true);
    const yellow = sheet.formats.filter((f) => f.style.fill === "#FFF2CC");
    expect(yellow.length).toBeGreaterThanOrEqual(8);
  });

  test("a column chart of the monthly target against last year", () => {
    expect(sheet.charts.length).toBe(1);
    const c = sheet.charts[0];
    expect(c.kind).toBe("column");
    expect(c.series.map((s) => s.name)).toEqual(["Target 2025", "Sales 2024"]);
    expect(c.series[0].values.rows).toBe(12);
  });
});

describe("options, languages and other layouts", () => {
  const rows = orders(2, serial(2024, 12, 31));

  test("default year, owner split, given target and texts, in Chinese", async () => {
    const sheet = await buildPlanReport(dataset(rows), {
      lang: "zh",
      created: CREATED,
      splitBy: "owner",
      annualTarget: 1_000_000,
      growth: 0.05,
      costRates: [{ name: "材料", rate: 0.5 }],
      fixedCosts: 20_000,
      texts: {
        mission: "=为重点客户提供一站式服务",
        objectives: ["扩大份额"],
        successFactors: ["质量", "交付"],
      },
      live: true,
    });
    expect(sheet.name).toBe("KAM 目标与预算");
    expect(sheet.live).toBeUndefined();
    expectWellFormed(sheet);
    expectFormulasConsistent(sheet);
    const cells = new Grid(sheet).all();
    expect(cells.some((c) => isLive(c.content))).toBe(false);
    expect(valueOf(keyFigure(sheet, "计划年度"))).toBe(2025);
    const split = tableRows(sheet, "KAM_PlanSplit");
    expect(split.length).toBe(6);
    // Without a unit the parts are exact shares whose (compensated) sum is the target exactly.
    expect(sum(split.map((r) => r[3] as number))).toBe(1_000_000);
    expect(sheet.tables[0].headers).toEqual([
      "负责人",
      "2024 年销售额",
      "占比",
      "2025 年目标",
      "增长",
    ]);
    // User text stays text, even when it starts with "=".
    expect(cells.some((c) => c.content === "=为重点客户提供一站式服务")).toBe(true);
    expect(texts(sheet)).toContain("扩大份额");
    expect(texts(sheet)).toContain("数据中尚无 2025 年的销售，因此没有目标差距。");
    const budget = tableRows(sheet, "KAM_PlanBudget");
    expect(valueOf(budget[0][4])).toBe(20_000); // one cost line: month, revenue, line, variable, fixed
  });

  test("cost lines named like another column, twice or blank get unique headers", async () => {
    const sheet = await buildPlanReport(dataset(rows), {
      lang: "en",
      created: CREATED,
      costRates: [
        { name: "Revenue", rate: 0.1 },
        { name: "Freight", rate: 0.02 },
        { name: "freight", rate: 0.03 },
        { name: " ", rate: 0.01 },
      ],
    });
    expectWellFormed(sheet);
    expectFormulasConsistent(sheet);
    expect(sheet.tables.find((t) => t.name === "KAM_PlanBudget")?.headers.slice(1, 6)).toEqual([
      "Revenue",
      "Revenue (2)",
      "Freight",
      "freight (2)",
      "Cost 4",
    ]);
  });

  test("without a team, owner or customer column: one line for the whole company", async () => {
    const sheet = await buildPlanReport(dataset(rows, []), { lang: "en", created: CREATED });
    expectWellFormed(sheet);
    expectFormulasConsistent(sheet);
    const split = tableRows(sheet, "KAM_PlanSplit");
    expect(split.map((r) => r[0])).toEqual(["Whole company"]);
    expect(texts(sheet)).toContain("Map a customer column to see the accounts here.");
  });
});

/** The ABC classes of the customers by their sales in `year`, computed here: customers sorted by
 *  sales, A while the running share is at most 80%, B while at most 95%, C after. */
function abcClasses(rows: Order[], year: number) {
  const totals = [...salesBy(rows, year, (o) => o.customer).values()].sort((a, b) => b - a);
  const grand = totals.reduce((s, v) => s + v, 0);
  const classes = {
    A: { sales: 0, customers: 0 },
    B: { sales: 0, customers: 0 },
    C: { sales: 0, customers: 0 },
  };
  let running = 0;
  for (const v of totals) {
    running += v;
    const c = running / grand <= 0.8 + 1e-9 ? "A" : running / grand <= 0.95 + 1e-9 ? "B" : "C";
    classes[c].sales += v;
    classes[c].customers++;
  }
  return { classes, grand, customers: totals.length };
}

describe("the level of the split: team, owner, region; many customers by ABC class", () => {
  const many = orders(4, serial(2024, 12, 31), 200);
  const few = orders(5, serial(2024, 12, 31));

  test("200 customers and no team, owner or region: three ABC classes, not 200 rows", async () => {
    const sheet = await buildPlanReport(dataset(many, ["customer"]), {
      lang: "en",
      created: CREATED,
      unit: 1000,
    });
    expectWellFormed(sheet);
    expectFormulasConsistent(sheet);
    const { classes, grand, customers } = abcClasses(many, 2024);
    expect(customers).toBe(200);
    const split = tableRows(sheet, "KAM_PlanSplit");
    const present = (["A", "B", "C"] as const).filter((c) => classes[c].customers > 0);
    expect(present).toEqual(["A", "B", "C"]);
    expect(split.map((r) => r[0])).toEqual(
      present.map((c) => `${c} (${classes[c].customers} customers)`)
    );
    present.forEach((c, i) => {
      expect(close(split[i][1] as number, classes[c].sales)).toBe(true);
      expect(close(valueOf(split[i][2]) as number, classes[c].sales / grand)).toBe(true);
    });
    // The A class holds at most 80% of the sales, A and B at most 95%.
    expect(classes.A.sales / grand).toBeLessThanOrEqual(0.8 + 1e-9);
    expect((classes.A.sales + classes.B.sales) / grand).toBeLessThanOrEqual(0.95 + 1e-9);
    const target = valueOf(keyFigure(sheet, "Annual target 2025")) as number;
    const want = apportion(
      target,
      present.map((c) => classes[c].sales),
      1000
    );
    if (!want.ok) throw new Error(want.reason);
    expect(split.map((r) => r[3])).toEqual(want.parts);
    expect(tableRows(sheet, "KAM_PlanMonths")).toHaveLength(3);
    expect(texts(sheet)).toContain("1. Target by ABC class");
    const note = texts(sheet).find((t) =>
      t.startsWith("The target is split by ABC class, not per customer")
    );
    expect(note).toContain("200 customers with orders in 2024 (more than 50)");
    expect(sheet.warnings).toContain(note);
    expect(sheet.figures).toMatchObject({
      year: 2025,
      base_year: 2024,
      target,
      groups: { by: "abc", count: 3 },
      targets: { A: want.parts[0], B: want.parts[1], C: want.parts[2] },
    });
    // The account overview still lists the largest customers one by one.
    expect(tableRows(sheet, "KAM_PlanAccounts")).toHaveLength(11);
  });

  test("maxCustomers: a per-customer split up to it, ABC classes above it", async () => {
    const wide = await buildPlanReport(dataset(many, ["customer"]), {
      lang: "en",
      created: CREATED,
      maxCustomers: 200,
    });
    expect(tableRows(wide, "KAM_PlanSplit")).toHaveLength(200);
    expect(wide.figures?.groups).toEqual({ by: "customer", count: 200 });
    const perCustomer = await buildPlanReport(dataset(few, ["customer"]), {
      lang: "en",
      created: CREATED,
    });
    expect(tableRows(perCustomer, "KAM_PlanSplit")).toHaveLength(30);
    expect(perCustomer.figures?.groups).toEqual({ by: "customer", count: 30 });
    expect(perCustomer.warnings).toEqual([]);
    const narrow = await buildPlanReport(dataset(few, ["customer"]), {
      lang: "zh",
      created: CREATED,
      maxCustomers: 10,
    });
    expect(narrow.figures?.groups).toMatchObject({ by: "abc" });
    expect(texts(narrow)).toContain("1. 按ABC 分类分解目标");
    expect(narrow.warnings?.[0]).toMatch(
      /^目标按 ABC 分类分解，而不是按单个客户：.*30 个（超过 10 个）/
    );
    await expect(
      buildPlanReport(dataset(few, ["customer"]), { lang: "en", maxCustomers: 0 })
    ).rejects.toThrow("The most customers for a per-customer split must be a whole number");
  });

  test("region when there is no team or owner; team before owner before region", async () => {
    const byRegion = await buildPlanReport(dataset(few, ["region", "customer"]), {
      lang: "en",
      created: CREATED,
    });
    expectWellFormed(byRegion);
    const region2024 = salesBy(few, 2024, (o) => o.region);
    const split = tableRows(byRegion, "KAM_PlanSplit");
    expect(split.map((r) => r[0])).toEqual(
      [...region2024.entries()].sort((a, b) => b[1] - a[1]).map(([r]) => r)
    );
    expect(byRegion.tables[0].headers[0]).toBe("Region");
    expect(texts(byRegion)).toContain("1. Target by region");
    expect(byRegion.figures?.groups).toEqual({ by: "region", count: 4 });
    const all = await buildPlanReport(dataset(few, ["team", "owner", "region", "customer"]), {
      lang: "en",
      created: CREATED,
    });
    expect(all.figures?.groups).toEqual({ by: "team", count: 3 });
    const owner = await buildPlanReport(dataset(few, ["owner", "region"]), {
      lang: "en",
      created: CREATED,
    });
    expect(owner.figures?.groups).toEqual({ by: "owner", count: 6 });
  });

  test("splitBy abc on a few customers: the classes, said on the sheet, no warning", async () => {
    const sheet = await buildPlanReport(dataset(few, ["team", "customer"]), {
      lang: "en",
      created: CREATED,
      splitBy: "abc",
    });
    expectWellFormed(sheet);
    expectFormulasConsistent(sheet);
    const { classes } = abcClasses(few, 2024);
    const split = tableRows(sheet, "KAM_PlanSplit");
    expect(split.map((r) => r[0])).toEqual(
      (["A", "B", "C"] as const)
        .filter((c) => classes[c].customers > 0)
        .map(
          (c) => `${c} (${classes[c].customers} customer${classes[c].customers === 1 ? "" : "s"})`
        )
    );
    expect(texts(sheet)).toContain(
      "The target is split by ABC class. A: the largest customers, making up the first 80% of the 2024 sales; B: the next 15%; C: the rest."
    );
    expect(sheet.warnings).toEqual([]);
    await expect(
      buildPlanReport(dataset(few, ["team"]), { lang: "en", splitBy: "abc" })
    ).rejects.toThrow("split by ABC class, but no customer column is mapped");
  });

  test("a plan year after a partial year: based on the last full year, with a warning", async () => {
    const sheet = await buildPlanReport(dataset(orders(6, serial(2025, 5, 31)), ["team"]), {
      lang: "en",
      created: CREATED,
    });
    expect(sheet.figures).toMatchObject({ year: 2026, base_year: 2024 });
    expect(sheet.warnings).toContain(
      "The plan for 2026 is based on 2024, the last full calendar year in the data: 2025 is not complete."
    );
  });
});

describe("bad input", () => {
  const rows = orders(3, serial(2024, 12, 31));

  test("no rows", async () => {
    await expect(buildPlanReport(dataset([]), { lang: "en" })).rejects.toThrow(
      "The plan needs data: no order rows were found."
    );
  });

  test("less than a full calendar year, in both languages", async () => {
    const short = rows.filter((o) => o.date >= serial(2024, 3, 1));
    await expect(buildPlanReport(dataset(short), { lang: "en" })).rejects.toThrow(
      /at least one full calendar year of orders \(January to December\) before 2025; the data runs from 2024-03-0\d to 2024-12-3\d/
    );
    await expect(buildPlanReport(dataset(short), { lang: "zh" })).rejects.toThrow(
      "计划需要 2025 年之前至少一个完整日历年度"
    );
  });

  test("a month where returns exceed orders", async () => {
    const bad = [...rows, { ...rows[0], date: serial(2023, 5, 2), amount: -1e7 }];
    await expect(buildPlanReport(dataset(bad), { lang: "en" })).rejects.toThrow(
      /^The sales of 2023-05 add up to -\d/
    );
  });

  test("a team whose sales last year are negative", async () => {
    const bad = [...rows, { ...rows[0], team: "Returns", date: serial(2024, 6, 2), amount: -50 }];
    await expect(buildPlanReport(dataset(bad), { lang: "en" })).rejects.toThrow(
      'Team "Returns": the sales of 2024 add up to -50'
    );
  });

  test("a target that is not a multiple of the unit, a split column not mapped, bad options", async () => {
    await expect(
      buildPlanReport(dataset(rows), { lang: "en", annualTarget: 1_234_567, unit: 1000 })
    ).rejects.toThrow("The annual target 1234567 is not a whole number of units of 1000");
    await expect(
      buildPlanReport(dataset(rows, ["team"]), { lang: "en", splitBy: "customer" })
    ).rejects.toThrow("split by customer, but no customer column is mapped");
    await expect(buildPlanReport(dataset(rows), { lang: "en", growth: -2 })).rejects.toThrow(
      "The growth -2 is not allowed"
    );
    await expect(
      buildPlanReport(dataset(rows), { lang: "en", costRates: [{ name: "X", rate: -0.1 }] })
    ).rejects.toThrow('The cost rate of "X" is -0.1');
  });
});
