// Text of the Sales team report's extra-source parts (src/report/teamSources.ts): the snapshot's slipped
// deals and changes, the account-owner list, and both lists at once, in en-US and zh-CN (zh typed from
// en: a missing key fails to compile). The rest of the sheet's text is in ./report.team.ts.

import { ReportLabels } from "./report.forecast";
import { Lang } from "./lang";

const n = (v: number) => v.toLocaleString("en-US", { maximumFractionDigits: 2 });
const s = (v: number, one: string, many: string) => `${n(v)} ${v === 1 ? one : many}`;

const en = {
  sections: {
    slipped: "Slipped deals per owner (close date later than in the snapshot)",
    slippedDeals: "Slipped deals, largest first",
    changes: "Changes since the snapshot",
    changedDeals: "Deals that changed since the snapshot, largest first",
    snapshotForecast:
      "Forecast vs actual from the snapshot (per owner and month of expected close)",
    ownerConflicts: "Owner list conflicts: orders under another owner than the list",
    heldWithoutOrders: "Accounts the owner list gives, with no revenue in the data",
  },
  headers: {
    owner: "Owner",
    slippedDeals: "Slipped deals",
    slippedAmount: "Amount slipped",
    averageDays: "Average days moved",
    id: "Opportunity",
    account: "Account",
    stageBefore: "Stage then",
    stageNow: "Stage now",
    amountBefore: "Amount then",
    amountNow: "Amount now",
    closeBefore: "Close date then",
    closeNow: "Close date now",
    days: "Days moved",
    change: "Change",
    deals: "Deals",
    period: "Month",
    forecast: "Pipeline then",
    weighted: "Weighted then",
    won: "Won of it in the month",
    listOwner: "Owner (list, used)",
    dataOwner: "Owner in the data",
    rows: "Rows",
  },
  changes: {
    slipped: "Close date later (slipped)",
    pulledIn: "Close date earlier",
    amountChanged: "Amount changed",
    forward: "Stage moved forward",
    back: "Stage moved back",
    stageChanged: "Stage changed (no order known)",
    closedWon: "Won since",
    closedLost: "Lost since",
    new: "New since the snapshot",
    gone: "Gone since the snapshot (closed or deleted)",
  },
  notes: {
    snapshotMatch: (
      column: string,
      matched: number,
      onlySnapshot: number,
      onlyNow: number,
      dupSnapshot: number,
      dupNow: number,
      blankSnapshot: number,
      blankNow: number
    ) =>
      `Snapshot: deals matched on the opportunity id (${column}; trimmed text, case kept): ${n(matched)} matched, ${n(onlySnapshot)} only in the snapshot, ${n(onlyNow)} only in the current list` +
      (dupSnapshot + dupNow > 0
        ? `; ids written more than once (their rows not compared): ${n(dupSnapshot)} in the snapshot, ${n(dupNow)} in the current list`
        : "") +
      (blankSnapshot + blankNow > 0
        ? `; rows without an id (not compared): ${n(blankSnapshot)} in the snapshot, ${n(blankNow)} in the current list`
        : "") +
      ".",
    snapshotNoneMatched:
      "No id of the snapshot matches one of the current list: is the snapshot an export of the same opportunity list, and is the id column the right one? Slipped deals cannot be found.",
    snapshotFewMatched: (share: string) =>
      `Only ${share} of the current list's ids are in the snapshot: check that both are exports of the same list.`,
    snapshotNoId:
      "The snapshot was not used: the current opportunity list has no opportunity id column to match its deals on (map one, e.g. opportunity_id).",
    snapshotOrders:
      "The snapshot was not used: it is compared with an opportunity list, and the data are an order list (give the opportunity list as well).",
    snapshotNoClose:
      "The snapshot has no close date column: slipped deals (close date moved) cannot be found; amount and stage changes are still compared.",
    slipped:
      "Slipped: a matched deal whose close date is later than in the snapshot (days moved = close date now − then); amount slipped is its amount now (the snapshot's when it has none now). A deal's owner is its owner now.",
    more: (count: number) => `${s(count, "more deal", "more deals")} not listed.`,
    gone: "Gone: ids of the snapshot not in the current list — closed and removed from the export, or deleted; the snapshot records no owner, so they are not counted per owner.",
    snapshotForecast:
      "Forecast vs actual from the snapshot: the deals open in the snapshot with an expected close date, per month of that date: their amount and weighted amount then (the snapshot stage's textbook probability), against what of them the current list shows won in that same month.",
    ownersUsed: (used: number, rows: number) =>
      `Owner list: ${n(used)} of ${n(rows)} rows used (those naming an account and an owner). Where the list names an account, the report uses the list's owner for its revenue (account load, accountability, revenue bridge per owner).`,
    ownersFilled: (count: number) =>
      `${s(count, "row took its", "rows took their")} owner from the owner list (the row had none).`,
    ownersFilledDeals: (count: number) =>
      `${s(count, "deal took its", "deals took their")} owner from the owner list (the deal had none).`,
    ownersConflicts: (rows: number, accounts: number, examples: string) =>
      `${s(rows, "row is", "rows are")} under another owner than the owner list gives (${s(accounts, "account", "accounts")}, e.g. ${examples}): the report uses the list's owner; the conflicts are listed.`,
    ownersContradictions: (count: number, examples: string) =>
      `The owner list gives ${s(count, "account", "accounts")} to two owners (e.g. ${examples}): its first row is used.`,
    ownersWithoutRows: (count: number) =>
      `${s(count, "account", "accounts")} of the owner list have no revenue in the data: they count in their owner's account load with 0 revenue.`,
    ownersDeals:
      "Deals keep their own owner in the pipeline sections (a deal has its owner); only deals without one take the owner list's.",
    both: "Both lists given: the pipeline, win rates, back-test and velocity come from the opportunity list; revenue per owner, account load, accountability and the revenue bridge from the order list.",
  },
};

export type TeamSourcesLabels = ReportLabels<typeof en>;

const nz = (v: number) => v.toLocaleString("zh-CN", { maximumFractionDigits: 2 });

const zh: TeamSourcesLabels = {
  sections: {
    slipped: "各负责人的延期商机（成交日期晚于快照）",
    slippedDeals: "延期商机（按金额从大到小）",
    changes: "与快照相比的变化",
    changedDeals: "与快照相比有变化的商机（按金额从大到小）",
    snapshotForecast: "按快照的预测与实际（按负责人和预计成交月份）",
    ownerConflicts: "负责人清单冲突：订单的负责人与清单不同",
    heldWithoutOrders: "负责人清单中在数据里没有收入的客户",
  },
  headers: {
    owner: "负责人",
    slippedDeals: "延期商机数",
    slippedAmount: "延期金额",
    averageDays: "平均延后天数",
    id: "商机编号",
    account: "客户",
    stageBefore: "当时阶段",
    stageNow: "当前阶段",
    amountBefore: "当时金额",
    amountNow: "当前金额",
    closeBefore: "当时成交日期",
    closeNow: "当前成交日期",
    days: "移动天数",
    change: "变化",
    deals: "商机数",
    period: "月份",
    forecast: "当时管道",
    weighted: "当时加权金额",
    won: "其中当月赢单",
    listOwner: "负责人（清单，采用）",
    dataOwner: "数据中的负责人",
    rows: "行数",
  },
  changes: {
    slipped: "成交日期推后（延期）",
    pulledIn: "成交日期提前",
    amountChanged: "金额变化",
    forward: "阶段前进",
    back: "阶段后退",
    stageChanged: "阶段变化（先后未知）",
    closedWon: "之后赢单",
    closedLost: "之后输单",
    new: "快照之后新增",
    gone: "快照之后消失（已关闭或已删除）",
  },
  notes: {
    snapshotMatch: (
      column: string,
      matched: number,
      onlySnapshot: number,
      onlyNow: number,
      dupSnapshot: number,
      dupNow: number,
      blankSnapshot: number,
      blankNow: number
    ) =>
      `快照：按商机编号匹配（${column}；去掉首尾空格的文本，区分大小写）：匹配 ${nz(matched)} 个，仅在快照中 ${nz(onlySnapshot)} 个，仅在当前清单中 ${nz(onlyNow)} 个` +
      (dupSnapshot + dupNow > 0
        ? `；重复的编号（其行不比较）：快照 ${nz(dupSnapshot)} 个，当前清单 ${nz(dupNow)} 个`
        : "") +
      (blankSnapshot + blankNow > 0
        ? `；没有编号的行（不比较）：快照 ${nz(blankSnapshot)} 行，当前清单 ${nz(blankNow)} 行`
        : "") +
      "。",
    snapshotNoneMatched:
      "快照中没有一个编号与当前清单匹配：快照是否是同一商机清单的导出？编号列是否正确？无法找出延期商机。",
    snapshotFewMatched: (share: string) =>
      `当前清单的编号只有 ${share} 在快照中：请确认两者是同一清单的导出。`,
    snapshotNoId:
      "未使用快照：当前商机清单没有商机编号列，无法按编号匹配（请指定一列，如 opportunity_id）。",
    snapshotOrders: "未使用快照：快照需与商机清单比较，而数据是订单清单（请同时提供商机清单）。",
    snapshotNoClose:
      "快照没有成交日期列：无法找出延期商机（成交日期移动）；金额和阶段的变化照常比较。",
    slipped:
      "延期：匹配的商机中成交日期晚于快照的（移动天数 = 当前成交日期 − 当时成交日期）；延期金额为其当前金额（当前没有金额时用快照的金额）。商机的负责人按当前负责人计。",
    more: (count: number) => `另有 ${nz(count)} 个商机未列出。`,
    gone: "消失：快照中有而当前清单中没有的编号——已关闭并从导出中移除，或已删除；快照没有负责人，因此不按负责人统计。",
    snapshotForecast:
      "按快照的预测与实际：快照中有预计成交日期的进行中商机，按该日期的月份：当时的金额和加权金额（按快照阶段的教科书概率），对比当前清单显示其中在同一月份赢单的金额。",
    ownersUsed: (used: number, rows: number) =>
      `负责人清单：${nz(rows)} 行中用了 ${nz(used)} 行（写明客户和负责人的行）。清单中列出的客户，其收入按清单的负责人计（客户负荷、问责、各负责人的收入桥）。`,
    ownersFilled: (count: number) =>
      `${nz(count)} 行的负责人取自负责人清单（该行原来没有负责人）。`,
    ownersFilledDeals: (count: number) =>
      `${nz(count)} 个商机的负责人取自负责人清单（该商机原来没有负责人）。`,
    ownersConflicts: (rows: number, accounts: number, examples: string) =>
      `${nz(rows)} 行的负责人与负责人清单不同（${nz(accounts)} 个客户，例如 ${examples}）：报告采用清单的负责人；冲突已列出。`,
    ownersContradictions: (count: number, examples: string) =>
      `负责人清单把 ${nz(count)} 个客户分给了两位负责人（例如 ${examples}）：采用清单中的第一行。`,
    ownersWithoutRows: (count: number) =>
      `负责人清单中有 ${nz(count)} 个客户在数据中没有收入：按 0 收入计入其负责人的客户负荷。`,
    ownersDeals:
      "管道部分的商机保留其本身的负责人（商机有自己的负责人）；只有没有负责人的商机取负责人清单的负责人。",
    both: "同时提供了两份清单：管道、赢单率、回测和销售速度来自商机清单；按负责人的收入、客户负荷、问责和收入桥来自订单清单。",
  },
};

export const TEAM_SOURCES: Readonly<Record<Lang, TeamSourcesLabels>> = { en, zh };
