// A tech_debt.json document of `count` items shaped like a real register (ids in order, a fifth
// resolved, titles with colons) and the summary its open items imply.
const priorities = ["critical", "high", "medium", "low"];
const quadrants = ["reckless_deliberate", "reckless_inadvertent", "prudent_deliberate", "prudent_inadvertent"];
const impacts = ["blocking_features", "causing_incidents", "slowing_onboarding", "accumulating"];

export function techDebtDocument(count) {
  const items = [];
  const summary = { critical: 0, high: 0, medium: 0, low: 0, totalEstimatedDays: 0 };
  for (let i = 0; i < count; i++) {
    const priority = priorities[i % 4];
    const resolved = i % 5 === 0;
    items.push({
      id: `debt_${String(i + 1).padStart(6, "0")}`,
      title: `Debt item ${i + 1}: replace the hand-rolled retry loop in service ${i % 97}`,
      description: "Found during the quarterly architecture review; blocks the move to the shared HTTP client.",
      quadrant: quadrants[i % 4],
      impact: impacts[(i >> 2) % 4],
      estimatedDays: (i % 10) + 1,
      priority,
      createdAt: "2025-03-10",
      resolvedAt: resolved ? "2025-10-20" : null,
    });
    if (!resolved) {
      summary[priority]++;
      summary.totalEstimatedDays += (i % 10) + 1;
    }
  }
  return { version: "1.0", lastUpdated: "2025-11-03", items, summary };
}
