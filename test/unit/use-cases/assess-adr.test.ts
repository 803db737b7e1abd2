import { describe, expect, it } from "@jest/globals";
import type { ChangedFile, FileView } from "../../../src/ports/repository-view.js";
import { defaultConfig } from "../../../src/schemas/config.js";
import { assessAdrNeed } from "../../../src/use-cases/assess-adr.js";

/** A repository at two commits: `base` and `head`, each a map of path -> text; directories are listed from the paths. */
function view(commits: Record<"base" | "head", Record<string, string>>): FileView {
  return {
    readContents: async (ref, wanted) => {
      const tree = commits[ref as "base" | "head"];
      const listing = (directory: string) =>
        Object.keys(tree)
          .filter((path) => (directory ? path.startsWith(`${directory}/`) : true))
          .map((path) => (directory ? path.slice(directory.length + 1) : path))
          .filter((rest) => !rest.includes("/"));
      return {
        files: new Map(
          (wanted.files ?? [])
            .filter((path) => tree[path] !== undefined)
            .map((path) => [path, { path, byteSize: tree[path]!.length, text: tree[path]! }]),
        ),
        directories: new Map((wanted.directories ?? []).map((directory) => [directory, listing(directory)])),
      };
    },
  };
}

const optionGroupCall =
  '\nmodule "option_group" {\n  source = "./modules/option_group"\n  create = local.create_option_group\n  name   = var.identifier\n}\n';
const instanceCall = 'module "instance" {\n  source     = "./modules/instance"\n  identifier = var.identifier\n}\n';
const variables = 'variable "identifier" {\n  type = string\n}\n';
const changed: ChangedFile[] = [{ path: "main.tf", status: "modified", additions: 6, deletions: 0 }];

async function assess(siblings: Record<string, string>) {
  const base = { "main.tf": instanceCall, ...siblings };
  const head = { "main.tf": instanceCall + optionGroupCall, ...siblings };
  return assessAdrNeed(view({ base, head }), {
    change: { baseSha: "base", headSha: "head" },
    changed,
    config: defaultConfig(),
    readAdrs: "when-suggesting",
  });
}

describe("assessAdrNeed reads what kind of Terraform directory changed", () => {
  it("a module wired into a reusable module's root (variables, no provider settings) is its users' option", async () => {
    const assessment = await assess({
      "variables.tf": variables,
      "versions.tf": 'terraform {\n  required_version = ">= 1.0"\n}\n',
    });
    expect(assessment.suggested).toBe(false);
    expect(assessment.seen[0]?.reason).toBe("adds module.option_group: inside a reusable module (its users decide)");
  });

  it("the same module added to a deployed configuration (it configures its provider) is deployed: an ADR is asked for", async () => {
    const assessment = await assess({
      "variables.tf": variables,
      "providers.tf": 'provider "aws" {\n  region = "eu-west-1"\n}\n',
    });
    expect(assessment.suggested).toBe(true);
    expect(assessment.changes.map((change) => change.reason)).toEqual(["adds module.option_group"]);
  });
});
