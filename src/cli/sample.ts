/* global process */
// The sample data shipped in assets/sample/{en,zh}: a generated industrial supplier's key-account book
// (orders, opportunities, monthly sales, account portfolio, targets), deterministic from one seed.

import fs from "node:fs";
import path from "node:path";
import { uniformGenerator } from "../engine/random";
import {
  firstOfMonth,
  isoFromSerial,
  periodIndex,
  periodLabel,
  serialFromYmd,
  ymdFromSerial,
} from "../engine/calendar";
import { InputProblem, parseOptions, say, writeOutput } from "./common";
import { Lang } from "../i18n/lang";
import { csvField } from "../report/cellText";

/** The story: it is the first working day of 2025; the book holds 2022–2024 and plans 2025. */
export const SAMPLE = {
  seed: 20250102,
  firstYear: 2022,
  years: 3,
  customers: 300,
  opportunities: 180,
  portfolioAccounts: 40,
  /** The day after the last order: 2025-01-01. */
  asOf: serialFromYmd(2025, 1, 1) as number,
  planYear: 2025,
} as const;

export const SAMPLE_FILES = [
  "orders.csv",
  "opportunities.csv",
  "monthly-sales.csv",
  "portfolio.csv",
  "targets.csv",
  "stages.csv",
] as const;
export type SampleFileName = (typeof SAMPLE_FILES)[number];

// ---------------------------------------------------------------------------------------------------
// Words

const TEAMS = {
  en: ["North", "East", "South", "West"],
  zh: ["华北区", "华东区", "华南区", "西部区"],
};

const OWNERS = {
  en: [
    ["Li Wei", "Zhang Min", "Wang Fang"],
    ["Chen Jie", "Liu Yang", "Zhao Lei"],
    ["Huang Li", "Zhou Tao", "Wu Xia"],
    ["Xu Gang", "Sun Hui", "Ma Lin"],
  ],
  zh: [
    ["李伟", "张敏", "王芳"],
    ["陈杰", "刘洋", "赵磊"],
    ["黄丽", "周涛", "吴霞"],
    ["徐刚", "孙慧", "马琳"],
  ],
};

const LINES = {
  en: ["Pumps", "Valves", "Automation", "Service"],
  zh: ["泵类", "阀门", "自动化系统", "维保服务"],
};
/** Relative order size of each product line, and its share of all orders. */
const LINE_SIZE = [1, 0.6, 2.2, 0.35];
const LINE_WEIGHT = [0.34, 0.3, 0.14, 0.22];

const STAGES = {
  en: ["Prospect", "Intent", "Proposal", "Negotiation", "Won", "Lost"],
  zh: ["潜在客户", "意向客户", "方案阶段", "商务谈判", "销售实现", "输单"],
};

/** Key accounts are "Key" / "重点", as the KPI report recognises them by default. */
const TIERS = {
  en: ["Key", "Standard"],
  zh: ["重点", "一般"],
};

const HEADERS: Record<SampleFileName, Record<Lang, string[]>> = {
  "orders.csv": {
    en: [
      "Order ID",
      "Order date",
      "Customer",
      "Region",
      "Owner",
      "Product line",
      "Amount",
      "Tier",
      "Satisfaction",
    ],
    zh: [
      "订单编号",
      "订单日期",
      "客户名称",
      "区域",
      "客户经理",
      "产品线",
      "金额",
      "客户等级",
      "满意度",
    ],
  },
  "opportunities.csv": {
    en: ["Opportunity", "Customer", "Owner", "Stage", "Amount", "Close date"],
    zh: ["商机名称", "客户名称", "客户经理", "销售阶段", "金额", "预计成交日期"],
  },
  "monthly-sales.csv": {
    en: ["Product", "Month", "Sales"],
    zh: ["产品", "月份", "销售额"],
  },
  "portfolio.csv": {
    en: ["Account", "Attractiveness", "Strength", "Revenue"],
    zh: ["客户", "市场吸引力", "业务实力", "收入"],
  },
  "targets.csv": {
    en: ["Region", "Year", "Target"],
    zh: ["区域", "年度", "目标"],
  },
  "stages.csv": {
    en: ["Stage", "Probability", "Category"],
    zh: ["阶段", "概率", "类别"],
  },
};

/** The company's stage table: the practice's five stages and a lost stage, with forecast categories. */
const STAGE_TABLE: [number, string, Record<Lang, string>][] = [
  [0, "10%", { en: "Pipeline", zh: "管道" }],
  [1, "30%", { en: "Pipeline", zh: "管道" }],
  [2, "50%", { en: "Best case", zh: "最佳情况" }],
  [3, "70%", { en: "Commit", zh: "承诺" }],
  [4, "100%", { en: "Closed", zh: "已成交" }],
  [5, "0%", { en: "Omitted", zh: "不计入" }],
];

// Company names: a distinctive word, a trade and a legal form (en); a city, a trade name, a trade and
// 有限公司 (zh). Pairs are drawn without repetition, so every customer has its own name in both.
const EN_WORDS = [
  "Northwind",
  "Apex",
  "Bluewater",
  "Crestline",
  "Everbright",
  "Ironbridge",
  "Keystone",
  "Lakeshore",
  "Meridian",
  "Oakridge",
  "Pinnacle",
  "Redwood",
  "Silverline",
  "Summit",
  "Trident",
  "Vanguard",
  "Westfield",
  "Harbor",
  "Granite",
  "Horizon",
  "Orion",
  "Sterling",
  "Cobalt",
  "Riverside",
  "Alder",
];
const EN_TRADES = [
  "Machinery",
  "Logistics",
  "Chemicals",
  "Electronics",
  "Auto Parts",
  "Building Materials",
  "Foods",
  "Pharma",
  "Energy",
  "Precision",
  "Textiles",
  "Water Systems",
];
const EN_FORMS = ["Ltd", "Co., Ltd", "Inc", "Group", "Industries"];

const ZH_CITIES = [
  "北京",
  "上海",
  "广州",
  "深圳",
  "杭州",
  "南京",
  "苏州",
  "成都",
  "重庆",
  "武汉",
  "西安",
  "天津",
  "青岛",
  "宁波",
  "厦门",
  "长沙",
  "郑州",
  "合肥",
  "济南",
  "沈阳",
  "无锡",
  "佛山",
  "东莞",
  "昆明",
  "大连",
];
const ZH_NAMES = [
  "华通",
  "恒达",
  "鼎盛",
  "宏远",
  "金泰",
  "瑞丰",
  "新科",
  "永信",
  "天成",
  "博远",
  "中联",
  "安泰",
  "嘉禾",
  "联创",
  "同力",
  "润发",
  "凯晟",
  "汇源",
  "信达",
  "力拓",
  "盛世",
  "兴业",
  "海川",
  "正元",
];
const ZH_TRADES = [
  "机电",
  "物流",
  "化工",
  "电子",
  "汽车零部件",
  "建材",
  "食品",
  "医药",
  "能源",
  "精密制造",
  "纺织",
  "水务",
];

// Month factors of an industrial supplier in China: Spring Festival in February, a strong spring,
// a quiet August, year-end orders in December.
const SEASON = [0.92, 0.62, 1.06, 1.05, 1.1, 1.14, 0.96, 0.86, 1.04, 0.98, 1.05, 1.22];

// ---------------------------------------------------------------------------------------------------
// Random numbers

class Rng {
  private readonly u: () => number;
  constructor(seed: number) {
    this.u = uniformGenerator(seed);
  }
  uniform(a = 0, b = 1): number {
    return a + (b - a) * this.u();
  }
  int(a: number, b: number): number {
    return a + Math.floor(this.u() * (b - a + 1));
  }
  normal(): number {
    const u1 = Math.max(this.u(), 1e-12);
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * this.u());
  }
  chance(p: number): boolean {
    return this.u() < p;
  }
  poisson(lambda: number): number {
    if (lambda <= 0) return 0;
    const limit = Math.exp(-lambda);
    let k = 0;
    let p = this.u();
    while (p > limit) {
      k++;
      p *= this.u();
    }
    return k;
  }
  pick<T>(items: readonly T[], weights?: readonly number[]): T {
    if (!weights) return items[Math.floor(this.u() * items.length)];
    const total = weights.reduce((a, b) => a + b, 0);
    let x = this.u() * total;
    for (let i = 0; i < items.length; i++) {
      x -= weights[i];
      if (x < 0) return items[i];
    }
    return items[items.length - 1];
  }
}

// ---------------------------------------------------------------------------------------------------
// The book

interface Customer {
  en: string;
  zh: string;
  team: number;
  owner: number;
  /** Average monthly revenue at the start, before season and growth. */
  monthly: number;
  /** Orders per month. */
  rate: number;
  /** Yearly growth rate. */
  growth: number;
  /** First and last active month (0-based from January of the first year); last is exclusive. */
  from: number;
  to: number;
  lines: number[];
  satisfaction: number;
  key: boolean;
}

interface Order {
  id: string;
  date: number;
  customer: number;
  line: number;
  amount: number;
  satisfaction?: number;
}

interface Opportunity {
  customer: number;
  line: number;
  kind: number;
  stage: number;
  amount: number;
  close: number;
}

interface Book {
  customers: Customer[];
  orders: Order[];
  opportunities: Opportunity[];
}

const round2 = (x: number) => Math.round(x * 100) / 100;
/** First day of month `m` of the sample (0 = January of its first year). */
const monthStart = (m: number) => firstOfMonth(SAMPLE.firstYear, m + 1);

function customers(rng: Rng): Customer[] {
  const months = SAMPLE.years * 12;
  const enNames = new Set<string>();
  const zhNames = new Set<string>();
  const list: Customer[] = [];
  for (let i = 0; i < SAMPLE.customers; i++) {
    let en = "";
    let zh = "";
    // The same trade in both languages; the names themselves are not translations.
    const trade = rng.int(0, EN_TRADES.length - 1);
    do en = `${rng.pick(EN_WORDS)} ${EN_TRADES[trade]} ${rng.pick(EN_FORMS)}`;
    while (enNames.has(en));
    do zh = `${rng.pick(ZH_CITIES)}${rng.pick(ZH_NAMES)}${ZH_TRADES[trade]}有限公司`;
    while (zhNames.has(zh));
    enNames.add(en);
    zhNames.add(zh);
    const size = rng.normal();
    const monthly = 6000 * Math.exp(1.25 * size);
    const rate = Math.min(8, Math.max(0.12, 0.9 * Math.exp(0.45 * size + 0.35 * rng.normal())));
    const newcomer = rng.chance(0.22);
    const from = newcomer ? rng.int(3, months - 4) : 0;
    const churns = rng.chance(0.13);
    const to = churns ? Math.min(months, rng.int(from + 6, from + 30)) : months;
    const main = rng.pick([0, 1, 2, 3], LINE_WEIGHT);
    const lines = LINE_WEIGHT.map((w, k) => (k === main ? w * 4 : w * rng.uniform(0.2, 1.2)));
    const team = rng.int(0, TEAMS.en.length - 1);
    list.push({
      en,
      zh,
      team,
      owner: rng.int(0, 2),
      monthly,
      rate,
      growth: 0.07 + 0.14 * rng.normal(),
      from,
      to,
      lines,
      satisfaction: Math.min(9.6, Math.max(4, 8 + 1.3 * rng.normal())),
      key: false,
    });
  }
  // Key accounts: the largest tenth by revenue, as a KAM team would have flagged them.
  const bySize = [...list].sort((a, b) => b.monthly - a.monthly);
  bySize.slice(0, Math.round(list.length / 10)).forEach((c) => {
    c.key = true;
    c.to = SAMPLE.years * 12; // key accounts stay
  });
  return list;
}

function orders(rng: Rng, list: Customer[]): Order[] {
  const out: Order[] = [];
  const months = SAMPLE.years * 12;
  for (let m = 0; m < months; m++) {
    const start = monthStart(m);
    const days = monthStart(m + 1) - start;
    const season = SEASON[m % 12];
    list.forEach((c, ci) => {
      if (m < c.from || m >= c.to) return;
      const trend = Math.pow(1 + c.growth, m / 12);
      const n = rng.poisson(c.rate * season);
      for (let k = 0; k < n; k++) {
        const line = rng.pick([0, 1, 2, 3], c.lines);
        const size = (c.monthly * season * trend) / c.rate;
        const amount = Math.max(
          50,
          Math.round(size * LINE_SIZE[line] * Math.exp(0.45 * rng.normal() - 0.1))
        );
        const day = rng.int(0, days - 1);
        const surveyed = rng.chance(0.25);
        const score = Math.round(c.satisfaction + 1.2 * rng.normal());
        out.push({
          id: "",
          date: start + day,
          customer: ci,
          line,
          amount,
          satisfaction: surveyed ? Math.min(10, Math.max(0, score)) : undefined,
        });
      }
    });
  }
  // Returns: a part of about one order in forty comes back within six weeks.
  const returns: Order[] = [];
  const end = monthStart(months);
  for (const o of out) {
    if (!rng.chance(0.025)) continue;
    const date = o.date + rng.int(5, 40);
    if (date >= end) continue;
    returns.push({
      id: "",
      date,
      customer: o.customer,
      line: o.line,
      amount: -Math.max(10, Math.round(o.amount * rng.uniform(0.1, 1))),
    });
  }
  const all = [...out, ...returns].sort((a, b) => a.date - b.date || a.customer - b.customer);
  const counters = new Map<string, number>();
  for (const o of all) {
    const year = ymdFromSerial(o.date)[0];
    const prefix = o.amount < 0 ? "RT" : "SO";
    const k = `${prefix}${year}`;
    const n = (counters.get(k) ?? 0) + 1;
    counters.set(k, n);
    o.id = `${prefix}-${year}-${String(n).padStart(5, "0")}`;
  }
  return all;
}

function opportunities(rng: Rng, list: Customer[]): Opportunity[] {
  const active = list.filter((c) => c.to === SAMPLE.years * 12);
  const weights = active.map((c) => Math.sqrt(c.monthly));
  // Stage counts: open deals thin out towards the close; won and lost deals of the last half year.
  const plan: [number, number][] = [
    [0, 38],
    [1, 34],
    [2, 26],
    [3, 20],
    [4, 34],
    [5, 28],
  ];
  const out: Opportunity[] = [];
  for (const [stage, count] of plan) {
    for (let k = 0; k < count; k++) {
      const c = rng.pick(active, weights);
      const line = rng.pick([0, 1, 2, 3], c.lines);
      const amount = Math.max(
        5000,
        Math.round((c.monthly * LINE_SIZE[line] * rng.uniform(1.5, 6)) / 1000) * 1000
      );
      let close: number;
      if (stage >= 4) close = SAMPLE.asOf - rng.int(1, 180);
      else if (rng.chance(0.12))
        close = SAMPLE.asOf - rng.int(3, 75); // overdue
      else close = SAMPLE.asOf + rng.int(7 + stage * 10, 300 - stage * 40);
      out.push({ customer: list.indexOf(c), line, kind: rng.int(0, 3), stage, amount, close });
    }
  }
  return out.sort((a, b) => a.close - b.close || a.customer - b.customer);
}

function book(): Book {
  const rng = new Rng(SAMPLE.seed);
  const list = customers(rng);
  const o = orders(rng, list);
  const opps = opportunities(rng, list);
  return { customers: list, orders: o, opportunities: opps };
}

// ---------------------------------------------------------------------------------------------------
// CSV files

/** One field: numbers rounded to cents; text through the one CSV rule (csvField: quoted when needed,
 *  and never a formula). */
function csvCell(value: string | number | undefined): string {
  return csvField(typeof value === "number" ? round2(value) : value);
}

function csv(header: string[], rows: (string | number | undefined)[][], lang: Lang): string {
  const text = [header, ...rows].map((r) => r.map(csvCell).join(",")).join("\n") + "\n";
  // Chinese files start with a byte order mark so that Excel opens them as UTF-8.
  return lang === "zh" ? `\uFEFF${text}` : text;
}

const KINDS = {
  en: ["upgrade", "framework agreement", "retrofit", "new plant"],
  zh: ["升级项目", "框架协议", "改造项目", "新厂项目"],
};

function shortName(c: Customer, lang: Lang): string {
  return lang === "en" ? c.en.split(" ").slice(0, 2).join(" ") : c.zh.replace(/有限公司$/, "");
}

/** The sample files of one language, in SAMPLE_FILES order. */
export function generateSample(lang: Lang): { name: SampleFileName; text: string }[] {
  const b = book();
  const name = (c: Customer) => (lang === "en" ? c.en : c.zh);
  const owner = (c: Customer) => OWNERS[lang][c.team][c.owner];

  const orderRows = b.orders.map((o) => {
    const c = b.customers[o.customer];
    return [
      o.id,
      isoFromSerial(o.date),
      name(c),
      TEAMS[lang][c.team],
      owner(c),
      LINES[lang][o.line],
      o.amount,
      TIERS[lang][c.key ? 0 : 1],
      o.satisfaction,
    ];
  });

  const names = new Map<string, number>();
  const oppRows = b.opportunities.map((o) => {
    const c = b.customers[o.customer];
    let title =
      lang === "en"
        ? `${shortName(c, lang)} – ${LINES.en[o.line]} ${KINDS.en[o.kind]}`
        : `${shortName(c, lang)}-${LINES.zh[o.line]}${KINDS.zh[o.kind]}`;
    const seen = (names.get(title) ?? 0) + 1;
    names.set(title, seen);
    if (seen > 1) title += lang === "en" ? ` (${seen})` : `（${seen}）`;
    return [title, name(c), owner(c), STAGES[lang][o.stage], o.amount, isoFromSerial(o.close)];
  });

  // Monthly net sales per product line, summed from the orders (returns included).
  const months = SAMPLE.years * 12;
  const monthly = LINES.en.map(() => new Array<number>(months).fill(0));
  for (const o of b.orders) {
    monthly[o.line][periodIndex(o.date, monthStart(0), "month")] += o.amount;
  }
  const salesRows: (string | number)[][] = [];
  LINES[lang].forEach((line, k) => {
    for (let m = 0; m < months; m++)
      salesRows.push([line, periodLabel(monthStart(m), "month"), monthly[k][m]]);
  });

  // Portfolio: the accounts with the most revenue in the last twelve months, scored 0–10.
  const lastYearFrom = serialFromYmd(SAMPLE.planYear - 1, 1, 1) as number;
  const revenue = new Array<number>(b.customers.length).fill(0);
  const previous = new Array<number>(b.customers.length).fill(0);
  for (const o of b.orders) {
    if (o.date >= lastYearFrom) revenue[o.customer] += o.amount;
    else if (o.date >= lastYearFrom - 365) previous[o.customer] += o.amount;
  }
  const scoreRng = new Rng(SAMPLE.seed + 1);
  const top = b.customers
    .map((c, i) => ({ c, i }))
    .sort((x, y) => revenue[y.i] - revenue[x.i])
    .slice(0, SAMPLE.portfolioAccounts);
  const maxRevenue = revenue[top[0].i];
  const portfolioRows = top.map(({ c, i }) => {
    const growth = previous[i] > 0 ? revenue[i] / previous[i] - 1 : 0.3;
    const attractiveness = Math.min(
      9.8,
      Math.max(1, 5 + 3 * Math.max(-0.6, Math.min(0.8, growth)) + 1.8 * scoreRng.normal())
    );
    const strength = Math.min(
      9.8,
      Math.max(1, 2.5 + 5 * Math.sqrt(revenue[i] / maxRevenue) + 1.4 * scoreRng.normal())
    );
    return [
      name(c),
      Math.round(attractiveness * 10) / 10,
      Math.round(strength * 10) / 10,
      Math.round(revenue[i]),
    ];
  });

  // Targets for the plan year: last year's revenue per region plus 8–14%, in round ten thousands.
  const byTeam = TEAMS.en.map(() => 0);
  for (const o of b.orders)
    if (o.date >= lastYearFrom) byTeam[b.customers[o.customer].team] += o.amount;
  const targetRows = TEAMS[lang].map((team, t) => [
    team,
    SAMPLE.planYear,
    Math.round((byTeam[t] * scoreRng.uniform(1.08, 1.14)) / 10000) * 10000,
  ]);

  const rows: Record<SampleFileName, (string | number | undefined)[][]> = {
    "orders.csv": orderRows,
    "opportunities.csv": oppRows,
    "monthly-sales.csv": salesRows,
    "portfolio.csv": portfolioRows,
    "targets.csv": targetRows,
    "stages.csv": STAGE_TABLE.map(([k, p, c]) => [STAGES[lang][k], p, c[lang]]),
  };
  return SAMPLE_FILES.map((f) => ({ name: f, text: csv(HEADERS[f][lang], rows[f], lang) }));
}

// ---------------------------------------------------------------------------------------------------
// The command

export const SAMPLE_HELP = `kam sample — write the sample data (CSV) that kam demo analyses

Usage:
  kam sample [--out DIR] [--force]

Options:
  --out DIR    Folder to write into (default: kam-sample). It gets en/ and zh/, each with
               ${SAMPLE_FILES.join(", ")}.
               The files are generated from a fixed seed: the same every time, and the same
               as the project's assets/sample.
  --force      Overwrite files that exist (otherwise an existing file is an error).
  --help       This text.

Exit status: 0 done, 1 a file could not be written, 2 bad usage.
`;

/** Runs `kam sample`; returns the exit status. */
export function runSample(args: readonly string[]): number {
  const options = parseOptions(args, { values: ["out"], flags: ["force"] });
  if (options.help) {
    process.stdout.write(SAMPLE_HELP);
    return 0;
  }
  const out = options.values.get("out") ?? "kam-sample";
  const force = options.flags.has("force");
  const files: { file: string; text: string }[] = [];
  for (const lang of ["en", "zh"] as const)
    for (const f of generateSample(lang))
      files.push({ file: path.join(out, lang, f.name), text: f.text });
  if (!force) {
    const existing = files.find((f) => fs.existsSync(f.file));
    if (existing)
      throw new InputProblem(`${existing.file} already exists; use --force to overwrite it`);
  }
  for (const f of files) {
    try {
      fs.mkdirSync(path.dirname(f.file), { recursive: true });
    } catch (e) {
      throw new InputProblem(
        `${path.dirname(f.file)}: cannot create the folder (${e instanceof Error ? e.message : String(e)})`
      );
    }
    writeOutput(f.file, f.text, force);
  }
  say("sample", `wrote ${files.length} files to ${out}`);
  return 0;
}
