import { clean, difference, listed, reasonText, type ReadFile, type Signal } from "./signal.js";

/**
 * Resources declared in Pulumi or CDK programs: `new gcp.sql.DatabaseInstance("main", ...)`,
 * `new rds.DatabaseInstance(this, "Db", ...)`, and the Python forms without `new`
 * (`aws.s3.Bucket("logs")`, `s3.Bucket(self, "Logs")`). Type and name identify a resource.
 */
const constructs = [
  /\bnew\s+([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+)\s*\(\s*(?:this\s*,\s*)?["'`]([^"'`\n]+)["'`]/g,
  /(?<![\w.])([a-z_][\w]*(?:\.[a-z_][\w]*)*\.[A-Z]\w*)\s*\(\s*(?:self\s*,\s*)?["']([^"'\n]+)["']/g,
];

/** A diff line that declares cloud resources in code (the signal that a code file is infrastructure). */
export const declaresResourcesInCode = (patch: string | undefined) =>
  /^[+-].*\bnew\s+(?:aws|gcp|azure|azure_native|azuread|k8s|kubernetes|cloudflare|digitalocean|docker|random)\.\w+\.\w+\s*\(/m.test(
    patch ?? "",
  ) ||
  /^[+-].*\bnew\s+\w+\.\w+\s*\(\s*this\s*,\s*["'`]/m.test(patch ?? "") ||
  /^[+-].*\b(?:aws|gcp|azure|azure_native)\.\w+\.[A-Z]\w*\s*\(\s*["']/m.test(patch ?? "") ||
  /^[+-].*\b\w+\.[A-Z]\w*\s*\(\s*self\s*,\s*["']/m.test(patch ?? "");

const isCodePath = (path: string) => /\.(ts|js|mjs|py|go|cs|java)$/.test(path);
export { isCodePath };

function resourcesIn(text: string | undefined): Map<string, string> {
  const found = new Map<string, string>();
  const cleaned = clean(text) ?? "";
  for (const pattern of constructs)
    for (const match of cleaned.matchAll(pattern)) {
      const type = match[1]!;
      // Constructs are capitalised (`s3.Bucket`); `console.log("x")` and `path.join("a")` are not resources.
      if (!/\.[A-Z]\w*$/.test(type)) continue;
      found.set(`${type} "${match[2]}"`, type);
    }
  return found;
}

/**
 * Infrastructure written as code (Pulumi, AWS CDK). A decision: a resource construct added or
 * removed. Changed arguments (sizes, timeouts, tags) are not.
 *
 * Example: `new gcp.sql.DatabaseInstance("orders", {...})` added -> "adds gcp.sql.DatabaseInstance "orders"";
 * `memorySize: 512 -> 1024` on an existing `lambda.Function` -> not a decision.
 */
/** A Pulumi or CDK program imports its SDK: an import line (TypeScript, Python, Go, Java, .NET), not a mention. */
const sdkImport = new RegExp(
  [
    String.raw`^[ \t]*import\s[^\n]*["'](?:@pulumi\/|aws-cdk-lib|@aws-cdk\/)`,
    String.raw`^[ \t]*(?:const|let|var)\s[^\n]*require\(\s*["'](?:@pulumi\/|aws-cdk-lib|@aws-cdk\/)`,
    String.raw`^[ \t]*(?:import|from)\s+(?:pulumi|aws_cdk)\b`,
    String.raw`^[ \t]*(?:import\s+)?(?:\w+\s+)?"github\.com\/(?:pulumi\/pulumi|aws\/aws-cdk-go)`,
    String.raw`^[ \t]*import\s+software\.amazon\.awscdk`,
    String.raw`^[ \t]*using\s+(?:Pulumi|Amazon\.CDK)\b`,
  ].join("|"),
  "m",
);
const importsInfrastructureSdk = (text: string | undefined) => sdkImport.test(text ?? "");

export function readInfrastructureCode(files: readonly ReadFile[]): Signal[] {
  return files.map((file) => {
    // Code that merely looks like a construct call (an example in a comment, `new Intl.DateTimeFormat("en")`) is not a program.
    if (!importsInfrastructureSdk(file.after) && !importsInfrastructureSdk(file.before))
      return {
        file: file.path,
        decision: false,
        reason: "code that imports no Pulumi or CDK SDK",
        technologies: [],
      };
    const old = resourcesIn(file.before);
    const next = resourcesIn(file.after);
    const { added, removed } = difference(old.keys(), next.keys());
    const parts = [
      ...(added.length > 0 ? [`adds ${listed(added)}`] : []),
      ...(removed.length > 0 ? [`removes ${listed(removed)}`] : []),
    ];
    const technologies = [...new Set([...added.map((key) => next.get(key)!), ...removed.map((key) => old.get(key)!)])];
    return parts.length > 0
      ? {
          file: file.path,
          decision: true,
          reason: reasonText(parts.join("; ")),
          technologies: ["infrastructure as code", ...technologies],
        }
      : {
          file: file.path,
          decision: false,
          reason: "arguments of existing resources only",
          technologies: ["infrastructure as code"],
        };
  });
}
