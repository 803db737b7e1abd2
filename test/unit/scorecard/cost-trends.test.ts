import { describe, expect, it } from "@jest/globals";
import { costTrends } from "../../../src/scorecard/cost-trends.js";

const month = (name: string, spend: number, mrr: number, customers: number, database: number | null) => ({
  month: name,
  totalSpend: spend,
  mrr,
  activeCustomers: customers,
  utilization: { compute: 0.5, database },
});

describe("the cost picture month over month", () => {
  it("a healthy month: cost per customer falling, spend growing slower than revenue, database efficiency holding", () => {
    expect(costTrends([month("2025-09", 11800, 96000, 140, 0.3), month("2025-10", 12400, 101000, 151, 0.32)])).toEqual({
      facts: [
        "cost per customer $82.12, falling from $84.29 (2025-09; target: falling)",
        "spend grew 5.1%, revenue grew 5.2%",
        "database efficiency 32% (was 30%)",
      ],
      problems: [],
      judged: 3,
    });
  });

  it("the red flags: spend growing faster than revenue, cost per customer rising, data stored growing while accessed does not", () => {
    const trends = costTrends([month("2025-09", 10000, 100000, 100, 0.4), month("2025-10", 13000, 102000, 100, 0.25)]);
    expect(trends.problems).toEqual([
      "cost per customer $130.00, rising from $100.00 (2025-09; target: falling)",
      "spend grew 30% while revenue grew 2% (red flag: spend growing faster than revenue)",
      "database efficiency fell from 40% to 25% (red flag: data stored growing while data accessed does not)",
    ]);
  });

  it("one month: nothing to compare, the database efficiency reported", () => {
    expect(costTrends([month("2025-10", 12400, 101000, 151, 0.3)])).toEqual({
      facts: ["database efficiency 30% (data accessed / stored)"],
      problems: [],
      judged: 0,
    });
  });
});
