import { baseName } from "../text.js";
import type { Dependency, Manifest } from "./manifest.js";
import { dependency } from "./manifest.js";

const attribute = (tag: string, name: string) => new RegExp(`\\b${name}\\s*=\\s*"([^"]+)"`).exec(tag)?.[1];

/**
 * A .csproj / .fsproj: its SDK (`Microsoft.NET.Sdk.Web` is ASP.NET Core), package and framework
 * references. NuGet ids compare case-insensitively, so they are lower-cased. A test project
 * (`<IsTestProject>`, or Microsoft.NET.Test.Sdk) is not application code.
 */
export function readDotnetProject(path: string, text: string): Manifest {
  const deps: Dependency[] = [];
  const project = /<Project\b[^>]*>/.exec(text)?.[0] ?? "";
  const sdk = attribute(project, "Sdk");
  if (sdk) deps.push({ ...dependency(sdk.toLowerCase(), false), via: "SDK" });
  for (const match of text.matchAll(/<(PackageReference|FrameworkReference)\b[^>]*>/g)) {
    const name = attribute(match[0], "Include") ?? attribute(match[0], "Update");
    if (!name) continue;
    const entry = dependency(name.toLowerCase(), false);
    deps.push(match[1] === "FrameworkReference" ? { ...entry, via: "framework reference" } : entry);
  }
  const test =
    /<IsTestProject>\s*true\s*<\/IsTestProject>/i.test(text) ||
    deps.some((dep) => dep.name === "microsoft.net.test.sdk");
  return {
    path,
    ecosystem: "dotnet",
    dependencies: deps,
    language: baseName(path).endsWith(".fsproj") ? "F# (.NET)" : "C# (.NET)",
    role: test ? "test" : "application",
  };
}
