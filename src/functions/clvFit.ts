/* global CustomFunctions */
import { fitBgNbd, fitGammaGamma, summaryProblem } from "../engine/accounts/clv";
import { argError, cellError, isOmitted, readTable, toVector } from "../grid";
import { ACCOUNT_LABELS, fitWarningText } from "../i18n/results.accounts";
import { argAddresses, guard, language, reused } from "./shared";

const FN = "KAM.CLV_FIT";

/** Parameter names of each function, in signature order (checked against functions.json). */
export const PARAMS = {
  CLV_FIT: ["frequency", "recency", "T", "monetary"],
} as const;

/**
 * Fits the BG/NBD model of repeat purchases (parameters r, alpha, a, b) and, with monetary values, the Gamma-Gamma model of spend per purchase (p, q, v) by maximum likelihood, from the per-customer summary of KAM.RFM_SUMMARY.
 * @customfunction CLV_FIT
 * @param frequency Repeat purchases of each customer (whole numbers, 0 or more).
 * @param recency Time from each customer's first to last purchase (0 without repeat purchases).
 * @param T Time from each customer's first purchase to the end of the calibration period, in the same unit.
 * @param [monetary] Mean value of each customer's repeat purchases; fits the Gamma-Gamma model too. Repeat customers with a value of 0 or less are left out of it and counted.
 * @param invocation Invocation (parameter addresses for error messages).
 * @returns Spills two columns, label and value: r, alpha, a, b, the BG/NBD log-likelihood, the number of customers; with monetary also p, q, v, the Gamma-Gamma log-likelihood, the repeat customers fitted and those left out. When the data cannot determine the parameters (no customer bought twice, a single customer, every repeat customer with the same average value, an estimate at the edge of the search), one Warning row per problem follows, saying why; with no repeat customer at all p, q, v are left blank.
 * @requiresParameterAddresses
 */
export function clvFitAsync(
  frequency: unknown[][],
  recency: unknown[][],
  T: unknown[][],
  monetary?: unknown[][],
  invocation?: CustomFunctions.Invocation
): Promise<unknown[][]> {
  return reused(FN, [frequency, recency, T, monetary], invocation, () =>
    clvFit(frequency, recency, T, monetary, invocation)
  );
}

/** Computed at once (tests, benchmarks). Excel calls clvFitAsync, which queues the call
 *  (the task pane stays responsive) and reuses results (shared.ts, reused). */
export function clvFit(
  frequency: unknown[][],
  recency: unknown[][],
  T: unknown[][],
  monetary?: unknown[][],
  invocation?: CustomFunctions.Invocation
): unknown[][] {
  return guard(FN, ["frequency", "recency", "T", "monetary"], () => {
    const at = argAddresses(invocation, PARAMS.CLV_FIT);
    const withMoney = !isOmitted(monetary);
    const specs = [
      { arg: "frequency", kind: "number", value: frequency, address: at("frequency") },
      { arg: "recency", kind: "number", value: recency, address: at("recency") },
      { arg: "T", kind: "number", value: T, address: at("T") },
      ...(withMoney
        ? [
            {
              arg: "monetary",
              kind: "number",
              value: monetary,
              address: at("monetary"),
            } as const,
          ]
        : []),
    ] as const;
    const data = readTable(FN, specs);
    const cols: readonly number[][] = data.columns;
    const [x, tx, age] = cols;
    if (x.length === 0)
      argError(
        { fn: FN, arg: "frequency", address: at("frequency") },
        "no customers: the ranges are blank"
      );
    const place = { fn: FN, arg: "frequency", address: at("frequency") };
    const vertical = toVector(place, frequency).vertical;
    for (let i = 0; i < x.length; i++) {
      const problem = summaryProblem(x[i], tx[i], age[i]);
      if (problem !== undefined) {
        const pos = data.positions[i];
        cellError(place, vertical ? pos : 0, vertical ? 0 : pos, vertical, problem);
      }
    }
    const lang = language();
    const L = ACCOUNT_LABELS[lang].fit;
    const bg = fitBgNbd(x, tx, age);
    // A fit that stopped short is an error; one the data cannot determine is a result with a warning.
    if (!bg.converged && bg.warnings.length === 0)
      argError(
        place,
        "the BG/NBD fit did not converge; check that the data are a purchase summary"
      );
    const warnings: string[] = bg.warnings.map((w) => fitWarningText(w, lang));
    const out: (string | number)[][] = [
      ["r", bg.params.r],
      ["alpha", bg.params.alpha],
      ["a", bg.params.a],
      ["b", bg.params.b],
      [L.bgnbdLogLik, bg.logLikelihood],
      [L.customers, bg.customers],
    ];
    if (withMoney) {
      const m = cols[3];
      if (!x.some((xi) => xi > 0)) {
        // Nobody bought twice: there is no spend per repeat purchase to fit; the rows stay, blank.
        out.push(["p", ""], ["q", ""], ["v", ""], [L.ggLogLik, ""], [L.ggCustomers, 0]);
        out.push([L.ggLeftOut, 0]);
        warnings.push(L.warnings.ggNotFitted);
      } else {
        if (!x.some((xi, i) => xi > 0 && m[i] > 0)) {
          argError(
            { fn: FN, arg: "monetary", address: at("monetary") },
            "no repeat customer with an average value above 0: the Gamma-Gamma model cannot be fitted"
          );
        }
        const gg = fitGammaGamma(x, m);
        if (!gg.converged && gg.warnings.length === 0)
          argError(
            { fn: FN, arg: "monetary", address: at("monetary") },
            "the Gamma-Gamma fit did not converge"
          );
        out.push(
          ["p", gg.params.p],
          ["q", gg.params.q],
          ["v", gg.params.v],
          [L.ggLogLik, gg.logLikelihood],
          [L.ggCustomers, gg.customers],
          [L.ggLeftOut, gg.leftOut]
        );
        for (const w of gg.warnings) warnings.push(fitWarningText(w, lang));
      }
    }
    for (const w of warnings) out.push([L.warning, w]);
    return out;
  });
}
