import { versionOf } from "./order.js";
import { compareVersions, parseVersion, type Version } from "./version.js";

const selected = (pattern: string | undefined) =>
  pattern === undefined ? "The release-shaped tags (v1.2.3 or 1.2.3)" : `The tags matching "${pattern}"`;

/**
 * Advice on the tags a pattern selected, in time order: tags that look like branch markers
 * (`2.3.x`) or pre-releases, and release lines interleaved in time (a backport to 4.x tagged
 * after 5.0), with a pattern that would select one line.
 */
export function tagPatternAdvice(
  tags: readonly { ref: string; time: number }[],
  pattern: string | undefined,
): string[] {
  const advice: string[] = [];
  const shown = selected(pattern);
  // Release-shaped tags (no pattern) are never branch markers or pre-releases: only a pattern can select those.
  const markers =
    pattern === undefined ? [] : tags.filter((tag) => /(^|[^a-z])\d+\.(\d+\.)?x$/i.test(tag.ref)).map((tag) => tag.ref);
  if (markers.length > 0)
    advice.push(
      `${shown} include ${markers.length === 1 ? "a tag that looks like a branch marker" : `${markers.length} tags that look like branch markers`}, not releases (${markers.slice(0, 3).join(", ")}): narrow the pattern, e.g. "v[0-9]*.[0-9]*.[0-9]*"`,
    );
  const prereleases =
    pattern === undefined
      ? []
      : tags
          .filter((tag) => (parseVersion(versionOf(tag.ref) ?? "")?.prerelease.length ?? 0) > 0)
          .map((tag) => tag.ref);
  if (prereleases.length > 0)
    advice.push(
      `${shown} include ${prereleases.length} pre-release${prereleases.length === 1 ? "" : "s"} (${prereleases.slice(0, 3).join(", ")}): they count as deployments; leave dora.tagPattern unset to take release-shaped tags only`,
    );
  const versions = [...tags]
    .sort((a, b) => a.time - b.time)
    .flatMap((tag) => {
      const text = versionOf(tag.ref);
      const version = text === null ? undefined : parseVersion(text);
      return version && version.prerelease.length === 0 ? [{ ref: tag.ref, version }] : [];
    });
  // A tag made after a higher version: the highest so far is enough to tell (one pass).
  let highest: Version | undefined;
  const backports = versions.filter((tag) => {
    const behind = highest !== undefined && compareVersions(highest, tag.version) > 0;
    if (!behind) highest = tag.version;
    return behind;
  });
  if (backports.length > 0) {
    const newestMajor = Math.max(...versions.map((tag) => tag.version.major));
    const prefix = versions.find((tag) => tag.version.major === newestMajor)!.ref.startsWith("v") ? "v" : "";
    advice.push(
      `${shown} mix release lines: ${backports.length} tag${backports.length === 1 ? " was" : "s were"} made after a higher version (e.g. ${backports[0]!.ref}). Each line's changes are counted once, on the line that shipped them first; to follow one line only, set dora.tagPattern, e.g. "${prefix}${newestMajor}.*"`,
    );
  }
  return advice;
}
