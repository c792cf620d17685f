// Gallery entries of the sales team: the revenue bridge, win rates and sales velocity.

import { CatalogEntry } from "./entry";

export const TEAM_CATALOG: Readonly<Record<string, CatalogEntry>> = {
  REVENUE_BRIDGE: {
    dataColumns: ["customers", "dates", "amounts"],
    example: '=KAM.REVENUE_BRIDGE(A2:A5000,B2:B5000,C2:C5000,"quarter")',
    meaning: {
      "en-US":
        "The revenue bridge of the orders in A2:C5000 (customer, date, amount) per quarter: last " +
        "quarter's revenue + new + expansion − contraction − churned = this quarter's, exactly, with " +
        "net and gross revenue retention.",
      "zh-CN":
        "A2:C5000 中订单（客户、日期、金额）按季度的收入桥：上季度收入 + 新增 + 扩大 − 收缩 − 流失 = " +
        "本季度收入，精确相等，并给出净收入留存率和毛收入留存率。",
    },
  },
  WIN_RATE: {
    dataColumns: ["outcomes"],
    example: "=KAM.WIN_RATE(E2:E900,B2:B900,H2:H900)",
    meaning: {
      "en-US":
        "Win rate of the deals whose outcome (Won/Lost/open stage) is in E2:E900, per rep in B, by " +
        "count and by the amounts in H, then for all deals.",
      "zh-CN":
        "E2:E900 中商机结果（赢单/输单/进行中）的赢单率，按 B 列的销售代表统计，按数量和按 H 列金额，" +
        "最后一行为全部商机。",
    },
  },
  SALES_VELOCITY: {
    dataColumns: ["owners", "outcomes", "amounts", "created", "closed"],
    example: "=KAM.SALES_VELOCITY(B2:B900,E2:E900,H2:H900,F2:F900,G2:G900)",
    meaning: {
      "en-US":
        "Per rep in B2:B900: open deals, win rate (outcomes in E), average won amount (H), mean cycle " +
        "from created (F) to close (G) and the velocity: open deals × win rate × average won ÷ cycle.",
      "zh-CN":
        "按 B2:B900 中的销售代表：进行中商机数、赢单率（E 列结果）、平均赢单金额（H 列）、从创建（F 列）" +
        "到成交（G 列）的平均周期，以及销售速度 = 进行中商机数 × 赢单率 × 平均赢单金额 ÷ 周期。",
    },
  },
};
