import type { OrgRepository } from "../org/plan-shards.js";
import type { BranchView, ConfigView, DeliveryView, FileView, IncidentView, SecurityView } from "./repository-view.js";

/** What the organisation scorecard reads of one repository: what the repository scorecard reads, and its config. */
type ScoredRepositoryView = FileView & ConfigView & BranchView & DeliveryView & IncidentView & SecurityView;

/** An organisation as the organisation scorecard sees it: its repositories, and a view of each. */
export interface OrgView {
  /** Every repository of the organisation the token reaches, archived and forks included (the planner filters). */
  listRepositories(organization: string): Promise<OrgRepository[]>;
  /** A view of one repository; its reads may be merged with other repositories' into one request. */
  repository(fullName: string): ScoredRepositoryView;
}
