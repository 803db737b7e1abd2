/**
 * Scrubs credentials out of text the Action prints. The runner masks only the secrets it was
 * told about (`core.setSecret`), and an error body GitHub (or a proxy) echoes may carry another
 * token: a personal access token, an installation token, a JWT, an Authorization header.
 */
const tokenShapes: readonly RegExp[] = [
  // Personal, OAuth, user-to-server, installation and refresh tokens.
  /\b(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9_]{6,}/g,
  // Fine-grained personal access tokens.
  /\bgithub_pat_[A-Za-z0-9_]{10,}/g,
  // The older installation token form.
  /\bv1\.[0-9a-f]{40}\b/g,
  // A JSON Web Token (the App's own, or any other): three base64url parts.
  /\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g,
  // An Authorization header's value, whatever the token looks like.
  /\b(?:Bearer|Basic)\s+[^\s"',;)\]}]+/gi,
  /(\bauthorization["']?\s*[:=]\s*["']?)(?:token\s+)?[^\s"',;)\]}]+/gi,
];

const redacted = "***";

/** `text` with every token-shaped string, and each of `secrets`, replaced by `***`. */
export function redactSecrets(text: string, secrets: readonly string[] = []): string {
  let clean = text;
  for (const secret of secrets) if (secret.length >= 4) clean = clean.split(secret).join(redacted);
  for (const shape of tokenShapes)
    clean = clean.replace(shape, (match: string, prefix?: unknown) =>
      typeof prefix === "string" ? `${prefix}${redacted}` : redacted,
    );
  return clean;
}
