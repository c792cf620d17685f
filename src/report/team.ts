// The Sales team report (销售团队): per rep and for the team — the pipeline roll-up with learned and
// textbook probabilities side by side and their back-test, velocity and cycle, account load with the
// least-revenue rebalancing, accountability and the revenue bridge with the lost-account review
// (src/engine/team). Reads an opportunity list (a stage column) or an order list with an owner.

import { Grain, isoFromSerial } from "../engine/calendar";
import { wonAmountByProduct } from "../engine/pipeline/estimate";
import { classifyStage } from "../engine/pipeline/funnel";
import { accountability } from "../engine/team/accountability";
import { revenueBridge, Bridge } from "../engine/team/bridge";
import { Deal, ownerKey, rollUp, weightedByMonth, OwnerRollup } from "../engine/team/deals";
import { AppliedOwners, applyOwnerList, listOwnerOf } from "../engine/team/owners";
import { SlippedByOwner } from "../engine/team/snapshot";
import { outcomeOfStage } from "../engine/team/outcome";
import {
  backtest,
  learnModel,
  ProbabilityMethod,
  probabilityOf,
} from "../engine/team/probabilities";
import { HeldAccount, rebalance } from "../engine/team/rebalance";
import { salesVelocity } from "../engine/team/velocity";
import { MIN_CLOSED_DEALS } from "../engine/team/winrate";
import { periodLabel } from "../engine/calendar";
import { TEAM_REPORT } from "../i18n/report.team";
import { TEAM_SOURCES } from "../i18n/report.teamSources";
import { a1, BuildOptions, CellContent, ReportFigure, ReportSheet } from "./model";
import { checkOptions } from "./options";
import { REPORT_STAGE_TABLE } from "./pipeline";
import { writeBacktestSection } from "./backtestSection";
import { ticker } from "./progress";
import { Dataset } from "./roles";
import { SheetBuilder, userText, userTextOr } from "./sheet";
import { ownerListOf, ownerSections, snapshotSections } from "./teamSources";
import { forecastVsActualSection, OutlookPipeline, outlookSections } from "./teamOutlook";

export interface TeamOptions {
  /** Which probabilities weight the pipeline: learned per stage (default), the textbook, learned per
   *  rep or per deal-size band; each falls back to the textbook below minClosed closed deals. */
  probabilities?: "learned" | "textbook" | "rep" | "band";
  /** Closed deals a learned rate needs (default 20). */
  minClosed?: number;
  /** The as-of date (Excel serial). Default: the latest close date of a closed deal, or order date. */
  asOf?: number;
  /** Period of the revenue bridge (default month). */
  grain?: "month" | "quarter" | "year";
  /** Accounts per rep (default 30–40). */
  loadMin?: number;
  loadMax?: number;
  /** Accountability: a fall above this share against a year earlier (default 0.2), over the last
   *  ACCOUNTABILITY_MONTHS months; no order in `silentDays` days (default 90). */
  decline?: number;
  silentDays?: number;
  /** Periods of the blended outlook (default 6 months, 2 quarters: ./teamOutlook.ts). */
  outlookPeriods?: number;
}

/** Periods of the lost-account review: the last year's. */
const REVIEW_PERIODS: Readonly<Record<"month" | "quarter" | "year", number>> = {
  month: 12,
  quarter: 4,
  year: 1,
};

/** The months of the accountability window (compared with the same months a year earlier). */
const ACCOUNTABILITY_MONTHS = 3;

const METHOD_OF: Record<NonNullable<TeamOptions["probabilities"]>, ProbabilityMethod> = {
  learned: "stage",
  textbook: "textbook",
  rep: "rep",
  band: "band",
};

const COLORS = { won: "#70AD47", weighted: "#5B9BD5", lost: "#C00000", bad: "#FFC7CE" };

/** One row of revenue: a won deal or an order. */
interface RevenueRow {
  customer: string;
  date: number;
  amount: number;
  owner: string | null;
}

const blankIfUndefined = (v: number | undefined): CellContent => (v === undefined ? null : v);

/** The columns of one list the builder reads (the main data, or the other list as an extra source). */
function columnsOf(ds: Dataset) {
  const num = (role: "amount" | "closeDate" | "created" | "date"): (number | null)[] | undefined =>
    ds.sparse?.[role] ?? ds.numbers[role];
  const owners = ds.text.owner;
  return {
    n: ds.rows,
    num,
    amounts: num("amount"),
    ownerOf: (i: number): string | null => {
      const o = owners?.[i]?.trim() ?? "";
      return o === "" ? null : o;
    },
    customers: ds.text.customer,
    stages: ds.text.stage,
    products: ds.text.product,
    ids: ds.text.opportunity,
  };
}

export async function buildTeamReport(
  data: Dataset,
  options: BuildOptions & TeamOptions
): Promise<ReportSheet> {
  const L = TEAM_REPORT[options.lang];
  checkOptions("team", options, (key, bounds) => L.errors.option(key, bounds));
  if ((options.loadMin ?? 30) > (options.loadMax ?? 40))
    throw new Error(L.errors.load(options.loadMin ?? 30, options.loadMax ?? 40));
  const n = data.rows;
  if (n === 0) throw new Error(L.errors.noData);
  const tick = ticker(4, options);
  const num = (role: "amount" | "closeDate" | "created" | "date"): (number | null)[] | undefined =>
    data.sparse?.[role] ?? data.numbers[role];
  const amounts = num("amount");
  if (!amounts) throw new Error(L.errors.noAmount);
  const owners = data.text.owner;
  const ownerOf = (i: number): string | null => {
    const o = owners?.[i]?.trim() ?? "";
    return o === "" ? null : o;
  };
  const stages = data.text.stage;
  // The other list (an extra source) completes the main one: with both, the pipeline sections read
  // the opportunity list and the revenue sections the order list. One list: a stage column decides.
  const extras = options.extras ?? {};
  const oppData = stages !== undefined ? data : extras.opportunities;
  const orderData = stages !== undefined ? extras.orders : data;
  const opportunities = oppData !== undefined;
  const both = opportunities && orderData !== undefined;
  const S = TEAM_SOURCES[options.lang];
  const minClosed = options.minClosed ?? MIN_CLOSED_DEALS;
  const method = METHOD_OF[options.probabilities ?? "learned"];
  const notes: string[] = [opportunities ? L.notes.opportunities : L.notes.orders];
  if (!owners) notes.push(L.notes.noOwnerColumn);
  else {
    const none = Array.from({ length: n }, (_, i) => i).filter((i) => ownerOf(i) === null).length;
    if (none > 0) notes.push(L.notes.noOwner(none));
  }
  if (both) notes.push(S.notes.both);
  const figures: Record<string, ReportFigure> = {
    mode: both ? "both" : opportunities ? "opportunities" : "orders",
  };
  // The targets table (an extra source): one target per owner (or team) row, summed per owner.
  const targets: { owner: string; target: number }[] = [];
  const targetData = options.extras?.targets;
  if (targetData) {
    const names = targetData.text.owner ?? targetData.text.team ?? [];
    const values = targetData.sparse?.target ?? targetData.numbers.target ?? [];
    for (let i = 0; i < targetData.rows; i++) {
      const name = (names[i] ?? "").trim();
      const v = values[i];
      if (name !== "" && v !== null && v !== undefined) targets.push({ owner: name, target: v });
    }
    notes.push(L.notes.targets(targets.length, targetData.rows));
  } else notes.push(L.notes.noTargets);
  // The account-owner list (an extra source): the owner of each account it names.
  const ownerList = extras.owners ? ownerListOf(extras.owners, options.lang, notes) : undefined;
  let applied: AppliedOwners | undefined;

  const b = new SheetBuilder("team", L.sheetName, { ...options, live: undefined });
  // Charts go right of the widest table, so they are placed once every table is (at their rows).
  const charts: Parameters<SheetBuilder["chart"]>[0][] = [];
  const created = (options.created ?? new Date().toISOString()).slice(0, 10);
  b.title(L.title, L.subtitle(options.source ?? data.source, created));

  const revenue: RevenueRow[] = [];
  let asOf = Number.NaN;
  /** The as-of date of the revenue sections, when the order list sets its own (both lists). */
  let revenueAsOf: number | undefined;
  /** The open pipeline as weighted here, for the blended outlook. */
  let outlookPipeline: OutlookPipeline | undefined;
  // The owner list applied to the revenue rows: the list's owner for every account it names.
  const applyList = () => {
    if (!ownerList) return;
    applied = applyOwnerList(
      ownerList,
      revenue.map((r) => r.customer),
      revenue.map((r) => r.owner)
    );
    applied.owners.forEach((owner, i) => (revenue[i].owner = owner));
  };

  if (oppData) {
    // ---- Opportunity list -------------------------------------------------------------------
    const o = columnsOf(oppData);
    const customers = o.customers;
    const close = o.num("closeDate");
    const createdAt = o.num("created");
    const unknownStages = new Set<string>();
    const textbook: number[] = [];
    const deals: Deal[] = [];
    // A deal without an owner takes the owner list's owner of its account (counted in a note).
    let filledDeals = 0;
    const dealOwner = (i: number): string | null => {
      const own = o.ownerOf(i);
      const listed = own === null && ownerList ? listOwnerOf(ownerList, customers?.[i]) : undefined;
      if (listed === undefined) return own;
      filledDeals++;
      return listed;
    };
    for (let i = 0; i < o.n; i++) {
      const stage = o.stages?.[i] ?? "";
      const outcome = outcomeOfStage(stage);
      const c = classifyStage(stage, REPORT_STAGE_TABLE);
      let category: Deal["category"] =
        outcome === "won" ? "closed" : outcome === "lost" ? "omitted" : "pipeline";
      let p = 0.1;
      if (c.ok && outcome === "open") {
        category = c.category;
        p = c.probability;
      } else if (!c.ok && outcome === "open") unknownStages.add(stage.trim());
      textbook.push(p);
      deals.push({
        owner: dealOwner(i),
        ...(customers ? { account: customers[i] } : {}),
        amount: o.amounts?.[i] ?? null,
        stage,
        outcome,
        close: close?.[i] ?? null,
        created: createdAt?.[i] ?? null,
        category,
      });
    }
    if (filledDeals > 0) notes.push(S.notes.ownersFilledDeals(filledDeals));
    if (ownerList) notes.push(S.notes.ownersDeals);
    let latest = -Infinity;
    let latestCreated = 0;
    for (const d of deals) {
      if (d.outcome !== "open" && d.close !== null) latest = Math.max(latest, d.close);
      if (d.created !== null) latestCreated = Math.max(latestCreated, d.created);
    }
    asOf = Math.floor(options.asOf ?? (Number.isFinite(latest) ? latest : latestCreated));
    const model = learnModel(deals, minClosed);
    const probs = (m: ProbabilityMethod) =>
      deals.map((d, i) =>
        d.outcome === "open" ? probabilityOf(d, textbook[i], m, model).probability : 0
      );
    const used = probs(method);
    const other = method === "textbook" ? probs("stage") : probs("textbook");
    const roll = rollUp(deals, used, { targets });
    if (roll.targetsWithoutDeals.length > 0)
      notes.push(L.notes.targetsWithoutDeals(roll.targetsWithoutDeals.join(", ")));
    const rollOther = rollUp(deals, other);
    const otherOf = new Map(rollOther.owners.map((r) => [r.owner, r.weighted]));
    // Open deals without an amount: their product's average won amount (../engine/pipeline/estimate),
    // in a column of its own, never in the pipeline's open or weighted amounts.
    const products = o.products;
    const basis = products
      ? wonAmountByProduct(
          products,
          deals.map((d) => d.amount),
          deals.map((d) => d.outcome === "won")
        )
      : new Map<string, { mean: number }>();
    let estimated = 0;
    const withEstimates = deals.map((d, i) => {
      const e =
        d.outcome === "open" && d.amount === null
          ? basis.get((products?.[i] ?? "").trim())
          : undefined;
      if (!e) return d;
      estimated++;
      return { ...d, amount: e.mean };
    });
    const estimatedOf = new Map(
      rollUp(withEstimates, used).owners.map((r) => [r.owner, r.weighted])
    );
    await tick(1);

    b.keyValues([
      [L.key.mode, L.key.modeOpportunities],
      [L.key.owners, roll.owners.length, "integer"],
      [L.key.deals, o.n, "integer"],
      [L.key.open, roll.team.open, "number"],
      [L.key.weighted, roll.team.weighted, "number"],
      [L.key.won, roll.team.won, "number"],
      [L.key.winRate, blankIfUndefined(roll.team.winRate), "percent"],
      [L.key.method, L.methods[method]],
      [L.key.asOf, isoFromSerial(asOf)],
    ]);

    // 1. Pipeline by owner.
    b.section(L.sections.owners);
    const learnedHeader =
      method === "textbook"
        ? `${L.headers.weighted} (${L.used.learned})`
        : `${L.headers.textbook} ${L.headers.weighted.toLowerCase()}`;
    const rowOf = (r: OwnerRollup, label: CellContent): CellContent[] => [
      label,
      r.openDeals,
      r.openWithoutAmount,
      r.open,
      r.weighted,
      otherOf.get(r.owner) ?? 0,
      ...(estimated > 0 ? [estimatedOf.get(r.owner) ?? 0] : []),
      r.commit,
      r.bestCase,
      r.wonDeals,
      r.won,
      r.lostDeals,
      r.lost,
      blankIfUndefined(r.winRate),
      ...(targets.length > 0
        ? [blankIfUndefined(r.target), blankIfUndefined(r.attainment), blankIfUndefined(r.coverage)]
        : []),
    ];
    const ownerRows = roll.owners.map((r) => rowOf(r, userTextOr(r.owner, L.noOwner)));
    const ownerTable = b.table(
      "KAM_TeamOwners",
      [
        { header: L.headers.owner, total: { label: L.team }, width: 24 },
        { header: L.headers.openDeals, format: "integer", total: "sum" },
        { header: L.headers.withoutAmount, format: "integer", total: "sum" },
        { header: L.headers.open, format: "number", total: "sum", width: 14 },
        {
          header: `${L.headers.weighted} (${L.methods[method]})`,
          format: "number",
          total: "sum",
          width: 16,
        },
        { header: learnedHeader, format: "number", total: "sum", width: 16 },
        ...(estimated > 0
          ? [
              {
                header: L.headers.withEstimates,
                format: "number" as const,
                total: "sum" as const,
                width: 16,
              },
            ]
          : []),
        { header: L.headers.commit, format: "number", total: "sum" },
        { header: L.headers.bestCase, format: "number", total: "sum" },
        { header: L.headers.wonDeals, format: "integer", total: "sum" },
        { header: L.headers.won, format: "number", total: "sum", width: 14 },
        { header: L.headers.lostDeals, format: "integer", total: "sum" },
        { header: L.headers.lost, format: "number", total: "sum" },
        { header: L.headers.winRate, format: "percent" },
        ...(targets.length > 0
          ? [
              { header: L.headers.target, format: "number" as const, total: "sum" as const },
              { header: L.headers.attainment, format: "percent" as const },
              { header: L.headers.coverage, format: "number" as const },
            ]
          : []),
      ],
      ownerRows
    );
    charts.push({
      kind: "column",
      title: L.chartTitle,
      series: [
        {
          name: L.headers.won,
          categories: ownerTable.column(0),
          values: ownerTable.column(9),
          color: COLORS.won,
        },
        {
          name: L.headers.weighted,
          categories: ownerTable.column(0),
          values: ownerTable.column(4),
          color: COLORS.weighted,
        },
      ],
      legend: "bottom",
      anchor: { row: ownerTable.area.row, rows: 18, columns: 8 },
    });
    const withoutAmount = roll.team.openWithoutAmount;
    notes.push(L.notes.method(L.methods[method], minClosed), L.notes.bestCase);
    if (withoutAmount > 0) notes.push(L.notes.withoutAmount(withoutAmount));
    if (estimated > 0) notes.push(L.notes.estimates(estimated));
    if (unknownStages.size > 0) notes.push(L.notes.unknownStages([...unknownStages].join(", ")));

    // 2. Rep × month matrix.
    const matrix = weightedByMonth(
      deals,
      used,
      roll.owners.map((r) => r.owner)
    );
    if (matrix.months.length > 0 || matrix.rows.some((r) => r.undated > 0)) {
      b.section(L.sections.matrix);
      const hasUndated = matrix.rows.some((r) => r.undated > 0);
      b.table(
        "KAM_TeamMonths",
        [
          { header: L.headers.owner, total: { label: L.team }, width: 24 },
          ...matrix.months.map((m) => ({
            header: periodLabel(m, "month"),
            format: "number" as const,
            total: "sum" as const,
          })),
          ...(hasUndated
            ? [{ header: L.undated, format: "number" as const, total: "sum" as const }]
            : []),
        ],
        matrix.rows.map((r) => [
          userTextOr(r.owner, L.noOwner),
          ...r.months,
          ...(hasUndated ? [r.undated] : []),
        ])
      );
    }

    // 3. Learned probabilities beside the textbook's.
    b.section(L.sections.learned);
    const usedLabel = (learned: boolean) => (learned ? L.used.learned : L.used.textbook);
    const stageRows = model.stages.map((s) => {
      const i = deals.findIndex((d) => d.outcome === "open" && d.stage.trim() === s.stage);
      const tb = i >= 0 ? textbook[i] : 0.1;
      const learned = s.rate !== undefined && s.reached >= minClosed;
      return [userText(s.stage), tb, blankIfUndefined(s.rate), s.reached, usedLabel(learned)];
    });
    b.table(
      "KAM_TeamStages",
      [
        { header: L.headers.stage, width: 24 },
        { header: L.headers.textbook, format: "percent" },
        { header: L.headers.learned, format: "percent" },
        { header: L.headers.closedDeals, format: "integer" },
        { header: L.headers.used },
      ],
      stageRows
    );
    notes.push(L.notes.sameRate);
    b.section(L.sections.reps);
    b.table(
      "KAM_TeamRepRates",
      [
        { header: L.headers.owner, width: 24 },
        { header: L.headers.wonDeals, format: "integer" },
        { header: L.headers.lostDeals, format: "integer" },
        { header: L.headers.winRate, format: "percent" },
        { header: L.headers.used },
      ],
      model.reps.map((r) => [
        r.group === undefined ? L.noOwner : userText(r.group),
        r.won,
        r.lost,
        blankIfUndefined(r.rate),
        usedLabel(r.rate !== undefined && r.won + r.lost >= minClosed),
      ])
    );
    if (model.bands.length === 0) notes.push(L.notes.noBands);
    else {
      b.section(L.sections.bands);
      b.table(
        "KAM_TeamBands",
        [
          { header: L.headers.band, width: 24 },
          { header: L.headers.wonDeals, format: "integer" },
          { header: L.headers.lostDeals, format: "integer" },
          { header: L.headers.winRate, format: "percent" },
          { header: L.headers.used },
        ],
        model.bands.map((r, k) => [
          L.bandLabel(k === 0 ? undefined : model.bounds[k - 1], model.bounds[k]),
          r.won,
          r.lost,
          blankIfUndefined(r.rate),
          usedLabel(r.rate !== undefined && r.won + r.lost >= minClosed),
        ])
      );
    }

    // 4. Back-test and forecast vs actual per owner.
    const bt = backtest(deals, textbook, asOf, minClosed);
    if (bt) {
      writeBacktestSection(b, "KAM_TeamBacktest", bt, options.lang, method);
      notes.push(L.notes.backtest);
      figures.backtest = {
        start: isoFromSerial(bt.start),
        end: isoFromSerial(bt.end),
        actual: bt.actual,
        ...Object.fromEntries(bt.rows.map((r) => [r.method, r.forecast])),
      };
    } else notes.push(L.notes.noBacktest);
    // Forecast vs actual per owner and period, and the pipeline the outlook weighs.
    const { lang, grain } = options;
    forecastVsActualSection(b, notes, figures, {
      lang,
      grain,
      deals,
      textbook,
      method,
      asOf,
      minClosed,
    });
    outlookPipeline = { deals, probabilities: used };

    // Slipped deals against the second snapshot (an extra source), matched on the opportunity id.
    let slippedBy: Map<string, SlippedByOwner> | undefined;
    if (extras.snapshot) {
      const ids = o.ids;
      slippedBy = snapshotSections(b, notes, figures, {
        lang: options.lang,
        current: ids
          ? deals.map((d, i) => ({
              id: ids[i] ?? "",
              owner: d.owner,
              account: d.account ?? null,
              stage: d.stage,
              outcome: d.outcome,
              amount: d.amount,
              close: d.close,
            }))
          : undefined,
        idColumn: oppData.addresses.opportunity ?? S.headers.id,
        snapshot: extras.snapshot,
        noOwner: L.noOwner,
        team: L.team,
      });
    }
    const slippedOf = (owner: string | null | undefined): number => {
      if (!slippedBy) return 0;
      if (owner !== undefined) return slippedBy.get(ownerKey(owner))?.deals ?? 0;
      let all = 0;
      for (const r of slippedBy.values()) all += r.deals;
      return all;
    };

    // 5. Velocity and cycle.
    b.section(L.sections.velocity);
    const velocity = salesVelocity(deals, asOf);
    b.table(
      "KAM_TeamVelocity",
      [
        { header: L.headers.owner, width: 24 },
        { header: L.headers.openDeals, format: "integer" },
        { header: L.headers.wonDeals, format: "integer" },
        { header: L.headers.lostDeals, format: "integer" },
        { header: L.headers.winRate, format: "percent" },
        { header: L.headers.averageWon, format: "number" },
        { header: L.headers.cycle, format: "number" },
        { header: L.headers.velocity, format: "number" },
        { header: L.headers.daysOpen, format: "number" },
        ...(slippedBy ? [{ header: S.headers.slippedDeals, format: "integer" as const }] : []),
      ],
      velocity.map((v) => [
        v.owner === undefined ? L.team : userTextOr(v.owner, L.noOwner),
        v.open,
        v.won,
        v.lost,
        blankIfUndefined(v.winRate),
        blankIfUndefined(v.averageWon),
        blankIfUndefined(v.cycle),
        blankIfUndefined(v.velocity),
        blankIfUndefined(v.daysOpen),
        ...(slippedBy ? [slippedOf(v.owner)] : []),
      ])
    );
    notes.push(L.notes.velocity);

    const ownerFigures: Record<string, ReportFigure> = {};
    for (const r of roll.owners)
      ownerFigures[r.owner ?? L.noOwner] = {
        won: r.won,
        won_deals: r.wonDeals,
        lost_deals: r.lostDeals,
        win_rate: r.winRate ?? null,
        open: r.open,
        open_deals: r.openDeals,
        weighted: r.weighted,
        weighted_other: otherOf.get(r.owner) ?? 0,
        weighted_estimated: estimatedOf.get(r.owner) ?? 0,
        ...(slippedBy
          ? {
              slipped: {
                deals: slippedBy.get(ownerKey(r.owner))?.deals ?? 0,
                amount: slippedBy.get(ownerKey(r.owner))?.amount ?? 0,
                average_days: slippedBy.get(ownerKey(r.owner))?.averageDays ?? null,
              },
            }
          : {}),
        ...(r.target !== undefined
          ? { target: r.target, attainment: r.attainment ?? null, coverage: r.coverage ?? null }
          : {}),
      };
    Object.assign(figures, {
      as_of: isoFromSerial(asOf),
      method,
      min_closed: minClosed,
      owners: ownerFigures,
      team: {
        won: roll.team.won,
        win_rate: roll.team.winRate ?? null,
        open: roll.team.open,
        weighted: roll.team.weighted,
        commit: roll.team.commit,
        best_case: roll.team.bestCase,
      },
    });

    // Revenue: the won deals with an account, a close date and an amount (unless an order list is
    // given as well: then its orders).
    deals.forEach((d) => {
      if (
        !orderData &&
        d.outcome === "won" &&
        d.close !== null &&
        d.amount !== null &&
        (d.account ?? "").trim() !== ""
      )
        revenue.push({
          customer: d.account as string,
          date: d.close,
          amount: d.amount,
          owner: d.owner,
        });
    });
    if (!orderData) applyList();
  } else if (extras.snapshot) {
    notes.push(S.notes.snapshotOrders);
    figures.snapshot = { used: false, reason: "order list" };
  }
  if (orderData) {
    // ---- Order list ------------------------------------------------------------------------
    const o = columnsOf(orderData);
    const customers = o.customers;
    const dates = o.num("date") ?? o.num("closeDate");
    if (!customers || !dates || !o.amounts) throw new Error(L.errors.noCustomerOrDate);
    let withoutCustomer = 0;
    for (let i = 0; i < o.n; i++) {
      const a = o.amounts[i];
      const d = dates[i];
      if (a === null || a === undefined || d === null || d === undefined) continue;
      if ((customers[i] ?? "").trim() === "") {
        withoutCustomer++;
        continue;
      }
      revenue.push({ customer: customers[i], date: d, amount: a, owner: o.ownerOf(i) });
    }
    if (withoutCustomer > 0) notes.push(L.notes.withoutCustomer(withoutCustomer));
    let latest = -Infinity;
    for (const r of revenue) latest = Math.max(latest, r.date);
    if (both) revenueAsOf = Math.floor(options.asOf ?? latest);
    else asOf = Math.floor(options.asOf ?? latest);
    applyList();
  }
  if (!opportunities) {
    const byOwner = new Map<
      string,
      { owner: string | null; accounts: Set<string>; orders: number; revenue: number }
    >();
    for (const r of revenue) {
      if (Math.floor(r.date) > asOf) continue;
      const key = r.owner === null ? "\u0000" : r.owner.toLowerCase();
      let o = byOwner.get(key);
      if (!o)
        byOwner.set(key, (o = { owner: r.owner, accounts: new Set(), orders: 0, revenue: 0 }));
      o.accounts.add(r.customer.trim().toLowerCase());
      o.orders++;
      o.revenue += r.amount;
    }
    for (const { owner } of targets) {
      const key = owner.toLowerCase();
      if (!byOwner.has(key)) {
        byOwner.set(key, { owner, accounts: new Set(), orders: 0, revenue: 0 });
        notes.push(L.notes.targetsWithoutDeals(owner));
      }
    }
    const targetOf = new Map<string, number>();
    for (const { owner, target } of targets)
      targetOf.set(owner.toLowerCase(), (targetOf.get(owner.toLowerCase()) ?? 0) + target);
    const list = [...byOwner.values()].sort((x, y) =>
      x.owner === null ? 1 : y.owner === null ? -1 : x.owner.localeCompare(y.owner)
    );
    const total = list.reduce((s, o) => s + o.revenue, 0);
    b.keyValues([
      [L.key.mode, L.key.modeOrders],
      [L.key.owners, list.length, "integer"],
      [L.key.revenue, total, "number"],
      [L.key.asOf, isoFromSerial(asOf)],
    ]);
    b.section(L.sections.owners);
    const t = b.table(
      "KAM_TeamOwners",
      [
        { header: L.headers.owner, total: { label: L.team }, width: 24 },
        { header: L.headers.accounts, format: "integer", total: "sum" },
        { header: L.headers.orders, format: "integer", total: "sum" },
        { header: L.headers.revenue, format: "number", total: "sum", width: 14 },
        ...(targets.length > 0
          ? [
              { header: L.headers.target, format: "number" as const, total: "sum" as const },
              { header: L.headers.attainment, format: "percent" as const },
            ]
          : []),
      ],
      list.map((o) => {
        const target = o.owner === null ? undefined : targetOf.get(o.owner.toLowerCase());
        return [
          userTextOr(o.owner, L.noOwner),
          o.accounts.size,
          o.orders,
          o.revenue,
          ...(targets.length > 0
            ? [blankIfUndefined(target), target ? o.revenue / target : null]
            : []),
        ];
      })
    );
    charts.push({
      kind: "column",
      title: L.key.revenue,
      series: [
        {
          name: L.headers.revenue,
          categories: t.column(0),
          values: t.column(3),
          color: COLORS.won,
        },
      ],
      legend: "none",
      anchor: { row: t.area.row, rows: 16, columns: 8 },
    });
    const ownerFigures: Record<string, ReportFigure> = {};
    for (const o of list)
      ownerFigures[o.owner ?? L.noOwner] = {
        won: o.revenue,
        win_rate: null,
        weighted: null,
        accounts: o.accounts.size,
      };
    Object.assign(figures, {
      as_of: isoFromSerial(asOf),
      owners: ownerFigures,
      team: { won: total },
    });
  }
  await tick(2);

  // ---- Account load, accountability, bridge (from the revenue rows) --------------------------
  if (revenue.length > 0) {
    // The as-of date of the revenue (the order list's own when both lists are given).
    const day = revenueAsOf ?? asOf;
    if (ownerList && applied) ownerSections(b, notes, figures, ownerList, applied, options.lang);
    const held = new Map<
      string,
      { account: string; owner: string | null; last: number; revenue: number }
    >();
    const yearAgo = day - 365;
    for (const r of revenue) {
      if (Math.floor(r.date) > day) continue;
      const key = r.customer.trim().toLowerCase();
      let h = held.get(key);
      if (!h)
        held.set(
          key,
          (h = { account: r.customer.trim(), owner: r.owner, last: -Infinity, revenue: 0 })
        );
      if (r.date >= h.last) {
        h.last = r.date;
        h.owner = r.owner;
      }
      if (r.date > yearAgo) h.revenue += r.amount;
    }
    const loadMin = options.loadMin ?? 30;
    const loadMax = options.loadMax ?? 40;
    const accounts: HeldAccount[] = [...held.values()].map((h) => ({
      account: h.account,
      owner: h.owner ?? L.noOwner,
      revenue: h.revenue,
    }));
    // Accounts the owner list gives without revenue in the data still count in their owner's load.
    for (const a of applied?.withoutRows ?? [])
      accounts.push({ account: a.account, owner: a.owner, revenue: 0 });
    const reb = rebalance(accounts, loadMin, loadMax);
    b.section(L.sections.load);
    b.table(
      "KAM_TeamLoad",
      [
        { header: L.headers.owner, total: { label: L.team }, width: 24 },
        { header: L.headers.accounts, format: "integer", total: "sum" },
        { header: L.headers.revenue, format: "number", total: "sum" },
        { header: L.headers.status },
        { header: L.headers.accountsAfter, format: "integer", total: "sum" },
        { header: L.headers.revenueAfter, format: "number", total: "sum" },
      ],
      reb.reps.map((r) => [
        userText(r.owner),
        r.accounts,
        r.revenue,
        L.load[r.status],
        r.accountsAfter,
        r.revenueAfter,
      ])
    );
    if (reb.moves.length > 0) {
      b.section(L.sections.moves);
      b.table(
        "KAM_TeamMoves",
        [
          { header: L.headers.account, total: { label: L.total }, width: 24 },
          { header: L.headers.from, width: 20 },
          { header: L.headers.to, width: 20 },
          { header: L.headers.revenue, format: "number", total: "sum" },
        ],
        reb.moves.map((m) => [userText(m.account), userText(m.from), userText(m.to), m.revenue])
      );
    }
    notes.push(
      L.notes.load(loadMin, loadMax, reb.feasible, reb.revenueMoved),
      L.notes.accountRevenue
    );
    figures.load = {
      moves: reb.moves.length,
      revenue_moved: reb.revenueMoved,
      feasible: reb.feasible,
    };

    const kept = revenue.filter((r) => Math.floor(r.date) <= day);
    const months = ACCOUNTABILITY_MONTHS;
    const threshold = options.decline ?? 0.2;
    const silentDays = options.silentDays ?? 90;
    const acc = accountability(
      kept.map((r) => r.customer),
      kept.map((r) => r.date),
      kept.map((r) => r.amount),
      kept.map((r) => r.owner),
      { asOf: day, months, threshold, silentDays }
    );
    b.section(L.sections.accountability);
    b.table(
      "KAM_TeamAccountability",
      [
        { header: L.headers.owner, width: 24 },
        { header: L.headers.account, width: 24 },
        { header: L.headers.kind },
        { header: L.headers.before, format: "number" },
        { header: L.headers.now, format: "number" },
        { header: L.headers.fall, format: "percent" },
        { header: L.headers.lastOrder, format: "date" },
        { header: L.headers.daysSince, format: "integer" },
        { header: L.headers.atStake, format: "number" },
      ],
      [
        ...acc.declining.map((d) => [
          userTextOr(d.owner, L.noOwner),
          userText(d.customer),
          L.kinds.declining,
          d.before,
          d.now,
          d.fall,
          null,
          null,
          d.atStake,
        ]),
        ...acc.silent.map((s) => [
          userTextOr(s.owner, L.noOwner),
          userText(s.customer),
          L.kinds.silent,
          null,
          null,
          null,
          s.lastOrder,
          s.daysSince,
          s.atStake,
        ]),
      ]
    );
    notes.push(
      L.notes.accountability(
        months,
        threshold,
        silentDays,
        isoFromSerial(acc.window.from),
        isoFromSerial(acc.window.to)
      )
    );
    await tick(3);

    const grain: Grain = options.grain ?? "month";
    const bridge: Bridge = revenueBridge(
      kept.map((r) => r.customer),
      kept.map((r) => r.date),
      kept.map((r) => r.amount),
      grain
    );
    if (bridge.periods.length > 0) {
      b.section(L.sections.bridge);
      const bt = b.table(
        "KAM_TeamBridge",
        [
          { header: L.headers.period, width: 12 },
          { header: L.headers.start, format: "number" },
          { header: L.headers.new, format: "number", total: "sum" },
          { header: L.headers.expansion, format: "number", total: "sum" },
          { header: L.headers.contraction, format: "number", total: "sum" },
          { header: L.headers.churned, format: "number", total: "sum" },
          { header: L.headers.end, format: "number" },
          { header: L.headers.nrr, format: "percent" },
          { header: L.headers.grr, format: "percent" },
        ],
        bridge.periods.map(() => []),
        {
          // End = Start + New + Expansion − Contraction − Churned, as a native formula.
          rowFormula: (_p, r, k) => {
            const p = bridge.periods[k];
            const c = (col: number) => a1(r, col);
            return [
              p.label,
              p.opening,
              p.new,
              p.expansion,
              p.contraction,
              p.churned,
              { formula: `=${c(1)}+${c(2)}+${c(3)}-${c(4)}-${c(5)}`, value: p.closing },
              blankIfUndefined(p.nrr),
              blankIfUndefined(p.grr),
            ];
          },
        }
      );
      charts.push({
        kind: "column",
        title: L.bridgeChart,
        series: [
          {
            name: L.headers.new,
            categories: bt.column(0),
            values: bt.column(2),
            color: COLORS.won,
          },
          {
            name: L.headers.expansion,
            categories: bt.column(0),
            values: bt.column(3),
            color: COLORS.weighted,
          },
          {
            name: L.headers.contraction,
            categories: bt.column(0),
            values: bt.column(4),
            color: "#FFC000",
          },
          {
            name: L.headers.churned,
            categories: bt.column(0),
            values: bt.column(5),
            color: COLORS.lost,
          },
        ],
        legend: "bottom",
        anchor: { row: bt.area.row, rows: 16, columns: 8 },
      });
      // Per owner: the bridge of the owner's own orders (a customer moving between owners churns
      // from one and is new for the other), summed over the periods, exactly (in whole units).
      if (kept.some((r) => r.owner !== null)) {
        const byOwner = new Map<string, { owner: string | null; rows: RevenueRow[] }>();
        for (const r of kept) {
          const key = r.owner === null ? "\u0000" : r.owner.toLowerCase();
          let g = byOwner.get(key);
          if (!g) byOwner.set(key, (g = { owner: r.owner, rows: [] }));
          g.rows.push(r);
        }
        const ownerBridges = [...byOwner.values()]
          .sort((x, y) =>
            x.owner === null ? 1 : y.owner === null ? -1 : x.owner.localeCompare(y.owner)
          )
          .map((g) => {
            const ob = revenueBridge(
              g.rows.map((r) => r.customer),
              g.rows.map((r) => r.date),
              g.rows.map((r) => r.amount),
              grain
            );
            const unit = 10 ** ob.decimals;
            const total = (k: "new" | "expansion" | "contraction" | "churned") =>
              ob.periods.reduce((s, p) => s + p.units[k], 0) / unit;
            const last = ob.periods[ob.periods.length - 1];
            return {
              owner: g.owner,
              from: ob.first.label,
              to: last ? last.label : ob.first.label,
              start: ob.first.revenue,
              new: total("new"),
              expansion: total("expansion"),
              contraction: total("contraction"),
              churned: total("churned"),
              end: last ? last.closing : ob.first.revenue,
            };
          });
        b.section(L.sections.bridgeByOwner);
        b.table(
          "KAM_TeamBridgeOwners",
          [
            { header: L.headers.owner, total: { label: L.team }, width: 24 },
            { header: L.headers.from },
            { header: L.headers.to },
            { header: L.headers.start, format: "number", total: "sum" },
            { header: L.headers.new, format: "number", total: "sum" },
            { header: L.headers.expansion, format: "number", total: "sum" },
            { header: L.headers.contraction, format: "number", total: "sum" },
            { header: L.headers.churned, format: "number", total: "sum" },
            { header: L.headers.end, format: "number", total: "sum" },
          ],
          ownerBridges.map(() => []),
          {
            rowFormula: (_p, r, k) => {
              const o = ownerBridges[k];
              const c = (col: number) => a1(r, col);
              return [
                userTextOr(o.owner, L.noOwner),
                o.from,
                o.to,
                o.start,
                o.new,
                o.expansion,
                o.contraction,
                o.churned,
                { formula: `=${c(3)}+${c(4)}+${c(5)}-${c(6)}-${c(7)}`, value: o.end },
              ];
            },
          }
        );
        notes.push(L.notes.bridgeByOwner);
      }
      // The review covers the last year's periods; earlier churn stays in the bridge, counted.
      const reviewed = bridge.periods.slice(-REVIEW_PERIODS[grain]);
      const earlier = bridge.periods
        .slice(0, bridge.periods.length - reviewed.length)
        .reduce((n, p) => n + p.churnedAccounts.length, 0);
      if (earlier > 0)
        notes.push(L.notes.churnedEarlier(reviewed.length, reviewed[0].label, earlier));
      const churned = reviewed.flatMap((p) => p.churnedAccounts.map((c) => ({ p, c })));
      if (churned.length > 0) {
        b.section(L.sections.churned);
        b.table(
          "KAM_TeamChurned",
          [
            { header: L.headers.period, width: 12 },
            { header: L.headers.account, total: { label: L.total }, width: 24 },
            { header: L.headers.lastRevenue, format: "number", total: "sum" },
            { header: L.headers.lastOrder, format: "date" },
          ],
          churned.map(({ p, c }) => [p.label, userText(c.customer), c.lastRevenue, c.lastOrder])
        );
      }
      notes.push(L.notes.bridge, L.notes.partial(bridge.periods[bridge.periods.length - 1].label));
      const bridgeFigures: Record<string, ReportFigure> = {};
      for (const p of bridge.periods)
        bridgeFigures[p.label] = {
          start: p.opening,
          new: p.new,
          expansion: p.expansion,
          contraction: p.contraction,
          churned: p.churned,
          end: p.closing,
          nrr: p.nrr ?? null,
          grr: p.grr ?? null,
        };
      figures.bridge = bridgeFigures;
    }
  } else notes.push(L.notes.noDates);
  outlookSections(b, notes, figures, charts, {
    lang: options.lang,
    grain: options.grain,
    count: options.outlookPeriods,
    asOf,
    revenueAsOf: revenueAsOf ?? asOf,
    revenue,
    orders: orderData !== undefined,
    pipeline: outlookPipeline,
    method,
    targets: targetData,
  });
  await tick(4);

  for (const c of charts) b.chart(c);
  b.section(L.sections.notes);
  for (const t of notes) b.note(t);
  b.width(0, 24);
  const sheet = b.build();
  sheet.figures = figures;
  sheet.warnings = notes.filter((t) => t !== L.notes.opportunities && t !== L.notes.orders);
  return sheet;
}
