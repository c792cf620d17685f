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
        "The recommended forecast of the next 6 periods of B2:B37: the average of exponential smoothing (ETS models weighted by AICc), damped-trend smoothing and Theta.",
      "zh-CN":
        "推荐的预测：B2:B37 未来 6 期的预测，取指数平滑（ETS 模型按 AICc 加权）、阻尼趋势平滑和 Theta 法的平均。",
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
  FORECAST_REGRESS: {
    dataColumns: ["y", "drivers"],
    example: "=KAM.FORECAST_REGRESS(B2:B37,C2:E37,C38:E43,0.9)",
    meaning: {
      "en-US":
        "Regresses the sales in B2:B37 on three drivers in C2:E37 (e.g. price, promotion spend, market size) and forecasts the 6 periods whose drivers are in C38:E43, with 90% lower and upper bounds.",
      "zh-CN":
        "以 C2:E37 的三个驱动因素（如价格、促销费用、市场规模）对 B2:B37 的销售额做回归，按 C38:E43 的驱动因素值预测 6 期，并给出 90% 的下限和上限。",
    },
  },
  REGRESS_STATS: {
    dataColumns: ["y", "drivers"],
    example: "=KAM.REGRESS_STATS(B1:B37,C1:E37)",
    meaning: {
      "en-US":
        "The regression of the sales in B1:B37 on the drivers in C1:E37 (names in row 1): coefficients, standard errors, t, p-values, R², adjusted R² and RMSE.",
      "zh-CN":
        "B1:B37 销售额对 C1:E37 驱动因素（第 1 行为名称）的回归：系数、标准误、t 值、p 值、R²、调整 R² 和 RMSE。",
    },
  },
  FORECAST_COMBINE: {
    dataColumns: ["forecasts"],
    example: "=KAM.FORECAST_COMBINE(C2:E13,,B2:B13)",
    meaning: {
      "en-US":
        "Combines three methods' forecasts in C2:E13 into one, weighting each method by 1/MSE against the actuals given in B2:B13.",
      "zh-CN": "把 C2:E13 中三种方法的预测合成一个，各方法按其相对 B2:B13 实际值的 1/MSE 加权。",
    },
  },
  DELPHI: {
    dataColumns: ["estimates"],
    example: "=KAM.DELPHI(B1:D12,0.1)",
    meaning: {
      "en-US":
        "Summarises three Delphi rounds of 11 experts in B1:D12: median, quartiles and IQR per round, whether IQR / median is within 10%, and the final estimate.",
      "zh-CN":
        "汇总 B1:D12 中 11 位专家的三轮德尔菲估计：每轮的中位数、四分位数和四分位距，四分位距/中位数是否在 10% 以内，以及最终估计。",
    },
  },
  SURVEY_FORECAST: {
    dataColumns: ["estimates"],
    example: "=KAM.SURVEY_FORECAST(B2:B21,C2:C21,0.1)",
    meaning: {
      "en-US":
        "The sales-force composite of the 20 estimates in B2:B21 weighted by C2:C21, after dropping the 2 lowest and 2 highest.",
      "zh-CN": "B2:B21 中 20 个估计按 C2:C21 加权的销售人员综合预测，去掉最低和最高各 2 个。",
    },
  },
};
