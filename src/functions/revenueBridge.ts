/* global CustomFunctions */
import { Grain } from "../engine/calendar";
import { revenueBridge as bridgeEngine } from "../engine/team/bridge";
import { argError, optionalBoolean } from "../grid";
import { optionalChoice } from "../grid/choice";
import { TEAM_LABELS } from "../i18n/results.team";
import { GRAINS } from "./pipelineForecast";
import { argAddresses, guard, language, readTransactions, reused } from "./shared";

const FN = "KAM.REVENUE_BRIDGE";

/** Parameter names of each function, in signature order (checked against functions.json). */
export const PARAMS = {
  REVENUE_BRIDGE: ["customers", "dates", "amounts", "grain", "headers"],
} as const;

/** Accepted spellings of the grain argument: the pipeline's, and the year. */
const BRIDGE_GRAINS: Readonly<Record<string, Grain>> = {
  ...GRAINS,
  year: "year",
  yearly: "year",
  annual: "year",
  y: "year",
  年: "year",
  年度: "year",
};

/**
 * Revenue bridge per period: last period's revenue + new + expansion − contraction − churned = this period's revenue, exactly (sums kept in whole cents, or the amounts' smallest decimal), with net and gross revenue retention.
 * @customfunction REVENUE_BRIDGE
 * @param customers Customer of each order line.
 * @param dates Order date of each line.
 * @param amounts Amount of each line (returns as negative amounts net off in their period).
 * @param [grain] month (default), quarter, year or week (weeks start on Monday); 月, 季度, 年, 周 also work.
 * @param [headers] TRUE (default) puts a header row on top.
 * @param invocation Invocation (parameter addresses for error messages).
 * @returns Spills Period, Start, New, Expansion, Contraction, Churned, End, NRR, GRR: one row per period from the second with orders to the last (every period between included); orders in a single period are an error. New: customers without revenue in the period before (first-time or returning). NRR: this period's revenue of last period's customers ÷ their revenue then; GRR the same without increases.
 * @requiresParameterAddresses
 */
export function revenueBridgeAsync(
  customers: unknown[][],
  dates: unknown[][],
  amounts: unknown[][],
  grain?: unknown,
  headers?: unknown,
  invocation?: CustomFunctions.Invocation
): Promise<unknown[][]> {
  return reused(FN, [customers, dates, amounts, grain, headers], invocation, () =>
    revenueBridge(customers, dates, amounts, grain, headers, invocation)
  );
}

/** Computed at once (tests, benchmarks). Excel calls revenueBridgeAsync, which queues the call
 *  (the task pane stays responsive) and reuses results (shared.ts, reused). */
export function revenueBridge(
  customers: unknown[][],
  dates: unknown[][],
  amounts: unknown[][],
  grain?: unknown,
  headers?: unknown,
  invocation?: CustomFunctions.Invocation
): unknown[][] {
  return guard(FN, ["amounts"], () => {
    const at = argAddresses(invocation, PARAMS.REVENUE_BRIDGE);
    const unit = optionalChoice(
      { fn: FN, arg: "grain", address: at("grain") },
      grain,
      "month" as Grain,
      BRIDGE_GRAINS,
      ["month", "quarter", "year", "week"]
    );
    const withHeaders = optionalBoolean(
      { fn: FN, arg: "headers", address: at("headers") },
      headers,
      true
    );
    const t = readTransactions(FN, customers, dates, amounts, at);
    let b: ReturnType<typeof bridgeEngine>;
    try {
      b = bridgeEngine(t.customers, t.dates, t.amounts, unit);
    } catch (e) {
      // the engine keeps sums exact in whole units of the amounts' smallest decimal, up to 2^53
      if (!(e instanceof RangeError && e.message.includes("2^53"))) throw e;
      return argError(
        { fn: FN, arg: "amounts", address: at("amounts") },
        "their sums, in whole units of their smallest decimal, pass 9,007,199,254,740,992 and cannot be kept exact; round them (e.g. to cents), or check for numbers far too large"
      );
    }
    if (b.periods.length === 0)
      argError(
        { fn: FN, arg: "dates", address: at("dates") },
        `every order falls in one ${unit}: a bridge needs orders in at least two periods`
      );
    const rows = b.periods.map((p) => [
      p.label,
      p.opening,
      p.new,
      p.expansion,
      p.contraction,
      p.churned,
      p.closing,
      p.nrr ?? "",
      p.grr ?? "",
    ]);
    const L = TEAM_LABELS[language()];
    return withHeaders ? [[...L.bridgeHeaders], ...rows] : rows;
  });
}
