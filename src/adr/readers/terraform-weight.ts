/**
 * What a Terraform block weighs. A staff engineer asks for an ADR when a configuration brings in
 * something others must live with (a datastore, a cluster, a network, a workload, a trust
 * model), not for the supporting resources around it: policies and their attachments, alarms
 * and logs, parameter groups, bucket settings, DNS records, random values.
 */

/** Resource types that support something else: adding or removing one is housekeeping. */
const supporting = new RegExp(
  [
    // Identity plumbing: policies, bindings, attachments, profiles (a new trust model shows in the role's users, not here).
    String.raw`_iam_(?:policy|role_policy|policy_attachment|role_policy_attachment|member|binding|role|user_policy|instance_profile|service_account_key)`,
    String.raw`_iam_policy_document$`,
    String.raw`_(?:role|policy)_(?:assignment|attachment|binding)$|_association$`,
    // Monitoring and notifications around what exists.
    String.raw`cloudwatch|_alarm|_dashboard|monitor|_log_(?:group|stream|bucket|sink|metric)|logging`,
    String.raw`_sns_topic|_event_(?:rule|target|subscription)|_eventbridge_|_notification|_alert`,
    // Settings of a datastore or a bucket, not the datastore.
    String.raw`_parameter_group$|_option_group$|_subnet_group$|_cluster_parameter_group$`,
    String.raw`_bucket_(?!$)\w+`,
    // Network rules and records inside a network that exists.
    String.raw`_security_group_rule$|_(?:ingress|egress)_rule$|_firewall_rule$|_record$|_record_set$|_dns_record`,
    String.raw`_authorize_vpc_endpoint_access$|_route$|_route_table_association$`,
    // Values and glue.
    String.raw`^(?:random|time|null|local|tls|archive|external|http)_|^terraform_data$|_secret_version$|_ssm_parameter$|_variable(?:_set)?$|^tfe_|_tag$|_tags$`,
    String.raw`^kubernetes_(?:namespace|service_account|cluster_role|role|config_map|secret|annotations|labels)`,
  ].join("|"),
);

/** A resource type that supports others (not a decision by itself). */
export const isSupporting = (type: string) => supporting.test(type);

/**
 * `var.enable_x ? 1 : 0`, `local.create ? 1 : 0`, `for_each = var.on ? {...} : {}`: created only
 * when a user opts in. A comparison (`var.environment == "integration" ? 1 : 0`) picks where it
 * runs: that is no opt-in.
 */
export const optInFlag = (body: string): string | undefined =>
  /^[ \t]*(?:count|for_each)\s*=\s*(?:!\s*)?((?:var|local)\.[\w.]+)\s*\?/m.exec(body)?.[1];

/**
 * A release line as a number: the major from 1.0 on; before 1.0 each minor is its own line
 * (semantic versioning: Terraform 0.11 -> 0.12 broke every configuration), kept below 1 as
 * thousandths (0.12 -> 0.012) so that lines still order.
 */
const releaseLine = (major: number, minor: number | undefined) => (major > 0 ? major : (minor ?? 0) / 1000);

/** The highest line `< v` (or `<= v`) allows: `< 8` -> 7, `< 7.5` -> 7, `< 0.14` -> 0.13, `< 1.0` -> 0.999. */
function lineBelow(major: number, minor: number, patch: number, inclusive: boolean): number {
  // `< 7.5` still allows 7.4, `< 0.14.2` still allows 0.14.1: the line of the bound itself.
  const boundLineIncluded = inclusive || (major > 0 ? minor > 0 || patch > 0 : patch > 0);
  if (boundLineIncluded) return releaseLine(major, minor);
  if (major > 1) return major - 1;
  return major === 1 ? 0.999 : releaseLine(0, Math.max(0, minor - 1));
}

/**
 * The release lines a version constraint allows, lowest and highest (Infinity: no ceiling).
 * `>= 4.65` -> 4 to Infinity; `~> 5.0` -> 5 to 5; `>= 0.12.6, < 0.14` -> 0.12 to 0.13.
 */
export function allowedMajors(constraint: string): { from: number; to: number } | undefined {
  let from: number | undefined;
  let to = Number.POSITIVE_INFINITY;
  for (const part of constraint.split(",")) {
    const match = /^\s*(~>|>=|>|<=|<|=|!=)?\s*v?(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(part);
    if (!match) continue;
    const operator = match[1] ?? "=";
    const major = Number(match[2]);
    const minor = match[3] === undefined ? undefined : Number(match[3]);
    if (operator === "=") from = to = releaseLine(major, minor);
    else if (operator === "~>") {
      // `~> 5` lets the major move; `~> 5.1` the minor (line 5, or 0.12 to 0.999 before 1.0); `~> 0.12.6` the patch.
      from = releaseLine(major, minor);
      to = minor === undefined ? Number.POSITIVE_INFINITY : match[4] !== undefined || major > 0 ? from : 0.999;
    } else if (operator === ">=" || operator === ">") from = Math.max(from ?? 0, releaseLine(major, minor));
    else if (operator === "<" || operator === "<=")
      to = Math.min(to, lineBelow(major, minor ?? 0, Number(match[4] ?? 0), operator === "<="));
  }
  return from === undefined && to === Number.POSITIVE_INFINITY ? undefined : { from: from ?? 0, to };
}

/** 7 -> "7"; 0.012 -> "0.12"; 0.999 (any 0.x) -> "0.x". */
const lineText = (line: number) => (line >= 1 ? `${line}` : line === 0.999 ? "0.x" : `0.${Math.round(line * 1000)}`);

export const majorsText = ({ from, to }: { from: number; to: number }) =>
  to === Number.POSITIVE_INFINITY
    ? `${lineText(from)}+`
    : from === to
      ? lineText(from)
      : `${lineText(from)}-${lineText(to)}`;

/**
 * Attributes that pin a datastore engine's version: `engine_version = "13"`, `database_version =
 * "POSTGRES_14"`, `family = "postgres13"`, and locals or inputs named for one (`rds_engine_version`).
 * The value is every quoted string of the line: a pin chosen per environment (`var.env == "dev" ?
 * "16.8" : "13.20"`) pins each of them.
 */
const engineVersionLine =
  /^[ \t]*"?((?:\w+_)?engine_version|(?:\w+_)?database_version|engine_params_family|parameter_group_family|family|(?:postgres|postgresql|mysql|redis|elasticsearch|opensearch|kafka|mongodb)_version|version)"?[ \t]*[=:][ \t]*(\S[^\n]*)/;

/** The quoted versions of a value (`"13"`, or each branch of a conditional, not the `"development"` it tests); none when it is a reference. */
const quotedValues = (value: string) =>
  [...value.matchAll(/"([^"\n]*)"/g)].map((match) => match[1]!).filter((quoted) => /\d/.test(quoted));

/** Azure's database servers pin their engine with a plain `version = "13"`: read only in files that declare one (modules and providers have versions too). */
const plainVersionEngines =
  /\bresource\s+"azurerm_(?:postgresql|mysql|mariadb)_(?:flexible_)?server"|\bresource\s+"azurerm_redis_cache"/;

/** The engine's major in a version pin: "14.18" -> 14; "POSTGRES_14" -> 14; "postgres13" -> 13; "8.0.mysql_aurora.3.02" -> 8. */
const engineMajor = (value: string) => /(\d+)/.exec(value)?.[1];

/**
 * Datastore engine majors changed in place: a pin's line replaced by one naming another major
 * (`engine_version = "13"` -> `"14.18"`). New blocks (a parameter group prepared for an
 * upgrade) pin nothing that was there before, so only replaced lines count.
 */
export function engineMajorChanges(before: string, after: string): string[] {
  // Lines counted, not just compared: five databases on 13 and one of them moved leave one "13" line fewer.
  const counts = (text: string) => {
    const counted = new Map<string, number>();
    for (const line of text.split("\n")) counted.set(line.trim(), (counted.get(line.trim()) ?? 0) + 1);
    return counted;
  };
  const old = counts(before);
  const next = counts(after);
  const only = (mine: Map<string, number>, theirs: Map<string, number>) =>
    [...mine].flatMap(([line, count]) => Array<string>(Math.max(0, count - (theirs.get(line) ?? 0))).fill(line));
  const plainVersionCounts = plainVersionEngines.test(after);
  const pins = (lines: string[]) =>
    lines.flatMap((line) => {
      const match = engineVersionLine.exec(line);
      const values = match ? quotedValues(match[2]!) : [];
      if (!match || values.length === 0) return [];
      // A plain `version` is an engine's only as a bare number ("13", "8.0"): not a constraint (`~> 3.0`) or a module release.
      if (match[1] === "version" && (!plainVersionCounts || !values.every((value) => /^\d+(?:\.\d+)?$/.test(value))))
        return [];
      const majors = [...new Set(values.map(engineMajor))].sort().join("/");
      return [{ key: match[1]!, major: majors, value: values.join(" or ") }];
    });
  const removed = pins(only(old, next));
  const added = pins(only(next, old));
  const changes: string[] = [];
  for (const pin of added) {
    const index = removed.findIndex((candidate) => candidate.key === pin.key);
    if (index < 0) continue;
    const [previous] = removed.splice(index, 1);
    if (previous!.major !== undefined && pin.major !== undefined && previous!.major !== pin.major)
      changes.push(`${pin.key} ${previous!.value} -> ${pin.value}`);
  }
  return [...new Set(changes)];
}
