/** What an incident issue has been through, as the repository view reads it (times in epoch ms). */
export interface IssueHistory {
  issue: {
    number: number;
    title: string;
    body: string;
    url: string;
    createdAt: number;
    closedAt: number | null;
    state: "open" | "closed";
    stateReason: "completed" | "not_planned" | "reopened" | "duplicate" | null;
    labels: string[];
    /** GitHub's author association of the reporter (absent when the source does not say): never a permission. */
    association?: string;
    /** The reporter's login (absent when the source does not say: then their commands do not count). */
    author?: string;
  };
  /** Oldest first, with their bodies as they are now (an edit is already applied, a deleted comment is absent). */
  comments: IssueComment[];
  /** Label changes, closes and reopens, oldest first. */
  events: IssueEvent[];
}

export interface IssueComment {
  id: number;
  url: string;
  body: string;
  author: string;
  /** Apps and other bots: their comments are never commands. */
  authorIsBot: boolean;
  /** GitHub's author association (OWNER, MEMBER, ...): says nothing of write access, which the permission check decides. */
  association: string;
  createdAt: number;
}

export type IssueEvent =
  | { kind: "labeled" | "unlabeled"; label: string; at: number }
  | { kind: "closed"; at: number; reason: "completed" | "not_planned" | "duplicate" | null }
  | { kind: "reopened"; at: number };
