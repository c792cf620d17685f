import { describe, test, expect } from "@jest/globals";
import { wonAmountByProduct } from "../../../src/engine/pipeline/estimate";

describe("wonAmountByProduct", () => {
  test("the mean of the won deals with an amount, per product as written (trimmed)", () => {
    const products = ["GTX Pro", " GTX Pro ", "MG Special", "GTX Pro", "", "MG Special", "Zeta"];
    const amounts = [4000, 5000, 50, null, 999, 60, 10];
    const won = [true, true, true, true, true, false, false];
    const basis = wonAmountByProduct(products, amounts, won);
    // GTX Pro: 4000 and 5000 won with an amount (the third has none); MG Special: 50 (60 not won);
    // the blank product and Zeta (never won) have no basis.
    expect([...basis.entries()]).toEqual([
      ["GTX Pro", { won: 2, mean: 4500 }],
      ["MG Special", { won: 1, mean: 50 }],
    ]);
  });
});
