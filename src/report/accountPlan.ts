// The Account plan report (账户计划): one sheet per key account and an index sheet. Each account's
// sheet holds its profile (src/engine/accounts/profile.ts), whitespace (whitespace.ts), outlook and
// targets, buying centre (src/engine/plan/accountPlan.ts), the customer's financial ratios
// (src/engine/portfolio/ratios.ts), the T+3 plan in the deck's nine sections, and an actions table.
// The yellow input cells and the actions table are declared as inputs under "<account>|<section>"
// keys, so a re-run carries what the manager typed over (src/report/inputs.ts).

import { accountProfile, profilePortfolio, ProfilePortfolio } from "../engine/accounts/profile";
import { customerKey } from "../engine/accounts/rfm";
import { accountWhitespace, findAccount, spendMatrix } from "../engine/accounts/whitespace";
import { isoFromSerial, periodLabel, periodStart, ymdFromSerial } from "../engine/calendar";
import { sum } from "../engine/numeric";
import { DEFAULT_STAGE_TABLE, resolveStage } from "../engine/pipeline/funnel";
import {
  accountOutlook,
  AccountOutlook,
  Contact,
  DMU_ROLES,
  dmuCoverage,
  DmuCoverage,
  DmuResult,
  nearestNames,
  planTargets,
  PlanTarget,
} from "../engine/plan/accountPlan";
import { financialRatios, Ratio } from "../engine/portfolio/ratios";
import { ACCOUNT_PLAN_REPORT, AccountPlanText } from "../i18n/report.accountPlan";
import { ACCOUNT_PLAN_LABELS, ProfileKind, profileLines } from "../i18n/results.accountPlan";
import { SEGMENT_NAMES } from "../i18n/segments";
import { Lang } from "../i18n/lang";
import { a1, BuildOptions, CellContent, NumberFormat, ReportSheet, sheetRef } from "./model";
import { checkOptions } from "./options";
import { ticker } from "./progress";
import { Dataset } from "./roles";
import { SheetBuilder, userText } from "./sheet";

export interface AccountPlanOptions {
  /** Comma-separated account names; default the core tier (at most MAX_DEFAULT). */
  accounts?: string;
  /** The N largest accounts by revenue instead of the core tier. */
  top?: number;
  asOf?: number;
  /** Targets = base year × (1 + planGrowth)^k instead of the forecast. */
  planGrowth?: number;
  /** Days after which a contact counts as not reached; default 90. */
  staleDays?: number;
}

/** Most accounts planned by default. */
export const MAX_DEFAULT_ACCOUNTS = 10;
const INPUT = { fill: "#FFF2CC" } as const;
const GAP_FILL = "#FCE4D6";
const ACTION_ROWS = 8;

const fail = (message: string): never => {
  throw new Error(message);
};

const FORMAT_OF: Record<ProfileKind, NumberFormat | undefined> = {
  text: undefined,
  date: "date",
  money: "currency",
  percent: "percent",
  count: "integer",
  number: "number",
};

interface Orders {
  customers: string[];
  days: number[];
  amounts: number[];
  profits?: (number | null)[];
  products?: string[];
}

/**
 * The plan sheets' names: "Plan Acme" cut to Excel's 31 characters, the same for an account from run
 * to run (so a re-run replaces its sheet and carries its inputs over); two accounts whose names cut
 * alike get " (2)", " (3)".
 */
function planSheetNames(prefix: string, accounts: readonly string[]): string[] {
  const taken = new Set<string>();
  return accounts.map((account) => {
    const clean = account.replace(/[:\\/?*[\]']/g, " ").trim();
    const base = `${prefix} ${clean}`.slice(0, 31).trim();
    let name = base;
    for (let k = 2; taken.has(name.toLowerCase()); k++)
      name = `${base.slice(0, 31 - ` (${k})`.length).trim()} (${k})`;
    taken.add(name.toLowerCase());
    return name;
  });
}

/** Builds the index sheet and one plan sheet per account. */
export async function buildAccountPlanReport(
  data: Dataset,
  options: BuildOptions & AccountPlanOptions
): Promise<ReportSheet[]> {
  const lang = options.lang;
  const L = ACCOUNT_PLAN_REPORT[lang];
  checkOptions("account-plan", options, (key, bounds) => L.errors.option(key, bounds));
  const tick = ticker(100, options);
  const orders = readOrders(data, L);
  const res = profilePortfolio(
    {
      customers: orders.customers,
      dates: orders.days,
      amounts: orders.amounts,
      profits: orders.profits,
    },
    { asOf: options.asOf }
  );
  if (!res.ok) return fail(res.reason === "" ? L.errors.total : res.reason);
  const pf = res.value;
  await tick(15);

  // Which accounts.
  const notes: string[] = [];
  const chosen = chooseAccounts(pf, options, L, notes);
  const source = options.source ?? data.source;
  const asOfText = isoFromSerial(pf.lastDay);

  // Whitespace: the spend matrix and the tiers as groups.
  const keep = orders.days.map((d) => d <= pf.lastDay);
  const matrix = orders.products
    ? spendMatrix(
        orders.customers.filter((_, i) => keep[i]),
        orders.products.filter((_, i) => keep[i]),
        orders.amounts.filter((_, i) => keep[i])
      )
    : undefined;
  const groups = matrix?.accounts.map((a) => pf.profiles.get(customerKey(a))?.tier?.tier ?? null);

  // Contacts.
  const contacts = readContacts(options.extras?.contacts);
  const dmu = contacts
    ? dmuCoverage(contacts, chosen, pf.names, pf.lastDay, options.staleDays ?? 90)
    : undefined;
  if (dmu && dmu.unknownRoles.length > 0)
    notes.push(L.unknownRoles(dmu.unknownRoles.map((c) => contactText(c, L)).join("; ")));
  if (dmu && dmu.unknownAccounts.length > 0)
    notes.push(L.unknownAccounts(dmu.unknownAccounts.map((c) => contactText(c, L)).join("; ")));

  const sheets: ReportSheet[] = [];
  const summaries: Summary[] = [];
  const names = planSheetNames(L.sheetPrefix, chosen);
  const indexName = L.indexSheet;
  for (let k = 0; k < chosen.length; k++) {
    const account = chosen[k];
    const s = buildAccountSheet({
      account,
      sheetName: names[k],
      indexName,
      pf,
      orders,
      matrix,
      groups,
      dmu: dmu?.accounts[k],
      options,
      source,
      asOfText,
      L,
      lang,
    });
    sheets.push(s.sheet);
    summaries.push(s.summary);
    await tick(15 + Math.round((80 * (k + 1)) / chosen.length));
  }
  const index = buildIndex(summaries, names, options, source, asOfText, notes, L, indexName);
  await tick(100);
  return [index, ...sheets];
}

function readOrders(data: Dataset, L: AccountPlanText): Orders {
  const customers = data.text.customer;
  const days = data.numbers.date;
  const amounts = data.numbers.amount;
  if (!customers) return fail(L.errors.noColumn(L.roleNames.customer));
  if (!days) return fail(L.errors.noColumn(L.roleNames.date));
  if (!amounts) return fail(L.errors.noColumn(L.roleNames.amount));
  if (customers.length === 0) return fail(L.errors.noRows);
  const profits = data.sparse?.profit ?? data.numbers.profit;
  return {
    customers,
    days: days.map(Math.floor),
    amounts,
    profits,
    products: data.text.product,
  };
}

function chooseAccounts(
  pf: ProfilePortfolio,
  o: AccountPlanOptions,
  L: AccountPlanText,
  notes: string[]
): string[] {
  const ranked = pf.names
    .map((n) => pf.profiles.get(customerKey(n)))
    .filter((p) => p !== undefined);
  if (o.accounts !== undefined && o.accounts.trim() !== "") {
    const wanted = o.accounts
      .split(/[,，;；]/)
      .map((s) => s.trim())
      .filter((s) => s !== "");
    const out: string[] = [];
    for (const w of wanted) {
      const p = pf.profiles.get(customerKey(w));
      if (!p) {
        const near = nearestNames(w, pf.names, 3)
          .map((n) => `"${n}"`)
          .join(", ");
        fail(L.notFound(w, near));
      } else if (!out.some((x) => customerKey(x) === customerKey(w))) out.push(String(p.account));
    }
    notes.push(L.chosenGiven);
    return out;
  }
  if (o.top !== undefined) {
    notes.push(L.chosenTop(Math.min(o.top, ranked.length)));
    return ranked.slice(0, o.top).map((p) => String(p.account));
  }
  const core = ranked.filter((p) => p.tier?.tier === "core");
  if (core.length > 0) {
    notes.push(L.chosenCore(core.length, MAX_DEFAULT_ACCOUNTS));
    return core.slice(0, MAX_DEFAULT_ACCOUNTS).map((p) => String(p.account));
  }
  const a = ranked.filter((p) => p.abc === "A");
  notes.push(L.chosenA(MAX_DEFAULT_ACCOUNTS));
  const list = (a.length > 0 ? a : ranked).slice(0, MAX_DEFAULT_ACCOUNTS);
  if (list.length === 0) fail(L.errors.noAccounts);
  return list.map((p) => String(p.account));
}

function readContacts(data: Dataset | undefined): Contact[] | undefined {
  if (!data) return undefined;
  const acc = data.text.account ?? [];
  const name = data.text.contact ?? [];
  const lastContact = data.sparse?.lastContact ?? data.numbers.lastContact;
  return acc.map((account, i) => {
    const c: Contact = { account, name: name[i] ?? "", row: data.sheetRows[i] ?? i + 2 };
    const title = data.text.title?.[i];
    const role = data.text.dmuRole?.[i];
    const attitude = data.text.attitude?.[i];
    const last = lastContact?.[i];
    if (title) c.title = title;
    if (role) c.role = role;
    if (attitude) c.attitude = attitude;
    if (last !== null && last !== undefined && Number.isFinite(last)) c.lastContact = last;
    return c;
  });
}

const contactText = (c: Contact, L: AccountPlanText) =>
  L.contactRef(c.name, String(c.account), c.role ?? "—", c.row);

interface Summary {
  account: string;
  tier: string;
  revenue: number;
  share: number;
  profit: number | null;
  cagr: number | null;
  opportunity: number | null;
  target: number | null;
  missing: string;
}

interface AccountInput {
  account: string;
  sheetName: string;
  indexName: string;
  pf: ProfilePortfolio;
  orders: Orders;
  matrix: ReturnType<typeof spendMatrix> | undefined;
  groups: (string | null)[] | undefined;
  dmu: DmuCoverage | undefined;
  options: BuildOptions & AccountPlanOptions;
  source: string;
  asOfText: string;
  L: AccountPlanText;
  lang: Lang;
}

function buildAccountSheet(x: AccountInput): { sheet: ReportSheet; summary: Summary } {
  const { pf, L, lang, account, orders } = x;
  const key = customerKey(account);
  const p = accountProfile(pf, account);
  if (!p) return fail(L.notFound(account, ""));
  const b = new SheetBuilder("account-plan", x.sheetName, { ...x.options, source: x.source });
  const inputs: {
    key: string;
    area: { row: number; column: number; rows: number; columns: number };
  }[] = [];
  const input = (section: string, row: number, column: number, rows: number, columns: number) => {
    const area = { row, column, rows, columns };
    b.format(area, INPUT);
    inputs.push({ key: `${key}|${section}`, area });
  };
  b.title(L.accountTitle(account), L.accountSubtitle(x.source, x.asOfText));
  b.put(b.row - 1, 0, [
    [{ formula: `=HYPERLINK("#${sheetRef(x.indexName)}!A1","${L.back}")`, value: L.back }],
  ]);
  b.note(L.inputsNote);
  if (!p.recent) b.note(L.lapsed);

  // 1. Profile.
  b.section(L.sections.profile);
  const lines = profileLines(p, pf, lang);
  b.keyValues(
    lines.map((l) => [
      l.label,
      l.kind === "text" && typeof l.value === "string" ? userText(l.value) : l.value,
      FORMAT_OF[l.kind],
    ])
  );
  b.width(0, 34);
  b.width(1, 18);
  b.section(L.sections.years);
  const withProfit = pf.profitTotal !== null;
  const yearTable = b.table(
    "KAM_AP_Years",
    [
      { header: L.yearHeaders[0] },
      { header: L.yearHeaders[1], format: "currency" },
      ...(withProfit ? [{ header: L.yearHeaders[2], format: "currency" as NumberFormat }] : []),
      { header: L.yearHeaders[3], format: "percent" },
    ],
    p.years.map((y) => [y.label, y.revenue, ...(withProfit ? [y.profit] : []), y.growth])
  );
  b.chart(
    {
      kind: "column",
      title: L.chartYears,
      series: [
        { name: L.chartRevenue, categories: yearTable.column(0), values: yearTable.column(1) },
      ],
      yFormat: "currency",
      legend: "none",
      anchor: { rows: 12, columns: 6 },
    },
    yearTable.area.row
  );
  if (!withProfit) b.note(L.noProfit);
  b.section(L.sections.quarters);
  b.table(
    "KAM_AP_Quarters",
    [
      { header: L.quarterHeaders[0] },
      { header: L.quarterHeaders[1], format: "currency" },
      { header: L.quarterHeaders[2], format: "percent" },
    ],
    p.quarters.map((q) => [q.label, q.revenue, q.growth])
  );

  // 2. Whitespace.
  b.section(L.sections.whitespace);
  let opportunity: number | null = null;
  let boughtText = "";
  let gapsText = "";
  const k = x.matrix ? findAccount(x.matrix, account) : undefined;
  if (!x.matrix || !orders.products || k === undefined) b.note(L.noProduct);
  else {
    const m = x.matrix;
    const w = accountWhitespace(m, k, x.groups);
    opportunity = w.opportunity;
    const gapOf = new Map(w.gaps.map((g) => [g.productIndex, g]));
    const years = pf.years;
    const byYear = m.products.map(() => years.map(() => 0));
    orders.customers.forEach((c, i) => {
      if (customerKey(c) !== key || orders.days[i] > pf.lastDay) return;
      const pi = findProduct(m.products, orders.products?.[i] ?? "");
      const yi = ymdFromSerial(orders.days[i])[0] - years[0];
      if (pi !== undefined && yi >= 0 && yi < years.length) byYear[pi][yi] += orders.amounts[i];
    });
    // Bought products first (largest spend), then the gaps (largest opportunity).
    const order = [...w.bought.map((r) => r.productIndex), ...w.gaps.map((g) => g.productIndex)];
    const rows: CellContent[][] = order.map((pi) => {
      const g = gapOf.get(pi);
      return [
        userText(m.products[pi]),
        ...byYear[pi],
        m.spend[k][pi],
        g ? g.buyers : null,
        g ? g.opportunity : null,
      ];
    });
    const placed = b.table(
      "KAM_AP_Whitespace",
      [
        { header: L.product },
        ...years.map((y) => ({ header: String(y), format: "currency" as NumberFormat })),
        { header: L.total, format: "currency", total: "sum" },
        { header: L.peersBuying, format: "integer" },
        { header: L.opportunity, format: "currency", total: "sum" },
      ],
      rows
    );
    if (rows.length > 0) {
      // Heat map of spend by year; gaps (nothing bought in the year) highlighted.
      const cells = { row: placed.firstRow, column: 1, rows: rows.length, columns: years.length };
      b.conditional({ kind: "colorScale", area: cells, min: "#FFFFFF", max: "#5B9BD5" });
      b.conditional({
        kind: "cellValue",
        area: cells,
        operator: "lessThan",
        values: ["0.005"],
        style: { fill: GAP_FILL },
      });
      if (w.gaps.length > 0)
        b.format(
          {
            row: placed.firstRow + w.bought.length,
            column: 0,
            rows: w.gaps.length,
            columns: 1,
          },
          { fill: GAP_FILL, bold: true }
        );
    }
    const tierName = p.tier ? ACCOUNT_PLAN_LABELS[lang].tiers[p.tier.tier] : "";
    b.note(L.whitespaceNote(w.basis, w.peers, tierName));
    if (x.options.extras?.facts) b.note(L.walletNote);
    boughtText = w.bought
      .slice(0, 5)
      .map((r) => String(r.product))
      .join(", ");
    gapsText = w.gaps
      .slice(0, 3)
      .map((g) => String(g.product))
      .join(", ");
  }

  // 3. Outlook.
  b.section(L.sections.outlook);
  const mine = orders.customers
    .map((_c, i) => i)
    .filter((i) => customerKey(orders.customers[i]) === key && orders.days[i] <= pf.lastDay);
  const outlook: AccountOutlook = accountOutlook({
    dates: mine.map((i) => orders.days[i]),
    amounts: mine.map((i) => orders.amounts[i]),
    firstDay: pf.firstDay,
    lastDay: pf.lastDay,
  });
  const targets: PlanTarget[] = planTargets(outlook, x.options.planGrowth);
  const outlookYears = [outlook.baseYear, ...outlook.planYears];
  const targetOf = new Map(targets.map((t) => [t.year, t.target]));
  b.table(
    "KAM_AP_Outlook",
    [
      { header: L.outlookHeaders[0] },
      { header: L.outlookHeaders[1], format: "currency" },
      { header: L.outlookHeaders[2], format: "currency" },
      { header: L.outlookHeaders[3], format: "currency" },
      { header: L.outlookHeaders[4], format: "currency" },
      { header: L.outlookHeaders[5], format: "currency" },
      { header: L.outlookHeaders[6], format: "currency" },
    ],
    outlookYears.map((y) => [
      String(y.year),
      y.actual,
      y.forecast,
      y.actual + y.forecast,
      y.actual + y.lower,
      y.actual + y.upper,
      targetOf.get(y.year) ?? null,
    ]),
    {
      rowFormula: (_placed, r, i) => {
        const y = outlookYears[i];
        return [
          String(y.year),
          y.actual,
          y.forecast,
          { formula: `=${a1(r, 1)}+${a1(r, 2)}`, value: y.actual + y.forecast },
          y.actual + y.lower,
          y.actual + y.upper,
          targetOf.get(y.year) ?? null,
        ];
      },
    }
  );
  b.note(L.outlookNote(outlook.method, outlook.level));
  const bt = outlook.backtest;
  b.note(
    bt
      ? L.backtest(
          bt.mape === undefined ? "—" : `${bt.mape.toFixed(1)}%`,
          bt.mase === undefined ? "—" : bt.mase.toFixed(2),
          bt.origins
        )
      : L.noBacktest(outlook.backtestProblem ?? "")
  );
  b.section(L.sections.pipeline);
  const opp = x.options.extras?.opportunities;
  if (!opp) b.note(L.noPipeline);
  else {
    const rows = pipelineRows(opp, key);
    if (rows.length === 0) b.note(L.noOpenDeals);
    else
      b.table(
        "KAM_AP_Pipeline",
        [
          { header: L.pipelineHeaders[0] },
          { header: L.pipelineHeaders[1], format: "currency", total: "sum" },
          { header: L.pipelineHeaders[2], format: "currency", total: "sum" },
        ],
        rows
      );
  }

  // 4. DMU.
  b.section(L.sections.dmu);
  let missingText = "";
  let covered = 0;
  if (!x.dmu) {
    b.note(L.dmuTemplate);
    const top = b.row;
    b.table(
      "KAM_AP_DMU",
      L.dmuHeaders.map((h) => ({ header: h, width: 16 })),
      DMU_ROLES.map((r) => [L.roles[r], null, null, null, null, null, null])
    );
    input("dmu", top + 1, 1, DMU_ROLES.length, 4);
    missingText = DMU_ROLES.map((r) => L.roles[r]).join(", ");
  } else {
    const d = x.dmu;
    const sorted = [...d.contacts].sort(
      (p1, p2) => roleRank(p1.role) - roleRank(p2.role) || p1.contact.row - p2.contact.row
    );
    const rows: CellContent[][] = [
      ...sorted.map((c) => [
        c.role ? L.roles[c.role] : L.unknownRole,
        userText(c.contact.name),
        c.contact.title === undefined ? null : userText(c.contact.title),
        c.attitude
          ? L.attitudes[c.attitude]
          : c.contact.attitude
            ? userText(c.contact.attitude)
            : null,
        c.contact.lastContact ?? null,
        c.daysSince,
        c.stale ? L.yes : L.no,
      ]),
      ...d.missing.map((r) => [L.roles[r], null, null, null, null, null, null]),
    ];
    const top = b.row;
    b.table(
      "KAM_AP_DMU",
      L.dmuHeaders.map((h, i) => ({
        header: h,
        width: 16,
        format:
          i === 4 ? ("date" as NumberFormat) : i === 5 ? ("integer" as NumberFormat) : undefined,
      })),
      rows
    );
    if (d.missing.length > 0) {
      input("dmu-missing", top + 1 + sorted.length, 1, d.missing.length, 4);
      b.note(L.dmuMissing(d.missing.map((r) => L.roles[r]).join(", ")));
    }
    if (d.stale > 0) b.note(L.dmuStale(d.stale, x.options.staleDays ?? 90));
    missingText = d.missing.map((r) => L.roles[r]).join(", ");
    covered = DMU_ROLES.length - d.missing.length;
  }

  // 5. Customer financial ratios.
  b.section(L.sections.ratios);
  ratiosSection(b, x.options.extras?.facts, key, L);

  // 6. The T+3 plan.
  b.section(L.sections.plan);
  const P = L.plan;
  b.section(P.mission);
  b.note(P.missionHint);
  input("mission", b.row, 0, 1, 6);
  b.format({ row: b.row, column: 0, rows: 1, columns: 6 }, { wrap: true });
  b.row += 2;
  b.section(P.financial);
  const complete = p.years.filter((y) => pf.completeYears.includes(Number(y.label)));
  const last = complete.length > 0 ? complete[complete.length - 1] : p.years[p.years.length - 1];
  const profitLabel = ACCOUNT_PLAN_LABELS[lang].profile;
  b.keyValues([
    [P.lastYearRevenue(Number(last.label)), last.revenue, "currency"],
    ...(last.profit !== null
      ? [
          [P.lastYearProfit(Number(last.label)), last.profit, "currency"] as [
            string,
            CellContent,
            NumberFormat,
          ],
        ]
      : []),
    [profitLabel.share, p.share, "percent"],
    [
      p.cagr ? profitLabel.cagr(p.cagr.fromYear, p.cagr.toYear) : profitLabel.cagr(0, 0),
      p.cagr ? p.cagr.value : profitLabel.none,
      "percent",
    ],
    [profitLabel.clv(pf.clvMonths), p.clv ? p.clv.clv : profitLabel.none, "currency"],
  ]);
  b.section(P.overview);
  const tierName = p.tier ? ACCOUNT_PLAN_LABELS[lang].tiers[p.tier.tier] : "—";
  b.note(
    P.overviewText(
      tierName,
      p.abc,
      p.rfm ? SEGMENT_NAMES[p.rfm.segment][lang] : "—",
      `${(p.share * 100).toFixed(1)}%`,
      p.rank
    )
  );
  b.note(P.dmuText(covered, missingText));
  b.section(P.csf);
  const csfTop = b.row;
  const csf = b.table(
    "KAM_AP_CSF",
    P.csfHeaders.map((h, i) => ({
      header: h,
      width: i === 0 ? 30 : 16,
      format: i === 1 ? ("percent" as NumberFormat) : undefined,
    })),
    P.csfFactors.map((f) => [f, 0.2, null, null])
  );
  input("csf", csfTop + 1, 0, P.csfFactors.length, 4);
  const wRow = b.row - 1;
  b.put(wRow, 0, [
    [
      P.weighted,
      null,
      {
        formula: `=SUMPRODUCT(${csf.columnA1(1)},${csf.columnA1(2)})/SUM(${csf.columnA1(1)})`,
        value: 0,
      },
      {
        formula: `=SUMPRODUCT(${csf.columnA1(1)},${csf.columnA1(3)})/SUM(${csf.columnA1(1)})`,
        value: 0,
      },
    ],
  ]);
  b.format({ row: wRow, column: 0, rows: 1, columns: 4 }, { bold: true, numberFormat: "number" });
  b.row = wRow + 2;
  b.section(P.portfolio);
  if (boughtText !== "") b.note(P.bought(boughtText));
  if (gapsText !== "") b.note(P.gaps(gapsText));
  input("portfolio", b.row, 0, 1, 6);
  b.row += 2;
  b.section(P.assumptions);
  const aRows = b.keyValues([
    [P.growthAssumption, x.options.planGrowth ?? ACCOUNT_PLAN_LABELS[lang].profile.none, "percent"],
    [P.forecastMethod, outlook.method],
    [P.market, null],
  ]);
  input("market", aRows[2], 1, 1, 5);
  b.section(P.objectives);
  const objTop = b.row;
  b.table(
    "KAM_AP_Objectives",
    P.objectiveHeaders.map((h, i) => ({
      header: h,
      width: i >= 3 ? 30 : 14,
      format: i === 1 || i === 2 ? ("currency" as NumberFormat) : undefined,
    })),
    targets.map((t) => [String(t.year), t.target, t.forecast, null, null])
  );
  input("objectives", objTop + 1, 3, targets.length, 2);
  b.section(P.budget);
  const budTop = b.row;
  b.table(
    "KAM_AP_Budget",
    P.budgetHeaders.map((h, i) => ({
      header: h,
      width: 16,
      format:
        i === 2 ? ("percent" as NumberFormat) : i === 0 ? undefined : ("currency" as NumberFormat),
    })),
    targets.map((t) => [String(t.year), t.target, 0.6, 0, null]),
    {
      rowFormula: (_placed, r, i) => [
        String(targets[i].year),
        targets[i].target,
        0.6,
        0,
        {
          formula: `=${a1(r, 1)}*(1-${a1(r, 2)})-${a1(r, 3)}`,
          value: targets[i].target * 0.4,
        },
      ],
    }
  );
  input("budget", budTop + 1, 2, targets.length, 2);
  b.note(P.actionsRef);
  b.row++;

  // 7. Actions: an Excel table with a status drop-down; its rows are carried over on a re-run.
  b.section(L.sections.actions);
  const actTop = b.row;
  b.table(
    "KAM_AP_Actions",
    L.actionHeaders.map((h, i) => ({
      header: h,
      width: i === 0 || i === 4 ? 30 : 14,
      format: i === 2 ? ("date" as NumberFormat) : undefined,
    })),
    Array.from({ length: ACTION_ROWS }, () => [null, null, null, null, null])
  );
  input("actions", actTop + 1, 0, ACTION_ROWS, 5);

  const sheet = b.build();
  sheet.validations = [
    { area: { row: actTop + 1, column: 3, rows: ACTION_ROWS, columns: 1 }, list: L.statuses },
  ];
  sheet.inputs = inputs;
  sheet.freeze = { rows: 2, columns: 0 };
  const tierLabel = p.tier ? ACCOUNT_PLAN_LABELS[lang].tiers[p.tier.tier] : "";
  return {
    sheet,
    summary: {
      account,
      tier: tierLabel,
      revenue: p.revenue,
      share: p.share,
      profit: p.profit,
      cagr: p.cagr?.value ?? null,
      opportunity,
      target: targets[0]?.target ?? null,
      missing: missingText,
    },
  };
}

function findProduct(products: readonly (string | number)[], product: string): number | undefined {
  const k = customerKey(product);
  const i = products.findIndex((p) => customerKey(p) === k);
  return i < 0 ? undefined : i;
}

const roleRank = (r: string | undefined) => {
  const i = DMU_ROLES.findIndex((x) => x === r);
  return i < 0 ? DMU_ROLES.length : i;
};

/** The account's open deals (probability strictly between 0 and 1) by close month. */
function pipelineRows(opp: Dataset, key: string): CellContent[][] {
  const customers = opp.text.customer ?? [];
  const stages = opp.text.stage ?? [];
  const amounts = opp.sparse?.amount ?? opp.numbers.amount ?? [];
  const closes = opp.sparse?.closeDate ?? opp.numbers.closeDate ?? [];
  const byMonth = new Map<number, { open: number[]; weighted: number[] }>();
  customers.forEach((c, i) => {
    if (customerKey(c) !== key) return;
    const amount = amounts[i];
    const close = closes[i];
    if (amount === null || amount === undefined || close === null || close === undefined) return;
    const r = resolveStage(stages[i] ?? "", DEFAULT_STAGE_TABLE);
    if (!r.ok || !(r.probability > 0 && r.probability < 1)) return;
    const m = periodStart(close, "month");
    const e = byMonth.get(m) ?? { open: [], weighted: [] };
    e.open.push(amount);
    e.weighted.push(amount * r.probability);
    byMonth.set(m, e);
  });
  return [...byMonth.entries()]
    .sort((p, q) => p[0] - q[0])
    .map(([m, e]) => [periodLabel(m, "month"), sum(e.open), sum(e.weighted)]);
}

function ratiosSection(
  b: SheetBuilder,
  facts: Dataset | undefined,
  key: string,
  L: AccountPlanText
): void {
  if (!facts) {
    b.note(L.noFacts);
    return;
  }
  const accounts = facts.text.account ?? [];
  const years = facts.numbers.year ?? [];
  const col = (
    role:
      | "revenue"
      | "netProfit"
      | "currentAssets"
      | "currentLiabilities"
      | "totalAssets"
      | "totalLiabilities"
  ) => facts.sparse?.[role] ?? facts.numbers[role];
  const rows = accounts
    .map((_a, i) => i)
    .filter((i) => customerKey(accounts[i]) === key)
    .sort((i, j) => years[i] - years[j]);
  if (rows.length === 0) {
    b.note(L.noFactsForAccount);
    return;
  }
  const value = (r: Ratio | null): number | null => (r && "value" in r ? r.value : null);
  const missing: string[] = [];
  const table = rows.map((i) => {
    const get = (role: Parameters<typeof col>[0]) => {
      const v = col(role)?.[i];
      return v === null || v === undefined || !Number.isFinite(v) ? null : v;
    };
    const f = {
      currentAssets: get("currentAssets"),
      currentLiabilities: get("currentLiabilities"),
      netProfit: get("netProfit"),
      revenue: get("revenue"),
      totalAssets: get("totalAssets"),
      totalLiabilities: get("totalLiabilities"),
    };
    if (Object.values(f).some((v) => v === null)) missing.push(String(years[i]));
    const r = financialRatios({
      currentAssets: f.currentAssets ?? NaN,
      currentLiabilities: f.currentLiabilities ?? NaN,
      netProfit: f.netProfit ?? NaN,
      revenue: f.revenue ?? NaN,
      totalAssets: f.totalAssets ?? NaN,
      totalLiabilities: f.totalLiabilities ?? NaN,
    });
    const fin = (v: number | null) => (v === null || !Number.isFinite(v) ? null : v);
    return [
      String(years[i]),
      fin(value(r.currentRatio)),
      fin(value(r.netProfitMargin)),
      fin(value(r.returnOnAssets)),
      fin(value(r.debtRatio)),
      fin(value(r.assetTurnover)),
    ];
  });
  const first = table[0];
  const lastRow = table[table.length - 1];
  const trend: CellContent[] = [
    L.trend,
    ...[1, 2, 3, 4, 5].map((c) => {
      const a = first[c];
      const z = lastRow[c];
      return typeof a === "number" && typeof z === "number" && table.length > 1 ? z - a : null;
    }),
  ];
  b.table(
    "KAM_AP_Ratios",
    L.ratioHeaders.map((h, i) => ({
      header: h,
      width: 16,
      format:
        i === 0
          ? undefined
          : i === 2 || i === 3 || i === 4
            ? ("percent" as NumberFormat)
            : ("number" as NumberFormat),
    })),
    [...table, trend]
  );
  if (missing.length > 0) b.note(L.missingYears(missing.join(", ")));
}

function buildIndex(
  summaries: Summary[],
  names: string[],
  options: BuildOptions & AccountPlanOptions,
  source: string,
  asOfText: string,
  notes: string[],
  L: AccountPlanText,
  indexName: string
): ReportSheet {
  const b = new SheetBuilder("account-plan", indexName, { ...options, source });
  b.title(L.title, L.subtitle(source, asOfText, summaries.length));
  for (const n of notes) b.note(n);
  b.row++;
  const placed = b.table(
    "KAM_AccountPlans",
    L.indexHeaders.map((h, i) => ({
      header: h,
      width: i === 0 ? 28 : i === 9 ? 36 : 14,
      format:
        i === 3 || i === 5 || i === 7 || i === 8
          ? ("currency" as NumberFormat)
          : i === 4 || i === 6
            ? ("percent" as NumberFormat)
            : undefined,
      total: i === 3 || i === 7 || i === 8 ? ("sum" as const) : undefined,
    })),
    summaries.map((s, k) => [
      userText(s.account),
      {
        formula: `=HYPERLINK("#${sheetRef(names[k])}!A1","${names[k].replace(/"/g, '""')}")`,
        value: names[k],
      },
      s.tier,
      s.revenue,
      s.share,
      s.profit,
      s.cagr,
      s.opportunity,
      s.target,
      s.missing,
    ])
  );
  b.chart(
    {
      kind: "column",
      title: L.chartAccounts,
      series: [
        { name: L.indexHeaders[3], categories: placed.column(0), values: placed.column(3) },
        { name: L.indexHeaders[7], categories: placed.column(0), values: placed.column(7) },
      ],
      yFormat: "currency",
      legend: "bottom",
      anchor: { column: 0, rows: 16, columns: 8 },
    },
    b.row
  );
  const sheet = b.build();
  sheet.figures = { accounts: summaries.map((s) => s.account) };
  sheet.warnings = notes;
  return sheet;
}

/** The names of the accounts planned, for `kam report --json`. */
export function plannedAccounts(sheets: readonly ReportSheet[]): string[] {
  const f = sheets[0]?.figures?.accounts;
  return Array.isArray(f) ? f.map(String) : [];
}

export type { DmuResult };
