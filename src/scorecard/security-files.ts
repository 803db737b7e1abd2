/** Where GitHub looks for a security policy. */
export const securityPolicyPaths = ["SECURITY.md", ".github/SECURITY.md", "docs/SECURITY.md"];

/** Dependabot's configuration file (dependency scanning). */
export const dependabotConfigPaths = [".github/dependabot.yml", ".github/dependabot.yaml"];
