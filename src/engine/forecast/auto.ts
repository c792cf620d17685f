// The recommended default forecast: an equal-weight combination of automatic ETS, damped-trend ETS
// and the Theta method. Combining forecasts of different methods reduces error on average (Bates &
// Granger 1969; Makridakis & Hibon, M3, IJF 16, 2000; the M4 competition, IJF 36, 2020).

import { chooseEts, forecastEts } from "./ets";
import { thetaForecast } from "./theta";

export interface CombinedForecast {
  mean: number[];
  lower?: number[];
  upper?: number[];
  /** The members' point forecasts, in the order ETS, damped ETS, Theta. */
  members: { name: string; mean: number[] }[];
}

/**
 * Combination forecast for h steps. Prediction intervals (with `level`) average the members' interval
 * bounds, a common approximation for combined forecasts.
 */
export function autoForecast(
  values: readonly number[],
  h: number,
  period: number,
  level?: number
): CombinedForecast {
  // One round of fits gives both the automatic model and the best damped-trend model.
  const choice = chooseEts(values, { period });
  const ets = forecastEts(choice.best, h, level);
  // Too short for a damped trend: the automatic model stands in.
  const damped = choice.damped ? forecastEts(choice.damped, h, level) : ets;
  const theta = thetaForecast(values, h, period, level);
  const members = [
    { name: "ETS", f: ets },
    { name: "Damped ETS", f: damped },
    { name: "Theta", f: theta },
  ];
  const avg = (
    pick: (f: { mean: number[]; lower?: number[]; upper?: number[] }) => number[] | undefined
  ) => {
    const out: number[] = [];
    for (let j = 0; j < h; j++) {
      let s = 0;
      for (const m of members) s += (pick(m.f) ?? m.f.mean)[j];
      out.push(s / members.length);
    }
    return out;
  };
  const result: CombinedForecast = {
    mean: avg((f) => f.mean),
    members: members.map((m) => ({ name: m.name, mean: m.f.mean })),
  };
  if (level !== undefined) {
    result.lower = avg((f) => f.lower);
    result.upper = avg((f) => f.upper);
  }
  return result;
}
