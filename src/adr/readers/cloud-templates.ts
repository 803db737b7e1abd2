import { record } from "../../text/records.js";
import { difference, listed, reasonText, yamlMapping, type ReadFile, type Signal } from "./signal.js";

// CloudFormation's short-form intrinsics (!Ref, !Sub, !GetAtt...) are YAML tags no schema knows:
// dropped before parsing, since only the Resources' names and types matter here.
const intrinsicTag =
  /!(?:Ref|Sub|GetAtt|Join|Select|Split|If|Equals|Not|And|Or|FindInMap|Base64|Cidr|GetAZs|ImportValue|Condition|Transform)\b/g;

const document = (text: string | undefined) => yamlMapping(text, (cleaned) => cleaned.replace(intrinsicTag, ""));

/** Logical id -> resource type of a CloudFormation / SAM template (serverless.yml keeps them under resources.Resources). */
function resourcesOf(doc: Record<string, unknown> | undefined): Map<string, string> {
  const resources = record(doc?.Resources ?? record(doc?.resources).Resources);
  return new Map(Object.entries(resources).map(([id, body]) => [id, String(record(body).Type ?? "unknown")]));
}

/**
 * CloudFormation and SAM templates, Serverless Framework, Pulumi and CDK projects. A decision:
 * a resource added or removed or its type changed; a new project or stack file (Pulumi.yaml,
 * cdk.json, serverless.yml); the Serverless provider or runtime changed. Parameters, properties
 * and stack configuration values are not.
 */
export function readCloudTemplates(files: readonly ReadFile[]): Signal[] {
  const signals: Signal[] = [];
  for (const file of files) {
    const name = file.path.split("/").pop()!;
    const tool = /^Pulumi/.test(name)
      ? "pulumi"
      : name === "cdk.json"
        ? "aws cdk"
        : /^serverless\./.test(name)
          ? "serverless"
          : "cloudformation";
    const decide = (reason: string, technologies: string[] = []) =>
      signals.push({
        file: file.path,
        decision: true,
        reason: reasonText(reason),
        technologies: [tool, ...technologies],
      });
    if (file.before === undefined || file.after === undefined) {
      if (name === "Pulumi.yaml" || name === "cdk.json" || /^serverless\./.test(name) || tool === "cloudformation") {
        const types = [...resourcesOf(document(file.after ?? file.before)).values()];
        decide(
          `${file.after === undefined ? "removes" : "adds"} ${tool === "cloudformation" ? "a CloudFormation template" : `a ${tool} project`}${types.length > 0 ? ` (${listed([...new Set(types)])})` : ""}`,
          types,
        );
      } else
        signals.push({ file: file.path, decision: false, reason: `${tool} stack configuration`, technologies: [tool] });
      continue;
    }
    const before = document(file.before);
    const after = document(file.after);
    const old = resourcesOf(before);
    const next = resourcesOf(after);
    const { added, removed } = difference(old.keys(), next.keys());
    const retyped = [...next].filter(([id, type]) => old.has(id) && old.get(id) !== type);
    if (added.length > 0)
      decide(
        `adds ${listed(added.map((id) => `${id} (${next.get(id)})`))}`,
        added.map((id) => next.get(id)!),
      );
    if (removed.length > 0)
      decide(
        `removes ${listed(removed.map((id) => `${id} (${old.get(id)})`))}`,
        removed.map((id) => old.get(id)!),
      );
    if (retyped.length > 0)
      decide(
        `changes the type of ${listed(retyped.map(([id, type]) => `${id} to ${type}`))}`,
        retyped.map(([, type]) => type),
      );
    const provider = (doc: Record<string, unknown> | undefined) => {
      const value = record(doc?.provider);
      return [value.name, value.runtime].filter((part) => typeof part === "string").join(" ");
    };
    const runtime = (doc: Record<string, unknown> | undefined) => String(record(doc).runtime ?? "");
    if (tool === "serverless" && provider(before) !== provider(after))
      decide(`provider ${provider(before) || "none"} -> ${provider(after) || "none"}`);
    if (name === "Pulumi.yaml" && runtime(before) !== runtime(after))
      decide(`runtime ${runtime(before)} -> ${runtime(after)}`);
    if (added.length + removed.length + retyped.length === 0 && !signals.some((signal) => signal.file === file.path))
      signals.push({
        file: file.path,
        decision: false,
        reason: "properties or configuration only",
        technologies: [tool],
      });
  }
  return signals;
}
