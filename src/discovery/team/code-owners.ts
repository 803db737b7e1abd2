/** GitHub reads the first CODEOWNERS it finds, in this order. */
export const codeOwnersLocations = [".github/CODEOWNERS", "CODEOWNERS", "docs/CODEOWNERS"];

/** The distinct owners (`@org/team`, `@user`, emails) a CODEOWNERS file names, in order of first appearance. */
export function codeOwners(text: string): string[] {
  const owners = new Set<string>();
  for (const raw of text.split("\n")) {
    const line = raw.replace(/(^|\s)#.*$/, "").trim();
    if (!line) continue;
    // The first token is the path pattern; escaped spaces (`a\ b`) belong to it.
    const tokens = line.split(/(?<!\\)\s+/).slice(1);
    for (const token of tokens) if (token.startsWith("@") || token.includes("@")) owners.add(token);
  }
  return [...owners];
}
