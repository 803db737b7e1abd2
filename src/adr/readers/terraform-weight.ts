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
  /^\s*(?:count|for_each)\s*=\s*(?:!\s*)?((?:var|local)\.[\w.]+)\s*\?/m.exec(body)?.[1];

/** Majors a version constraint allows: `>= 6.42.0, < 7` -> 6..6; `~> 5.0` -> 5..5; `>= 4.0` -> 4..∞. */
export function allowedMajors(constraint: string): { from: number; to: number } | undefined {
  let from: number | undefined;
  let to = Number.POSITIVE_INFINITY;
  for (const part of constraint.split(",")) {
    const match = /^\s*(~>|>=|>|<=|<|=|!=)?\s*v?(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(part);
    if (!match) continue;
    const operator = match[1] ?? "=";
    const major = Number(match[2]);
    const minor = match[3];
    if (operator === "=" || operator === "~>") {
      from = major;
      // `~> 5.0` lets the minor move (5 only); `~> 5` lets the major itself move.
      to = operator === "~>" && minor === undefined ? Number.POSITIVE_INFINITY : major;
    } else if (operator === ">=" || operator === ">") from = Math.max(from ?? 0, major);
    else if (operator === "<") to = Math.min(to, minor === undefined || Number(minor) === 0 ? major - 1 : major);
    else if (operator === "<=") to = Math.min(to, major);
  }
  return from === undefined && to === Number.POSITIVE_INFINITY ? undefined : { from: from ?? 0, to };
}

export const majorsText = ({ from, to }: { from: number; to: number }) =>
  to === Number.POSITIVE_INFINITY ? `${from}+` : from === to ? `${from}` : `${from}-${to}`;

/** Attributes that pin a datastore engine's version: `engine_version = "13"`, `database_version = "POSTGRES_14"`, `family = "postgres13"`. */
const engineVersionLine =
  /^\s*"?(engine_version|database_version|engine_params_family|parameter_group_family|family|(?:postgres|postgresql|mysql|redis|elasticsearch|opensearch|kafka|mongodb)_version)"?\s*[=:]\s*"([^"]+)"/;

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
  const pins = (lines: string[]) =>
    lines.flatMap((line) => {
      const match = engineVersionLine.exec(line);
      return match ? [{ key: match[1]!, major: engineMajor(match[2]!), value: match[2]! }] : [];
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
