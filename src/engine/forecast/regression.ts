// Multiple linear regression with an intercept, fitted by ordinary least squares through a Householder
// QR decomposition held by columns; standard errors, t tests and prediction intervals from the classical
// normal linear model (e.g. Montgomery, Peck & Vining, "Introduction to Linear Regression Analysis").

import { inverse, Matrix, SingularValueDecomposition } from "ml-matrix";
import { maxOf, minOf } from "../numeric";
import { ForecastResult } from "./result";
import { studentCdf, intervalT } from "./stats";

export interface RegressionFit {
  /** Intercept first, then one coefficient per driver. */
  coefficients: number[];
  /** Standard errors, same order. */
  standardErrors: number[];
  /** t statistics (coefficient / standard error); undefined when the fit is exact (error 0). */
  t: (number | undefined)[];
  /** Two-sided p-values of the t statistics; undefined when the fit is exact. */
  p: (number | undefined)[];
  r2: number;
  adjustedR2: number;
  /** Residual standard error sqrt(SSE / (n − k − 1)). */
  rmse: number;
  n: number;
  /** Residual degrees of freedom n − k − 1. */
  df: number;
  /** (X'X)^-1 of the design with the intercept column. */
  unscaledCovariance: number[][];
  /** The fitted values b0 + b1 x1 + ... per row. */
  fitted: number[];
}

/** Why a regression cannot be fitted; `driver` is the 0-based driver column concerned. */
export class RegressionProblem extends Error {
  constructor(
    message: string,
    readonly kind: "rows" | "collinear",
    readonly driver?: number
  ) {
    super(message);
    this.name = "RegressionProblem";
  }
}

/** √(a² + b²) without overflow, computed as ml-matrix's QR does (so results stay identical). */
function hypotenuse(a: number, b: number): number {
  if (Math.abs(a) > Math.abs(b)) {
    const r = b / a;
    return Math.abs(a) * Math.sqrt(1 + r * r);
  }
  if (b !== 0) {
    const r = a / b;
    return Math.abs(b) * Math.sqrt(1 + r * r);
  }
  return 0;
}

/** A Householder QR of a tall matrix held by columns: the reflectors below the diagonal and R. */
interface ColumnQr {
  /** Column j: R above the diagonal, the Householder vector from the diagonal down. */
  columns: Float64Array[];
  /** The diagonal of R. */
  rdiag: Float64Array;
}

/**
 * Householder QR (Golub & Van Loan, "Matrix Computations", §5.2; the JAMA steps, operation for
 * operation as ml-matrix's QrDecomposition, so the figures do not change) on columns of length n:
 * one Float64Array per column instead of one per row, so 1,000,000 rows cost a few arrays, not a
 * million (the row-wise matrix spent most of a large regression collecting garbage).
 */
function columnQr(cols: readonly ArrayLike<number>[]): ColumnQr {
  const columns = cols.map((c) => Float64Array.from(c));
  const p = columns.length;
  const m = p > 0 ? columns[0].length : 0;
  const rdiag = new Float64Array(p);
  for (let k = 0; k < p; k++) {
    const ck = columns[k];
    let nrm = 0;
    for (let i = k; i < m; i++) nrm = hypotenuse(nrm, ck[i]);
    if (nrm !== 0) {
      if (ck[k] < 0) nrm = -nrm;
      for (let i = k; i < m; i++) ck[i] = ck[i] / nrm;
      ck[k] = ck[k] + 1;
      for (let j = k + 1; j < p; j++) {
        const cj = columns[j];
        let s = 0;
        for (let i = k; i < m; i++) s += ck[i] * cj[i];
        s = -s / ck[k];
        for (let i = k; i < m; i++) cj[i] = cj[i] + s * ck[i];
      }
    }
    rdiag[k] = -nrm;
  }
  return { columns, rdiag };
}

/** The leading q × q block of R. */
function upperTriangular(qr: ColumnQr, q: number): Matrix {
  const R = new Matrix(q, q);
  for (let i = 0; i < q; i++)
    for (let j = i; j < q; j++) R.set(i, j, i === j ? qr.rdiag[i] : qr.columns[j][i]);
  return R;
}

/** Least-squares solution of X b = y from X's QR (ml-matrix's solve, step for step). */
function solveQr(qr: ColumnQr, y: readonly number[]): number[] {
  const { columns, rdiag } = qr;
  const p = columns.length;
  const m = y.length;
  const x = Float64Array.from(y);
  for (let k = 0; k < p; k++) {
    const ck = columns[k];
    let s = 0;
    for (let i = k; i < m; i++) s += ck[i] * x[i];
    s = -s / ck[k];
    for (let i = k; i < m; i++) x[i] = x[i] + s * ck[i];
  }
  for (let k = p - 1; k >= 0; k--) {
    x[k] = x[k] / rdiag[k];
    for (let i = 0; i < k; i++) x[i] = x[i] - x[k] * columns[k][i];
  }
  return Array.from(x.subarray(0, p));
}

/**
 * The first driver (0-based) that is a linear combination of the intercept and the drivers before
 * it, or undefined when the design has full column rank. Columns are scaled to unit length first,
 * so the test does not depend on the drivers' units.
 */
export function dependentDriver(drivers: readonly (readonly number[])[]): number | undefined {
  if (drivers.length === 0) return undefined;
  const n = drivers[0].length;
  const scaled: Float64Array[] = [new Float64Array(n).fill(1 / Math.sqrt(n))];
  for (let j = 0; j < drivers.length; j++) {
    let ss = 0;
    for (const v of drivers[j]) ss += v * v;
    const norm = Math.sqrt(ss);
    if (norm === 0) return j;
    scaled.push(Float64Array.from(drivers[j], (v) => v / norm));
  }
  // The singular values of the design D = QR are those of R: one QR of all the columns, then for
  // each j the SVD of R's leading (j + 2) × (j + 2) block (the intercept and drivers 0..j).
  const qr = columnQr(scaled);
  for (let j = 0; j < drivers.length; j++) {
    const sv = new SingularValueDecomposition(upperTriangular(qr, j + 2), {
      computeLeftSingularVectors: false,
      computeRightSingularVectors: false,
      autoTranspose: true,
    }).diagonal;
    if (!(minOf(sv) > 1e-9 * maxOf(sv))) return j;
  }
  return undefined;
}

/** Fits y = b0 + b1 x1 + ... + bk xk. `drivers` holds one array per driver, each as long as y. */
export function fitRegression(
  y: readonly number[],
  drivers: readonly (readonly number[])[]
): RegressionFit {
  const n = y.length;
  const k = drivers.length;
  const p = k + 1;
  if (n < p + 1) {
    throw new RegressionProblem(
      `needs at least ${p + 1} rows for ${k} driver${k === 1 ? "" : "s"} (the intercept and each driver use one, and one more is needed to measure the error); got ${n}`,
      "rows"
    );
  }
  const dependent = dependentDriver(drivers);
  if (dependent !== undefined) {
    throw new RegressionProblem(
      `driver ${dependent + 1} is ${
        drivers[dependent].every((v) => v === drivers[dependent][0])
          ? "constant (the intercept already covers it)"
          : dependent === 0
            ? "constant (the intercept already covers it)"
            : "a linear combination of the intercept and the drivers before it"
      }`,
      "collinear",
      dependent
    );
  }
  const qr = columnQr([new Float64Array(n).fill(1), ...drivers]);
  if (qr.rdiag.some((d) => d === 0)) throw new Error("Matrix is rank deficient");
  const beta = solveQr(qr, y);
  const Rinv = inverse(upperTriangular(qr, p));
  const xtxInv = Rinv.mmul(Rinv.transpose()).to2DArray();

  const mean = y.reduce((s, v) => s + v, 0) / n;
  let sse = 0;
  let sst = 0;
  const fitted: number[] = [];
  for (let r = 0; r < n; r++) {
    let fit = beta[0];
    for (let j = 0; j < k; j++) fit += beta[j + 1] * drivers[j][r];
    fitted.push(fit);
    sse += (y[r] - fit) ** 2;
    sst += (y[r] - mean) ** 2;
  }
  const df = n - p;
  // An exact fit leaves rounding noise only: treat residuals below 1e-12 of the spread as zero.
  if (sse <= 1e-24 * Math.max(sst, 1)) sse = 0;
  const sigma2 = sse / df;
  const rmse = Math.sqrt(sigma2);
  const se = xtxInv.map((row, i) => Math.sqrt(Math.max(0, row[i]) * sigma2));
  const t = beta.map((b, i) => (se[i] > 0 ? b / se[i] : undefined));
  const pv = t.map((ti) => (ti === undefined ? undefined : 2 * (1 - studentCdf(Math.abs(ti), df))));
  const r2 = sst > 0 ? 1 - sse / sst : 1;
  const adjustedR2 = sst > 0 ? 1 - (1 - r2) * ((n - 1) / df) : 1;
  return {
    coefficients: beta,
    standardErrors: se,
    t,
    p: pv,
    r2,
    adjustedR2,
    rmse,
    n,
    df,
    unscaledCovariance: xtxInv,
    fitted,
  };
}

/** A regression forecast (R's forecast.lm): method "Linear regression model", always with an interval. */
export interface RegressionForecast extends ForecastResult {
  kind: "regression";
  lower: number[];
  upper: number[];
  level: number;
}

/**
 * Forecasts at new driver values (one array per driver, each of the new rows) with prediction
 * intervals ŷ ± t(df, (1+level)/2) · s · sqrt(1 + x0'(X'X)^-1 x0).
 */
export function forecastRegression(
  fit: RegressionFit,
  future: readonly (readonly number[])[],
  level: number
): RegressionForecast {
  const m = future.length === 0 ? 0 : future[0].length;
  const q = intervalT(level, fit.df);
  const out: RegressionForecast = {
    kind: "regression",
    method: "Linear regression model",
    mean: [],
    lower: [],
    upper: [],
    level,
    fitted: fit.fitted.slice(),
  };
  const V = fit.unscaledCovariance;
  for (let r = 0; r < m; r++) {
    const x = [1, ...future.map((d) => d[r])];
    let yhat = 0;
    for (let i = 0; i < x.length; i++) yhat += fit.coefficients[i] * x[i];
    let leverage = 0;
    for (let i = 0; i < x.length; i++)
      for (let j = 0; j < x.length; j++) leverage += x[i] * V[i][j] * x[j];
    const half = q * fit.rmse * Math.sqrt(1 + Math.max(0, leverage));
    out.mean.push(yhat);
    out.lower.push(yhat - half);
    out.upper.push(yhat + half);
  }
  return out;
}
