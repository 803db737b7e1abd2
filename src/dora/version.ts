/**
 * Versions as Semantic Versioning 2.0.0 defines them (https://semver.org), the way the order of
 * deployments and the tag advice read them: parsed once each, compared by precedence. Written
 * here rather than loaded from a version library: a scorecard needs four of its functions, and
 * loading and warming it cost more than the comparisons.
 */

/** The longest version text taken as a version (longer text is none). */
const maxLength = 256;

// `v1.2.3-rc.1+build.5`: numbers without leading zeros; pre-release identifiers are numbers
// without leading zeros, or digits, letters and hyphens with at least one letter or hyphen.
const identifier = String.raw`(?:\d*[a-zA-Z-][a-zA-Z0-9-]*|0|[1-9]\d*)`;
const versionPattern = new RegExp(
  String.raw`^v?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)` +
    String.raw`(?:-(${identifier}(?:\.${identifier})*))?` +
    String.raw`(?:\+[a-zA-Z0-9-]+(?:\.[a-zA-Z0-9-]+)*)?$`,
);
const digitsOnly = /^[0-9]+$/;

export interface Version {
  major: number;
  minor: number;
  patch: number;
  /** Pre-release identifiers: numbers where they are numbers (below 2^53 - 1), else text. */
  prerelease: (number | string)[];
  /** `major.minor.patch[-pre-release]`: no `v`, no build metadata. */
  text: string;
}

// Texts already read; emptied when it grows large (the App runs for weeks over many repositories).
const parsed = new Map<string, Version | null>();
const maxParsed = 20_000;

/** The version a text is (surrounding spaces ignored), or undefined; each text is parsed once. */
export function parseVersion(text: string): Version | undefined {
  let version = parsed.get(text);
  if (version === undefined) {
    version = read(text);
    if (parsed.size >= maxParsed) parsed.clear();
    parsed.set(text, version);
  }
  return version ?? undefined;
}

function read(text: string): Version | null {
  if (text.length > maxLength) return null;
  const match = versionPattern.exec(text.trim());
  if (!match) return null;
  const [major, minor, patch] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (major > Number.MAX_SAFE_INTEGER || minor > Number.MAX_SAFE_INTEGER || patch > Number.MAX_SAFE_INTEGER)
    return null;
  const prerelease = match[4]
    ? match[4].split(".").map((id) => {
        const number = Number(id);
        return digitsOnly.test(id) && number < Number.MAX_SAFE_INTEGER ? number : id;
      })
    : [];
  const main = `${major}.${minor}.${patch}`;
  return { major, minor, patch, prerelease, text: prerelease.length > 0 ? `${main}-${prerelease.join(".")}` : main };
}

/** Precedence of two pre-release identifiers: numbers numerically and before text, text by code units. */
function compareIdentifiers(a: number | string, b: number | string): number {
  if (typeof a === "number" && typeof b === "number") return a === b ? 0 : a < b ? -1 : 1;
  const aNumeric = digitsOnly.test(String(a));
  const bNumeric = digitsOnly.test(String(b));
  const [x, y] = aNumeric && bNumeric ? [Number(a), Number(b)] : [a, b];
  if (x === y) return 0;
  if (aNumeric && !bNumeric) return -1;
  if (bNumeric && !aNumeric) return 1;
  return x < y ? -1 : 1;
}

/** Precedence: -1, 0 or 1. Build metadata has none; a pre-release comes before its release. */
export function compareVersions(a: Version, b: Version): number {
  if (a.text === b.text) return 0;
  for (const key of ["major", "minor", "patch"] as const) if (a[key] !== b[key]) return a[key] < b[key] ? -1 : 1;
  if (a.prerelease.length === 0 || b.prerelease.length === 0)
    return a.prerelease.length === b.prerelease.length ? 0 : a.prerelease.length === 0 ? 1 : -1;
  for (let i = 0; ; i++) {
    const [x, y] = [a.prerelease[i], b.prerelease[i]];
    if (x === undefined || y === undefined) return x === y ? 0 : x === undefined ? -1 : 1;
    if (x !== y) return compareIdentifiers(x, y);
  }
}
