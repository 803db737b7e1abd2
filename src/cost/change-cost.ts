import { posix } from "node:path";
import { terraformResources, type TerraformResource } from "../text/terraform-resources.js";
import { estimateLabel, priceResource, providerOf, type ResourcePrice } from "./estimate.js";
import type { Provider } from "./price-table.js";

/** A resource whose monthly cost the change moves: added (+), removed (-), resized (the difference). */
export interface CostItem {
  file: string;
  /** The address as the code names it: `aws_instance.api`. */
  resource: string;
  monthlyDelta: number;
  /** How the figure was reached: the list prices and quantities, or the tool that said it. */
  basis: string;
}

/** A resource that has, or could have, a price the estimate does not know: listed, never guessed. */
interface UnknownCost {
  file: string;
  resource: string;
  why: string;
}

/** The cost of a change, by Infracost or by the price table. */
export interface ChangeCost {
  monthlyDelta: number;
  currency: string;
  source: "infracost" | "estimate";
  items: CostItem[];
  unknown: UnknownCost[];
  /** How the estimate's prices are labelled, per provider ("list price, us-east-1, 2026-12-05"); empty for Infracost. */
  labels: string[];
}

/** A Terraform file of the change, both versions. */
export interface TerraformFileChange {
  path: string;
  previousPath?: string;
  before?: string;
  after?: string;
}

interface Side {
  resources: Map<string, TerraformResource>;
  regions: Map<string, string>;
}

/** A resource's key: its module directory and address, so a block moved between files of one module is the same resource. */
const keyOf = (resource: TerraformResource) => `${posix.dirname(resource.file)}:${resource.address}`;

function read(files: readonly TerraformFileChange[], side: "before" | "after"): Side {
  const resources = new Map<string, TerraformResource>();
  const regions = new Map<string, string>();
  for (const file of files) {
    const text = file[side];
    if (text === undefined) continue;
    const read = terraformResources(side === "before" ? (file.previousPath ?? file.path) : file.path, text);
    for (const resource of read.resources)
      resources.set(keyOf({ ...resource, file: file.path }), { ...resource, file: file.path });
    for (const [provider, region] of read.regions) if (!regions.has(provider)) regions.set(provider, region);
  }
  return { resources, regions };
}

const round = (usd: number) => Math.round(usd * 100) / 100;

type Verdict = { item: CostItem } | { unknown: UnknownCost } | undefined;

/** What one resource's change adds to the estimate. */
function judge(before: TerraformResource | undefined, after: TerraformResource | undefined): Verdict {
  const resource = (after ?? before)!;
  const was = before ? priceResource(before) : undefined;
  const now = after ? priceResource(after) : undefined;
  const base = { file: resource.file, resource: resource.address };
  const unknown = (price: ResourcePrice | undefined) => (price?.kind === "unknown" ? price.why : undefined);
  if (before && after && before.code === after.code) return undefined;
  if (was?.kind === "free" || now?.kind === "free" || (!was && !now)) return undefined;
  const why = unknown(now) ?? unknown(was);
  if (why) return { unknown: { ...base, why } };
  if (!before || !after) {
    const price = (was ?? now)!;
    const sign = before ? -1 : 1;
    const verb = before ? "removed" : "added";
    if (price.kind === "usage")
      return { item: { ...base, monthlyDelta: 0, basis: `${verb}; ${price.basis}, no fixed monthly price` } };
    if (price.kind !== "priced") return undefined;
    return { item: { ...base, monthlyDelta: round(sign * price.monthly), basis: `${verb}: ${price.basis}` } };
  }
  if (was?.kind !== "priced" || now?.kind !== "priced" || round(was.monthly) === round(now.monthly)) return undefined;
  return {
    item: { ...base, monthlyDelta: round(now.monthly - was.monthly), basis: `resized: ${was.basis} → ${now.basis}` },
  };
}

/**
 * The offline estimate of a change's monthly cost: every resource added, removed or resized in
 * its Terraform files, priced by the list-price table. Null when the change touches no resource
 * that has a price or could have one.
 */
export function estimateChangeCost(files: readonly TerraformFileChange[]): ChangeCost | null {
  const before = read(files, "before");
  const after = read(files, "after");
  const items: CostItem[] = [];
  const unknown: UnknownCost[] = [];
  const keys = new Set([...before.resources.keys(), ...after.resources.keys()]);
  const providers = new Set<Provider>();
  for (const key of keys) {
    const verdict = judge(before.resources.get(key), after.resources.get(key));
    if (!verdict) continue;
    const provider = providerOf(key.slice(key.indexOf(":") + 1));
    if (provider) providers.add(provider);
    if ("item" in verdict) items.push(verdict.item);
    else unknown.push(verdict.unknown);
  }
  if (items.length === 0 && unknown.length === 0) return null;
  const providerKey: Record<Provider, string> = { aws: "aws", google: "google", azure: "azurerm" };
  const labels = [...providers].sort().map((provider) => {
    const region = after.regions.get(providerKey[provider]) ?? before.regions.get(providerKey[provider]);
    return estimateLabel(provider, region);
  });
  return {
    monthlyDelta: round(items.reduce((total, item) => total + item.monthlyDelta, 0)),
    currency: "USD",
    source: "estimate",
    items,
    unknown,
    labels,
  };
}
