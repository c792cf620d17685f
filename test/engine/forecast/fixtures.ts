// M3 competition series (Makridakis & Hibon, IJF 16, 2000; from the project's benchmark m3.json, the Mcomp
// R package data) used as reference inputs, and reference results computed with R 4.2 and the
// forecast package 8.20 (Hyndman et al.), commands as written beside each value.

/** M3 N0001 (yearly, 1975–1988). */
export const N0001 = [
  940.66, 1084.86, 1244.98, 1445.02, 1683.17, 2038.15, 2342.52, 2602.45, 2927.87, 3103.96, 3360.27,
  3807.63, 4387.88, 4936.99,
];
/** M3 N0005 (yearly, 1975–1988). */
export const N0005 = [
  4977.18, 5248, 5370, 6184.89, 7137.19, 6743, 7298, 5260.29, 4898.18, 5392.04, 5117.64, 4332.9,
  4620.5, 5488.8,
];
/** M3 N1402 (monthly, from January 1990). */
export const N1402 = [
  2640, 2640, 2160, 4200, 3360, 2400, 3600, 1920, 4200, 4560, 480, 3720, 5640, 2880, 1800, 3120,
  2400, 2520, 9000, 2640, 3120, 2880, 8760, 5160, 2160, 8280, 4920, 3120, 6600, 4080, 5880, 1680,
  6720, 2040, 6480, 1920, 3600, 2040, 2760, 3840, 960, 2280, 1320, 2160, 4800, 3000, 3120, 5880,
  2640, 2400,
];
/** M3 N1089 (quarterly). */
export const N1089 = [
  4164, 4220.5, 4271.5, 4283.5, 4494, 4525.5, 4595.5, 4614.5, 4794.5, 4826, 4856, 4862, 4992.5,
  4977, 5007, 5020, 5281, 5276.5, 5277.5, 5284.5, 5468.5, 5484.5, 5447, 5424.5, 5592, 5580.5, 5542,
  5531, 5630, 5662, 5606.5, 5567, 5692, 5736, 5691.5, 5664.5, 5808, 5892.5, 5829, 5855, 5993.5,
  6049.5, 6009, 6059,
];
/** The first 30 values of M3 N1500 (monthly): fewer than three cycles. */
export const N1500_30 = [
  3700, 2460, 3320, 2480, 3200, 2980, 3880, 3320, 3420, 3780, 4080, 3160, 3440, 3760, 3020, 2740,
  3800, 3340, 3920, 2700, 2460, 2880, 3120, 3980, 3300, 2740, 3200, 2540, 3200, 2780,
];

export const R_REFERENCE = {
  /** ets(ts(N0005)): ETS(M,N,N), loglik, aicc, forecast(h = 6)$mean[1]. */
  n0005Ets: { model: "MNN", logLik: -109.857621, aicc: 228.115242, mean: 5488.71263 },
  /** ets(ts(N1402, frequency = 12), "ANN"): alpha, l0, loglik; forecast(h = 3, level = 95). */
  n1402Ann: {
    alpha: 0.07078303616,
    level: 3168.723859,
    logLik: -476.9229921,
    mean: 3413.099,
    lower: [-514.5074, -524.3342, -534.1366],
    upper: [7340.705, 7350.532, 7360.334],
  },
  /**
   * ets(ts(N1089, frequency = 4), "MAA", damped = FALSE): $par (alpha, beta, gamma, l, b, s0, s1,
   * s2 — s0 the latest season), $loglik, $aicc; ets(ts(N1089, frequency = 4)) chooses the same
   * model, forecast(h = 8)$mean.
   */
  n1089Maa: {
    alpha: 0.6226303086,
    beta: 0.2092014502,
    gamma: 0.1807241478,
    level: 4029.635265,
    trend: 95.14364623,
    seasons: [-84.38841427, -2.027658404, 24.55412034],
    logLik: -240.5360745,
    aicc: 504.3662666,
    mean: [
      6207.946988, 6264.001143, 6235.035066, 6256.693101, 6414.820732, 6470.874887, 6441.90881,
      6463.566845,
    ],
  },
  /**
   * ets(ts(N1500_30, frequency = 12), "MAM", damped = FALSE) — fewer than three cycles, so R starts
   * from a trend + Fourier regression: $par[1:3], $loglik, $aicc; ets() itself picks ETS(M,N,N)
   * with AICc 479.1698327.
   */
  n1500Mam: {
    alpha: 0.01682377864,
    beta: 0.003170553318,
    gamma: 0.0001075399189,
    logLik: -225.4478712,
    aicc: 535.8957424,
    autoModel: "MNN",
    autoAicc: 479.1698327,
  },
  /** optim(c(-1.2, 1), Rosenbrock, method = "Nelder-Mead"): $par, $value, $counts[1]. */
  rosenbrock: { x: [1.000260139, 1.000505999], value: 8.825241097e-8, evaluations: 195 },
  /** thetaf(ts(N0001), h = 6)$mean. */
  n0001Theta: [5085.069837, 5233.189782, 5381.309727, 5529.429672, 5677.549617, 5825.669562],
  /** decompose(ts(N1402, frequency = 12), "multiplicative")$figure (January first). */
  n1402Figure: [
    1.1299626, 1.1107164, 0.8456326, 0.9849216, 0.80839, 0.7924861, 1.3240268, 0.6087723, 1.2626986,
    0.8857796, 1.282153, 0.9644603,
  ],
};
