// Gallery entries of forecasting.

import { CatalogEntry } from "./entry";

export const FORECAST_CATALOG: Readonly<Record<string, CatalogEntry>> = {
  FORECAST_SMOOTH: {
    dataColumns: ["values"],
    example: "=KAM.FORECAST_SMOOTH(B2:B37,12,12,,0.95)",
    meaning: {
      "en-US":
        "Forecasts the next 12 months from the 36 monthly sales in B2:B37 by automatic exponential " +
        "smoothing with a 12-month season, with 95% lower and upper bounds.",
      "zh-CN":
        "用自动指数平滑（季节周期 12 个月）由 B2:B37 的 36 个月销售额预测未来 12 个月，并给出 95% 的下限和上限。",
    },
  },
  FORECAST_MODEL: {
    dataColumns: ["values"],
    example: "=KAM.FORECAST_MODEL(B2:B37,12)",
    meaning: {
      "en-US":
        "Shows which exponential smoothing model fits the monthly sales in B2:B37, its parameters, AICc and in-sample MASE.",
      "zh-CN": "显示 B2:B37 月度销售额所选的指数平滑模型及其参数、AICc 和样本内 MASE。",
    },
  },
  FORECAST_AUTO: {
    dataColumns: ["values"],
    example: "=KAM.FORECAST_AUTO(B2:B37,6)",
    meaning: {
      "en-US":
        "The recommended forecast of the next 6 periods of B2:B37: the average of exponential smoothing, damped-trend smoothing and Theta.",
      "zh-CN": "推荐的预测：B2:B37 未来 6 期的预测，取指数平滑、阻尼趋势平滑和 Theta 法的平均。",
    },
  },
  FORECAST_THETA: {
    dataColumns: ["values"],
    example: "=KAM.FORECAST_THETA(B2:B37,12,12)",
    meaning: {
      "en-US":
        "Forecasts 12 months ahead from B2:B37 by the Theta method, seasonally adjusted when the 12-month season is significant.",
      "zh-CN": "用 Theta 法由 B2:B37 预测未来 12 个月；12 个月季节性显著时先做季节调整。",
    },
  },
  FORECAST_MA: {
    dataColumns: ["values"],
    example: "=KAM.FORECAST_MA(B2:B25,3,2,{1;2;3})",
    meaning: {
      "en-US":
        "Forecasts the next 2 periods as the weighted average of the last 3 values of B2:B25, the latest weighted 3.",
      "zh-CN": "以 B2:B25 最近 3 期的加权平均（最近一期权重为 3）预测未来 2 期。",
    },
  },
  SEASONAL_INDEX: {
    dataColumns: ["values"],
    example: "=KAM.SEASONAL_INDEX(B2:B37,12)",
    meaning: {
      "en-US":
        "The 12 monthly seasonal indices of the sales in B2:B37 (1.2 = 20% above the trend).",
      "zh-CN": "B2:B37 销售额的 12 个月度季节指数（1.2 表示高于趋势 20%）。",
    },
  },
  DESEASONALIZE: {
    dataColumns: ["values"],
    example: "=KAM.DESEASONALIZE(B2:B37,12)",
    meaning: {
      "en-US": "The monthly sales in B2:B37 with the 12-month seasonal pattern divided out.",
      "zh-CN": "去除 12 个月季节模式后的 B2:B37 月度销售额。",
    },
  },
  FORECAST_ACCURACY: {
    dataColumns: ["actuals", "forecasts"],
    example: "=KAM.FORECAST_ACCURACY(C2:C13,D2:D13,B2:B37,12)",
    meaning: {
      "en-US":
        "Scores the forecasts in D2:D13 against the actuals in C2:C13: MAE, RMSE, MAPE, sMAPE, MASE (scaled by the history in B2:B37) and bias.",
      "zh-CN":
        "以 C2:C13 的实际值评价 D2:D13 的预测：MAE、RMSE、MAPE、sMAPE、MASE（以 B2:B37 的历史缩放）和偏差。",
    },
  },
  BACKTEST: {
    dataColumns: ["values"],
    example: '=KAM.BACKTEST(B2:B49,3,"auto",6)',
    meaning: {
      "en-US":
        "How accurate 3-month forecasts of the automatic method would have been from each of the last 6 months of B2:B49.",
      "zh-CN": "若从 B2:B49 最后 6 个月的每个月起用自动方法预测 3 个月，其精度如何。",
    },
  },
};
