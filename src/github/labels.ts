/** Label names as GitHub gives them in issues and webhook payloads: strings, or objects with a (nullable) name. */
export function labelNames(
  labels: readonly (string | { name?: string | null } | null | undefined)[] | undefined,
): string[] {
  return (labels ?? []).flatMap((label) => (typeof label === "string" ? [label] : label?.name ? [label.name] : []));
}
