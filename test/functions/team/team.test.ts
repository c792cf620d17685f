/* global globalThis */
import { describe, test, expect, beforeAll, afterEach } from "@jest/globals";
import { revenueBridge } from "../../../src/functions/revenueBridge";
import { winRate } from "../../../src/functions/winRate";
import { salesVelocity } from "../../../src/functions/salesVelocity";
import { at, col, installCustomFunctions } from "../../support/customFunctions";
import { errorOf } from "../../support/errorOf";

/** Excel passes null for an omitted optional argument. */
const OMITTED = null as unknown as undefined;

beforeAll(() => {
  installCustomFunctions();
});
afterEach(() => {
  delete (globalThis as { Office?: unknown }).Office;
});

describe("KAM.REVENUE_BRIDGE", () => {
  // Jan: A 100, B 50. Feb: A 120, C 30 (B churned). Mar: A 90, B 10 (returning), C 30.
  const customers = col("Customer", "A", "B", "A", "C", "A", "B", "C");
  const dates = col(
    "Date",
    "2024-01-03",
    "2024-01-09",
    "2024-02-01",
    "2024-02-02",
    "2024-03-03",
    "2024-03-04",
    "2024-03-05"
  );
  const amounts = col("Amount", 100, 50, 120, 30, 90, 10, 30);
  test("rows add up, hand-computed", () => {
    const out = revenueBridge(customers, dates, amounts);
    expect(out[0]).toEqual([
      "Period",
      "Start",
      "New",
      "Expansion",
      "Contraction",
      "Churned",
      "End",
      "NRR",
      "GRR",
    ]);
    expect(out[1]).toEqual(["2024-02", 150, 30, 20, 0, 50, 150, 120 / 150, 100 / 150]);
    expect(out[2]).toEqual(["2024-03", 150, 10, 0, 30, 0, 130, 120 / 150, 120 / 150]);
  });
  test("quarter grain (季度): a single quarter is an error (an empty result Excel cannot show); a bad grain is named", () => {
    expect(errorOf(() => revenueBridge(customers, dates, amounts, "季度", false))).toBe(
      "KAM.REVENUE_BRIDGE: dates: every order falls in one quarter: a bridge needs orders in at least two periods"
    );
    expect(errorOf(() => revenueBridge(customers, dates, amounts, "fortnight"))).toMatch(
      /^KAM\.REVENUE_BRIDGE: grain: "fortnight" is not one of month, quarter, year, week/
    );
  });
  test("a bad amount names the cell", () => {
    expect(
      errorOf(() =>
        revenueBridge(
          col("A", "B"),
          col(45300, 45301),
          col(1, "x"),
          OMITTED,
          OMITTED,
          at("A1:A2", "B1:B2", "C1:C2")
        )
      )
    ).toMatch(/^KAM\.REVENUE_BRIDGE: amounts, row 2 \(C2\): "x" is not a number/);
  });
});

describe("KAM.WIN_RATE", () => {
  test("per group by count and value, against hand counts", () => {
    const out = winRate(
      col("Outcome", "Won", "Lost", "赢单", null, "Closed Lost", "进行中"),
      col("Rep", "Ann", "Ann", "Bob", "Bob", "Bob", "Ann"),
      col("Amount", 100, 300, 50, null, 25, 7)
    );
    expect(out).toEqual([
      [
        "Group",
        "Won",
        "Lost",
        "Open",
        "Win rate",
        "Won amount",
        "Closed amount",
        "Win rate by value",
      ],
      ["Ann", 1, 1, 1, 0.5, 100, 400, 0.25],
      ["Bob", 1, 1, 1, 0.5, 50, 75, 50 / 75],
      ["All", 2, 2, 2, 0.5, 150, 475, 150 / 475],
    ]);
  });
  test("an unknown outcome is named with its row", () => {
    expect(
      errorOf(() => winRate(col("Won", "maybe"), OMITTED, OMITTED, OMITTED, at("E2:E3")))
    ).toBe(
      'KAM.WIN_RATE: outcomes, row 2 (E3): "maybe" is not an outcome; write Won, Lost, or Open (or leave it blank) for a deal still open'
    );
  });
});

describe("KAM.SALES_VELOCITY", () => {
  test("velocity = open × win rate × average won ÷ cycle, per owner", () => {
    // Ann: won 1000 (10 days), lost (30 days), two open created 2024-01-21 and 2024-01-31.
    // As of 2024-02-10 (the latest date): open ages 20 and 10 days.
    const out = salesVelocity(
      col("Rep", "Ann", "Ann", "Ann", "Ann", null),
      col("Outcome", "Won", "Lost", null, "Open", "Won"),
      col("Amount", 1000, 0, null, 500, 200),
      col("Created", "2024-01-01", "2024-01-01", "2024-01-21", "2024-01-31", "2024-02-01"),
      col("Closed", "2024-01-11", "2024-01-31", null, null, "2024-02-10"),
      false
    );
    expect(out[0]).toEqual(["Ann", 2, 1, 1, 0.5, 1000, 20, (2 * 0.5 * 1000) / 20, 15]);
    expect(out[1]).toEqual(["(no owner)", 0, 1, 0, 1, 200, 9, 0, ""]);
    expect(out[2]).toEqual([
      "All",
      2,
      2,
      1,
      2 / 3,
      600,
      (10 + 30 + 9) / 3,
      (2 * (2 / 3) * 600) / (49 / 3),
      15,
    ]);
  });
  test("a close before its created date is named", () => {
    expect(
      errorOf(() =>
        salesVelocity(
          col("A"),
          col("Won"),
          col(1),
          col("2024-01-05"),
          col("2024-01-01"),
          OMITTED,
          at("A2", "B2", "C2", "D2", "E2")
        )
      )
    ).toBe(
      "KAM.SALES_VELOCITY: closed, row 1 (E2): closes on 2024-01-01, before its created date 2024-01-05"
    );
  });
});
