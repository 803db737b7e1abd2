import { describe, expect, it } from "@jest/globals";
import { proposeServices } from "../../../src/discovery/services.js";

const packages = [
  { directory: "packages/vite", name: "vite", version: "8.2.2" },
  { directory: "packages/create-vite", name: "create-vite", version: "9.1.2" },
  { directory: "packages/plugin-legacy", name: "@vitejs/plugin-legacy", version: "8.2.3" },
  { directory: "docs", name: "docs" },
];

describe("services proposed for a workspace monorepo", () => {
  it("one per package with its own release tags (by name or directory), and the package the plain tags release", () => {
    const tags = [
      "v8.2.1",
      "v8.2.2",
      "create-vite@9.1.1",
      "create-vite@9.1.2",
      "plugin-legacy@8.2.2",
      "plugin-legacy@8.2.3",
    ];
    expect(proposeServices(packages, tags)).toEqual([
      {
        name: "vite",
        paths: ["packages/vite/**"],
        reason: "2 release-shaped tags, one of them v8.2.2, the version of packages/vite/package.json",
      },
      {
        name: "create-vite",
        paths: ["packages/create-vite/**"],
        tagPattern: "create-vite@*",
        reason: "2 tags create-vite@<version>, the newest create-vite@9.1.2",
      },
      {
        name: "@vitejs/plugin-legacy",
        paths: ["packages/plugin-legacy/**"],
        tagPattern: "plugin-legacy@*",
        reason: "2 tags plugin-legacy@<version>, the newest plugin-legacy@8.2.3",
      },
    ]);
  });

  it("nothing for one release train, or a package tagged once", () => {
    expect(proposeServices(packages, ["v8.2.1", "v8.2.2"])).toEqual([]);
    expect(proposeServices(packages, ["v8.2.2", "create-vite@9.1.2"])).toEqual([]);
  });
});
