/* global CustomFunctions */
// The small KPI functions: retention, churn, growth, CAGR, share, NPS, CSAT and key-account contribution.
import {
  cagr as cagrEngine,
  churn as churnEngine,
  csat as csatEngine,
  growth as growthEngine,
  kaContribution,
  nps as npsEngine,
  Outcome,
  retention as retentionEngine,
  share as shareEngine,
} from "../engine/kpi/kpi";
import { argError, cellError, optionalNumber, Place, readTable, toVector } from "../grid";
import { alignedRows } from "../grid/aligned";
import { flagOf } from "../grid/choice";
import { sum } from "../engine/numeric";
import { readNumberList } from "../grid/matrix";
import { ACCOUNT_LABELS } from "../i18n/results.accounts";
import { ArgAddresses, argAddresses, guard, language } from "./shared";
import { classify, describe } from "../cells/values";

type KpiName = keyof (typeof ACCOUNT_LABELS)["en"]["kpi"];

/**
 * Reads same-size number ranges, computes one KPI per row and spills them in the shape of the input
 * (a single value for single cells), blank rows left blank. A row whose KPI cannot be computed is an
 * error naming the row — except a row of zeros (an empty row as Excel desktop passes it; 0 is no
 * count of customers, no previous value, no market), which stays blank as an empty row does.
 */
function rowwise<A extends string>(
  fn: string,
  args: readonly { arg: A; value: unknown }[],
  at: ArgAddresses<NoInfer<A>>,
  label: KpiName,
  compute: (v: number[]) => Outcome<number>
) {
  const specs = args.map((a) => ({
    arg: a.arg,
    kind: "number" as const,
    value: a.value,
    address: at(a.arg),
  }));
  const data = readTable(fn, specs);
  const cols = data.columns as unknown as number[][];
  const first: Place = { fn, arg: args[0].arg, address: specs[0].address };
  if (cols[0].length === 0) argError(first, "no values: the ranges are blank");
  const vertical = toVector(first, args[0].value).vertical;
  const rows = cols[0].map((_, i) => {
    const row = cols.map((c) => c[i]);
    const res = compute(row);
    if (!res.ok && data.length > 1 && row.every((v) => v === 0)) return [""];
    if (!res.ok) {
      if (data.length === 1) argError(first, res.reason);
      const pos = data.positions[i];
      cellError(first, vertical ? pos : 0, vertical ? 0 : pos, vertical, res.reason);
    }
    return [res.value];
  });
  if (data.length === 1) return rows;
  const out = alignedRows(
    data,
    rows,
    data.header ? [ACCOUNT_LABELS[language()].kpi[label]] : undefined,
    1
  );
  return vertical ? out : [out.map((r) => r[0])];
}

/** Parameter names of each function, in signature order (checked against functions.json). */
export const PARAMS = {
  RETENTION: ["customers_start", "customers_end", "customers_new"],
  CHURN: ["customers_start", "customers_end", "customers_new"],
  GROWTH: ["current", "previous"],
  CAGR: ["first", "last", "periods"],
  SHARE: ["ours", "market"],
  NPS: ["scores"],
  CSAT: ["scores", "threshold"],
  KA_CONTRIBUTION: ["amounts", "is_key_account"],
} as const;

/**
 * Customer retention rate: (customers at the end − new customers) / customers at the start.
 * @customfunction RETENTION
 * @param customers_start Customers at the start of the period (a number, or a column with one per row).
 * @param customers_end Customers at the end of the period.
 * @param customers_new New customers won during the period.
 * @param invocation Invocation (parameter addresses for error messages).
 * @returns The retention rate, 0 to 1 (one per row for columns).
 * @requiresParameterAddresses
 */
export function retention(
  customers_start: unknown[][],
  customers_end: unknown[][],
  customers_new: unknown[][],
  invocation?: CustomFunctions.Invocation
): unknown[][] {
  const FN = "KAM.RETENTION";
  return guard(FN, ["customers_start", "customers_end", "customers_new"], () =>
    rowwise(
      FN,
      [
        { arg: "customers_start", value: customers_start },
        { arg: "customers_end", value: customers_end },
        { arg: "customers_new", value: customers_new },
      ],
      argAddresses(invocation, PARAMS.RETENTION),
      "retention",
      ([s, e, n]) => retentionEngine(s, e, n)
    )
  );
}

/**
 * Customer churn rate: 1 − retention = (customers at the start − (customers at the end − new customers)) / customers at the start.
 * @customfunction CHURN
 * @param customers_start Customers at the start of the period (a number, or a column with one per row).
 * @param customers_end Customers at the end of the period.
 * @param customers_new New customers won during the period.
 * @param invocation Invocation (parameter addresses for error messages).
 * @returns The churn rate, 0 to 1 (one per row for columns).
 * @requiresParameterAddresses
 */
export function churn(
  customers_start: unknown[][],
  customers_end: unknown[][],
  customers_new: unknown[][],
  invocation?: CustomFunctions.Invocation
): unknown[][] {
  const FN = "KAM.CHURN";
  return guard(FN, ["customers_start", "customers_end", "customers_new"], () =>
    rowwise(
      FN,
      [
        { arg: "customers_start", value: customers_start },
        { arg: "customers_end", value: customers_end },
        { arg: "customers_new", value: customers_new },
      ],
      argAddresses(invocation, PARAMS.CHURN),
      "churn",
      ([s, e, n]) => churnEngine(s, e, n)
    )
  );
}

/**
 * Growth rate: (current − previous) / |previous|.
 * @customfunction GROWTH
 * @param current Value of the current period (a number, or a column with one per row).
 * @param previous Value of the previous period; must not be 0.
 * @param invocation Invocation (parameter addresses for error messages).
 * @returns The growth rate, e.g. 0.12 for +12% (one per row for columns).
 * @requiresParameterAddresses
 */
export function growth(
  current: unknown[][],
  previous: unknown[][],
  invocation?: CustomFunctions.Invocation
): unknown[][] {
  const FN = "KAM.GROWTH";
  return guard(FN, ["current", "previous"], () =>
    rowwise(
      FN,
      [
        { arg: "current", value: current },
        { arg: "previous", value: previous },
      ],
      argAddresses(invocation, PARAMS.GROWTH),
      "growth",
      ([c, p]) => growthEngine(c, p)
    )
  );
}

/**
 * Compound annual growth rate: (last / first)^(1 / periods) − 1.
 * @customfunction CAGR
 * @param first First value (above 0; a number, or a column with one per row).
 * @param last Last value (0 or more).
 * @param periods Number of periods (years) between first and last, above 0.
 * @param invocation Invocation (parameter addresses for error messages).
 * @returns The compound growth rate per period (one per row for columns).
 * @requiresParameterAddresses
 */
export function cagr(
  first: unknown[][],
  last: unknown[][],
  periods: unknown[][],
  invocation?: CustomFunctions.Invocation
): unknown[][] {
  const FN = "KAM.CAGR";
  return guard(FN, ["first", "last", "periods"], () =>
    rowwise(
      FN,
      [
        { arg: "first", value: first },
        { arg: "last", value: last },
        { arg: "periods", value: periods },
      ],
      argAddresses(invocation, PARAMS.CAGR),
      "cagr",
      ([f, l, n]) => cagrEngine(f, l, n)
    )
  );
}

/**
 * Share: ours / market, e.g. our share of the customer's purchases (share of wallet) or market share.
 * @customfunction SHARE
 * @param ours Our amount (a number, or a column with one per row).
 * @param market The whole amount (market, or the customer's total purchases), above 0.
 * @param invocation Invocation (parameter addresses for error messages).
 * @returns The share, 0 to 1 for ours within the market (one per row for columns).
 * @requiresParameterAddresses
 */
export function share(
  ours: unknown[][],
  market: unknown[][],
  invocation?: CustomFunctions.Invocation
): unknown[][] {
  const FN = "KAM.SHARE";
  return guard(FN, ["ours", "market"], () =>
    rowwise(
      FN,
      [
        { arg: "ours", value: ours },
        { arg: "market", value: market },
      ],
      argAddresses(invocation, PARAMS.SHARE),
      "share",
      ([o, m]) => shareEngine(o, m)
    )
  );
}

/** One column of scores, each checked by `valid`. */
function readScores(
  fn: string,
  value: unknown,
  address: string | undefined,
  valid: (s: number) => string | undefined
) {
  const place: Place = { fn, arg: "scores", address };
  const list = readNumberList(place, value);
  list.values.forEach((s, i) => {
    const problem = valid(s);
    if (problem !== undefined) {
      const pos = list.positions[i];
      cellError(place, list.vertical ? pos : 0, list.vertical ? 0 : pos, list.vertical, problem);
    }
  });
  if (list.values.length === 0) argError(place, "no scores: the range is blank");
  return list.values;
}

/**
 * Net Promoter Score from 0–10 answers: % promoters (9–10) − % detractors (0–6), from −100 to 100.
 * @customfunction NPS
 * @param scores Answers to "How likely are you to recommend us?", whole numbers 0 to 10 (blank cells are skipped; zeros after the last other answer are the empty cells of a larger range).
 * @param invocation Invocation (parameter addresses for error messages).
 * @returns The NPS, from −100 to 100.
 * @requiresParameterAddresses
 */
export function nps(scores: unknown[][], invocation?: CustomFunctions.Invocation): unknown[][] {
  const FN = "KAM.NPS";
  return guard(FN, ["scores"], () => {
    const at = argAddresses(invocation, PARAMS.NPS);
    const s = readScores(FN, scores, at("scores"), (v) =>
      Number.isInteger(v) && v >= 0 && v <= 10 ? undefined : `${v} is not a score from 0 to 10`
    );
    const res = npsEngine(s);
    return [
      [res.ok ? res.value : argError({ fn: FN, arg: "scores", address: at("scores") }, res.reason)],
    ];
  });
}

/**
 * Customer satisfaction (CSAT): the share of answers at or above the threshold (e.g. 4 and 5 on a 1–5 scale).
 * @customfunction CSAT
 * @param scores Satisfaction answers (numbers; blank cells are skipped; zeros after the last other answer are the empty cells of a larger range).
 * @param [threshold] Lowest satisfied answer; default 4 (a 1–5 scale).
 * @param invocation Invocation (parameter addresses for error messages).
 * @returns The share of satisfied answers, 0 to 1.
 * @requiresParameterAddresses
 */
export function csat(
  scores: unknown[][],
  threshold?: unknown,
  invocation?: CustomFunctions.Invocation
): unknown[][] {
  const FN = "KAM.CSAT";
  return guard(FN, ["scores"], () => {
    const at = argAddresses(invocation, PARAMS.CSAT);
    const t = optionalNumber({ fn: FN, arg: "threshold", address: at("threshold") }, threshold, 4);
    const s = readScores(FN, scores, at("scores"), () => undefined);
    const res = csatEngine(s, t);
    return [
      [res.ok ? res.value : argError({ fn: FN, arg: "scores", address: at("scores") }, res.reason)],
    ];
  });
}

/**
 * Key-account contribution: the share of the total amount that comes from key accounts. Amounts may be net of returns (negative rows), but the key accounts' amounts and the others' must each add up to 0 or more, or there is no share from 0 to 1 (an error says which adds up below 0).
 * @customfunction KA_CONTRIBUTION
 * @param amounts Amount of each account or sale (one column); negative rows (returns) are netted.
 * @param is_key_account Whether the row is a key account: TRUE/FALSE, 1/0, yes/no or 是/否.
 * @param invocation Invocation (parameter addresses for error messages).
 * @returns The key-account share of the total, 0 to 1.
 * @requiresParameterAddresses
 */
export function kaContributionFn(
  amounts: unknown[][],
  is_key_account: unknown[][],
  invocation?: CustomFunctions.Invocation
): unknown[][] {
  const FN = "KAM.KA_CONTRIBUTION";
  return guard(FN, ["amounts"], () => {
    const at = argAddresses(invocation, PARAMS.KA_CONTRIBUTION);
    const flagPlace: Place = { fn: FN, arg: "is_key_account", address: at("is_key_account") };
    const data = readTable(FN, [
      { arg: "amounts", kind: "number", value: amounts, address: at("amounts") },
      { arg: "is_key_account", kind: "label", value: is_key_account, address: flagPlace.address },
    ] as const);
    const [amount, flags] = data.columns;
    if (amount.length === 0)
      argError(
        { fn: FN, arg: "amounts", address: at("amounts") },
        "no values: the ranges are blank"
      );
    const vertical = toVector(flagPlace, is_key_account).vertical;
    const isKey = flags.map((raw, i) => {
      const flag = flagOf(raw);
      if (flag !== undefined) return flag;
      const pos = data.positions[i];
      return cellError(
        flagPlace,
        vertical ? pos : 0,
        vertical ? 0 : pos,
        vertical,
        `${describe(classify(raw))} is not TRUE or FALSE (also 1/0, yes/no, 是/否)`
      );
    });
    const key = sum(amount.filter((_, i) => isKey[i]));
    const other = sum(amount.filter((_, i) => !isKey[i]));
    if (key < 0 || other < 0)
      argError(
        { fn: FN, arg: "amounts", address: at("amounts") },
        `the key accounts' amounts add up to ${key} and the others' to ${other}; a share from 0 to 1 needs both to be 0 or more (are returns larger than sales?)`
      );
    const res = kaContribution(amount, isKey);
    return [
      [
        res.ok
          ? res.value
          : argError({ fn: FN, arg: "amounts", address: at("amounts") }, res.reason),
      ],
    ];
  });
}
