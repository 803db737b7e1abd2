import { posix } from "node:path";
import type { InfraCategory } from "./categories.js";
import { technologyCategory } from "./technology-lexicon.js";
import { reasonText } from "./readers/signal.js";

/** A changed file as the statement check reads it: its path, status, patch and both versions where read. */
export interface StatementEvidenceFile {
  path: string;
  status: string;
  patch?: string;
  before?: string;
  after?: string;
}

/** A decision the change states of itself and its files bear out. */
export interface StatedDecision {
  file: string;
  category: InfraCategory;
  technology: string;
  reason: string;
}

/** Long titles are cut: nobody states a decision after 200 characters, and the patterns stay cheap. */
const maxStatementLength = 200;

/**
 * The words of a title or commit subject that say what it does: without a conventional-commit
 * type (`feat(k3s)!:`), a branch-style prefix (`Feature/`), an `[Area]` tag, an issue reference
 * (`Closes #12:`) or a trailing pull-request number (`(#123)`).
 */
export function statementWords(statement: string): string {
  return (statement.split("\n")[0] ?? "")
    .slice(0, maxStatementLength)
    .replace(/\s*\(#\d+\)\s*$/, "")
    .replace(/^[^\p{L}\p{N}[]+/u, "")
    .replace(/^(?:closes|fixes|fix|resolves)\s*#?\d+\s*[:-]\s*/i, "")
    .replace(/^[\w-]+(?:\([^()]*\))?!?:\s*/, "")
    .replace(/^(?:feature|task|bugfix|chore|fix)\//i, "")
    .replace(/^\[[^\]]*\]\s*/, "")
    .trim();
}

/** Verbs that state adopting, switching or removing something, each with what it does to the words after it. */
const verbs =
  /(?:^|[\s,;:(])(migrat(?:e|es|ed|ing)|switch(?:es|ed|ing)?|mov(?:e|es|ed|ing)|convert(?:s|ed|ing)?|replac(?:e|es|ed|ing)|adopt(?:s|ed|ing)?|introduc(?:e|es|ed|ing)|install(?:s|ed|ing)?|deploy(?:s|ed|ing)?|set(?:s|ting)? up|use|uses|using|bring back|add(?:s|ed|ing)? support for|add(?:s|ed|ing)?|enabl(?:e|es|ed|ing)|remov(?:e|es|ed|ing)|drop(?:s|ped|ping)?|delet(?:e|es|ed|ing)|retir(?:e|es|ed|ing)|decommission(?:s|ed|ing)?|get rid of)\b/i;
const removing = /^(?:remov|drop|delet|retir|decommission|get rid)/i;
/**
 * Verbs that name a technology as often for a part of it as for itself ("add Grafana dashboards",
 * "enable Redis password protection"): only the head of their object counts ("add Prometheus",
 * "enable ingress and cert-manager").
 */
const partVerbs = /^(?:add(?:s|ed|ing)?|enabl(?:e|es|ed|ing))$/i;
const switching = /^(?:migrat|switch|mov|convert|replac)/i;

/**
 * The lexicon's technologies a phrase names, unless it names their configuration or version
 * ("migrate to Prisma configuration file" is about a tool already in use, not adopting it).
 */
const technologiesIn = (phrase: string, headsOnly = false) => {
  const words = [
    ...phrase
      .toLowerCase()
      .matchAll(
        /([a-z][a-z0-9_.+-]*[a-z0-9])(\s+(?:config|configuration|configs|files?|settings|options|versions?)\b)?/g,
      ),
  ];
  const found: string[] = [];
  for (let index = 0; index < words.length; index++) {
    const match = words[index]!;
    // A name written in two words ("Argo CD", "external secrets") is the lexicon's one word.
    const next = words[index + 1];
    const joined =
      next && match[2] === undefined && phrase.slice(match.index + match[1]!.length, next.index) === " "
        ? [`${match[1]}${next[1]}`, `${match[1]}-${next[1]}`].find((name) => technologyCategory.has(name))
        : undefined;
    if (joined) index++;
    const last = joined ? next! : match;
    if (last[2] !== undefined) continue;
    // The head of a phrase ends it or a list's item: "Prometheus", "ingress and cert-manager", "WebAuthn / Passkey".
    if (headsOnly && !/^\s*(?:$|and\b|or\b|[&,/+(])/i.test(phrase.slice(last.index + last[1]!.length))) continue;
    if (joined) found.push(joined);
    else if (technologyCategory.has(match[1]!)) found.push(match[1]!);
  }
  return found;
};

/** What an adopting verb is about: its object, before what it is for or where ("install kube-vip for HA", "deploy harbor on gesis"). */
const objectOf = (phrase: string) => phrase.split(/\s(?:for|as|in|on|at|to|within|inside|from|because|so)\s/i)[0]!;

/**
 * What a statement says the change brings in and takes out: "switch from Vagrant to k3d" adopts
 * k3d and drops vagrant; "replace X with Y" drops X for Y; "use sidekiq" adopts sidekiq; "remove
 * ehcache" drops it. Only names of the technology lexicon count.
 */
export function statedTechnologies(statement: string): { adopted: string[]; dropped: string[] } {
  // "Fix the timeout when using redis; migrate to postgres": each clause is read on its own.
  const clauses = statementWords(statement).split(/;|\s-\s/);
  const stated = clauses.map(clauseTechnologies);
  return { adopted: stated.flatMap((one) => one.adopted), dropped: stated.flatMap((one) => one.dropped) };
}

/** A verb negated ("don't use", "stop using", "no longer", "avoid", "without") states no adoption. */
const negated =
  /(?:\b(?:don'?t|do not|does not|doesn'?t|never|stop|stops|stopped|no longer|avoid|avoids|without|not|when|while|if)\s+)$/i;
/** A clause that fixes, reverts or tests something states no decision ("fix the timeout when using Redis"). */
const notADecision = /^(?:fix|fixes|fixed|fixing|bugfix|hotfix|revert|reverts|test|tests|docs?)\b/i;

function clauseTechnologies(words: string): { adopted: string[]; dropped: string[] } {
  const found = notADecision.test(words.trim()) ? null : verbs.exec(words);
  if (!found || negated.test(words.slice(0, found.index + found[0].length - found[1]!.length)))
    return { adopted: [], dropped: [] };
  const verb = found[1]!;
  const rest = words.slice(found.index + found[0].length);
  if (removing.test(verb)) return { adopted: [], dropped: technologiesIn(rest) };
  if (switching.test(verb)) {
    const target = /\s(?:to|into|with|by)\s|->|→/i.exec(rest);
    if (!target)
      return /^replac/i.test(verb) ? { adopted: [], dropped: technologiesIn(rest) } : { adopted: [], dropped: [] };
    const origin = rest.slice(0, target.index).replace(/^.*?\bfrom\s/i, "");
    return { adopted: technologiesIn(rest.slice(target.index + target[0].length)), dropped: technologiesIn(origin) };
  }
  // "use postgres instead of mysql": what comes after "instead of" is what goes.
  const instead = /\s(?:instead of|rather than|in place of)\s/i.exec(rest);
  if (instead)
    return {
      adopted: technologiesIn(objectOf(rest.slice(0, instead.index))),
      dropped: technologiesIn(rest.slice(instead.index + instead[0].length)),
    };
  return { adopted: technologiesIn(objectOf(rest), partVerbs.test(verb)), dropped: [] };
}

/** Whether a text names a technology: `cert-manager` also as `cert_manager` or `certmanager` (a setting's key). */
const mentions = (text: string, word: string) => {
  const parts = word.split("-");
  if (!text.includes(parts[0]!)) return false;
  const escaped = parts.map((part) => part.replace(/[.+]/g, "\\$&")).join("[-_]?");
  return new RegExp(`(?<![a-z0-9])${escaped}(?![a-z0-9])`).test(text);
};

/** The lines of a patch by side: what only the new version has, what only the old one had, and the context both share. */
function patchSides(patch: string): { added: string; removed: string; context: string } {
  const added: string[] = [];
  const removed: string[] = [];
  const context: string[] = [];
  for (const line of patch.split("\n")) {
    if (line.startsWith("+++") || line.startsWith("---") || line.startsWith("@@")) continue;
    if (line.startsWith("+")) added.push(line.slice(1));
    else if (line.startsWith("-")) removed.push(line.slice(1));
    else context.push(line);
  }
  return {
    added: added.join("\n").toLowerCase(),
    removed: removed.join("\n").toLowerCase(),
    context: context.join("\n").toLowerCase(),
  };
}

/** Each file's patch split once, however many technologies a statement names. */
const splitPatches = new WeakMap<StatementEvidenceFile, ReturnType<typeof patchSides>>();
function sidesOf(file: StatementEvidenceFile): ReturnType<typeof patchSides> | undefined {
  if (file.patch === undefined) return undefined;
  const known = splitPatches.get(file);
  if (known) return known;
  const sides = patchSides(file.patch);
  splitPatches.set(file, sides);
  return sides;
}

/** Words of a path: its folders and file name, whole and split at `.`, `_` and `-` (`roles/kube-vip/tasks/main.yml`). */
const pathWords = (path: string) => {
  const parts = path.toLowerCase().split("/");
  return new Set([...parts, ...parts.flatMap((part) => part.split(/[._-]/))]);
};

/**
 * How a manifest, configuration file or script (never source code) bears out that the change
 * brings a technology in (`adopts`) or takes it out: a file or folder of that name added
 * (removed), or the name on lines only the new (old) version has, and nowhere in the other version.
 */
function bearsOut(file: StatementEvidenceFile, word: string, direction: "adopts" | "drops"): string | undefined {
  const path = file.path.toLowerCase();
  // Source code says nothing of the project by one module's name or imports: manifests, configuration and scripts do.
  if (isSourceCode(path)) return undefined;
  if (direction === "adopts" && file.status === "added" && pathWords(path).has(word)) return `adds ${file.path}`;
  if (direction === "drops" && file.status === "removed" && pathWords(path).has(word)) return `removes ${file.path}`;
  const sides = sidesOf(file);
  const before = (file.before ?? "").toLowerCase();
  const after = (file.after ?? "").toLowerCase();
  // A file never read (only its patch known) shows three lines of what it held: "nowhere in the old one" cannot be told.
  if (file.status !== "added" && file.status !== "removed" && file.before === undefined) return undefined;
  const gained = sides ? sides.added : after;
  const lost = sides ? sides.removed : before;
  const kept = sides?.context ?? "";
  if (direction === "adopts" && mentions(gained, word) && !mentions(lost, word) && !mentions(kept, word))
    return mentions(before, word) ? undefined : `brings ${word} into ${posix.basename(file.path)}`;
  if (direction === "drops" && mentions(lost, word) && !mentions(gained, word) && !mentions(kept, word))
    return mentions(after, word) ? undefined : `takes ${word} out of ${posix.basename(file.path)}`;
  return undefined;
}

const isSourceCode = (path: string) =>
  /\.(?:[cm]?[jt]sx?|py|rb|go|java|kts?|scala|cs|php|exs?|rs|swift|vue|svelte|dart|c|cc|cpp|h|hpp)$/.test(path);

/** A statement as the reason quotes it: its first 80 characters. */
const quoted = (words: string) => (words.length > 80 ? `${words.slice(0, 79).trimEnd()}…` : words);

/** Files that document, test or lock what is decided elsewhere never bear a statement out. */
const bearsNothing = (path: string) =>
  /(?:^|\/)\.\w*ignore$|(?:^|\/)CODEOWNERS$|\.(?:md|mdx|rst|txt|adoc|po|pot|snap|svg|png|jpe?g|gif|lock|sum)$|(?:^|\/)(?:CHANGELOG|LICENSE|README|NOTICE)[^/]*$|(?:package-lock\.json|pnpm-lock\.yaml|yarn\.lock)$/i.test(
    path,
  );

/**
 * The decisions a change states of itself (its pull request's title, its commits' subjects) that
 * its files bear out: "use sidekiq" with sidekiq new to the Gemfile; "install Cilium" with a new
 * `bootstrap/cilium.sh`; "Remove ehcache" with ehcache gone from `pom.xml`. A statement alone (a title
 * that names a technology the diff does not bring in or take out) decides nothing, nor does a
 * technology the diff touches without a statement: the readers judge those.
 */
export function statedDecisions<File extends StatementEvidenceFile>(
  statements: readonly string[],
  files: readonly File[],
  counts: (file: File) => boolean,
): StatedDecision[] {
  const evidence = files.filter((file) => counts(file) && !bearsNothing(file.path));
  const decisions: StatedDecision[] = [];
  const named = new Set<string>();
  for (const statement of statements) {
    const { adopted, dropped } = statedTechnologies(statement);
    const asked = [
      ...adopted.map((word) => [word, "adopts"] as const),
      ...dropped.map((word) => [word, "drops"] as const),
    ];
    for (const [word, direction] of asked) {
      if (named.has(word)) continue;
      for (const file of evidence) {
        const how = bearsOut(file, word, direction);
        if (how === undefined) continue;
        named.add(word);
        decisions.push({
          file: file.path,
          category: technologyCategory.get(word)!,
          technology: word,
          reason: reasonText(`the change says "${quoted(statementWords(statement))}" and ${how}`),
        });
        break;
      }
    }
  }
  return decisions;
}
