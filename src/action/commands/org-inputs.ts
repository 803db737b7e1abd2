import * as core from "@actions/core";
import type { OrgFilters } from "../../org/plan-shards.js";

/** A list input: comma- or newline-separated, blanks dropped. */
const listInput = (name: string) =>
  core
    .getInput(name)
    .split(/[,\n]/)
    .map((item) => item.trim())
    .filter(Boolean);

export function orgFilters(): OrgFilters {
  const filters: OrgFilters = {};
  const topics = listInput("topics");
  const include = listInput("include");
  const exclude = listInput("exclude");
  const repositories = listInput("repositories");
  if (topics.length > 0) filters.topics = topics;
  if (include.length > 0) filters.include = include;
  if (exclude.length > 0) filters.exclude = exclude;
  if (repositories.length > 0) filters.repositories = repositories;
  return filters;
}

export function windowDays(): number {
  const text = core.getInput("window-days") || "90";
  const days = Number(text);
  if (!Number.isInteger(days) || days < 1 || days > 3650)
    throw new Error(`input window-days must be a whole number of days from 1 to 3650, not "${text}"`);
  return days;
}
