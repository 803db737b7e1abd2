/**
 * How a project's releases reach its users and how they are vouched for, as a release pipeline's
 * lines say it: the stores and package managers it publishes to (winget, Homebrew, the Snap
 * Store), the installers and packages it builds (an MSI, a .deb, an AppImage), and how it signs
 * them (cosign, Apple notarisation, SBOMs). Each one added is something the project must keep
 * publishing and its users come to rely on; each one dropped leaves some of them without updates.
 * A step's version or settings are not read: only which of these the pipeline does.
 */

type Kind = "channel" | "package" | "signing";

/**
 * Each thing a release can do, by the words its steps use for it: a line says it when it matches
 * the pattern (and the second one, when there is one: two plain tests instead of one that would
 * backtrack over a long line).
 */
const releaseTools: [kind: Kind, name: string, pattern: RegExp, alsoNeeds?: RegExp][] = [
  ["channel", "winget", /\bwingetcreate\b|winget-releaser|\bkomac\b|winget-pkgs|^winget:/im],
  ["channel", "Chocolatey", /\bchoco\s+(?:push|pack)\b|\bchocolateys:|\.nuspec\b|\bsecrets\.CHOCO\w*/i],
  ["channel", "Scoop", /\bscoops?:|scoop-bucket/i],
  [
    "channel",
    "Homebrew",
    /bump-homebrew-formula|homebrew-releaser|homebrew-tap|\bbrews?:|homebrew_casks:|\bbrew\s+bump/i,
  ],
  [
    "channel",
    "the Snap Store",
    /snapcraft\s+(?:upload|push|release)\b|snapcore\/action-publish|SNAPCRAFT_STORE_CREDENTIALS|\bsnapcrafts:/i,
  ],
  ["channel", "Flathub", /flat-manager/i],
  ["channel", "the AUR", /\baurs:|deploy-aur|aur-publish|aur\.archlinux\.org/i],
  ["package", "MSI installers", /cargo[\s-]wix|\bwix\b|\.msi\b/i],
  ["package", "Debian packages", /cargo[\s-]deb\b|dpkg-deb|\bnfpms?\b|\.deb\b/i],
  ["package", "RPM packages", /generate-rpm|rpmbuild|\.rpm\b/i],
  ["package", "AppImages", /appimage|linuxdeploy/i],
  // `pkgbuild --root …` (Apple's command), not Arch's `PKGBUILD` nor an AUR action's `pkgbuild:` setting.
  // Not a host such as `us-docker.pkg.dev` or `npm.pkg.github.com`.
  ["package", "macOS installer packages", /\b(?:pkgbuild|productbuild)\s+-|\.pkg\b(?!\.)/],
  ["package", "disk images (DMG)", /create-dmg|hdiutil\s+create|\.dmg\b/i],
  // cosign signing or attesting, or a signing action: its installer alone verifies as well as it signs.
  ["signing", "cosign signatures", /\bcosign\s+(?:sign|attest)|sigstore\/(?!cosign-installer)|\bsigstore-python\b/i],
  ["signing", "SignPath code signatures", /signpath/i],
  // Also the certificates electron-builder and Tauri sign with, given as secrets.
  [
    "signing",
    "Apple code signatures and notarisation",
    /notarytool|notari[sz]|\bcodesign\b|import-codesign-certs|\b(?:CSC_LINK|APPLE_CERTIFICATE|APPLE_SIGNING_IDENTITY)\b/i,
  ],
  [
    "signing",
    "Windows code signatures",
    /\bsigntool\b|trusted-signing|osslsigncode|\b(?:WIN_CSC_LINK|WINDOWS_CERTIFICATE)\b/i,
  ],
  ["signing", "GPG signatures", /ghaction-import-gpg/i],
  ["signing", "GPG signatures", /\bgpg\b/i, /\s(?:--detach-sign|--clearsign|--sign|-a?b)(?:\s|$)/],
  ["signing", "minisign signatures", /\bminisign\b/i],
  ["signing", "a check that release tags are signed", /\bgit\s+verify-(?:tag|commit)\b/i],
  ["signing", "SBOMs", /\bsboms?\b|\bsyft\b|cyclonedx/i],
  [
    "signing",
    "build provenance attestations",
    /slsa-github-generator|attest-build-provenance|actions\/attest\b|--provenance\b/i,
  ],
];

/**
 * A line that installs or downloads something the job needs (`choco install wixtoolset`, `cargo
 * install cargo-deb`, `curl -O tool.deb`), or checks a signature (`cosign verify`): a tool of the
 * build, not a place or form its releases take.
 */
const installsATool =
  /\b(?:install|upgrade|uninstall|msiexec|attach|curl|wget|iwr|Invoke-WebRequest|(?<!\bgit\s+)verify[\w-]*)\b|\bdpkg\s+-i\b|\binstaller\s+-pkg\b/i;

/** An ad-hoc signature (`codesign --sign -`): no identity, only what an arm64 Mac needs to run a binary. */
const adHocSignature = (line: string) => /\bcodesign\b/i.test(line) && /\s(?:-s|--sign)[ \t=]+-(?:\s|$)/.test(line);

/** A setting that turns a signature off (`sbom: false`, `--provenance=false`): it names what is not done. */
const turnsOff =
  /\b(?:sboms?|provenance|sign\w*|notari[sz]\w*|attest\w*)["']?[ \t]*[:=][ \t]*["']?(?:false|off|no|none|disabled?|0)\b/i;

/** What a release pipeline's lines (comments left out) do of the above, as `kind:name`. */
export function releaseToolsOf(text: string): string[] {
  const lines = text
    .split("\n")
    .filter((line) => !installsATool.test(line) && !turnsOff.test(line) && !adHocSignature(line));
  const found = releaseTools.filter(([, , pattern, alsoNeeds]) =>
    lines.some((line) => pattern.test(line) && (alsoNeeds === undefined || alsoNeeds.test(line))),
  );
  return [...new Set(found.map(([kind, name]) => `${kind}:${name}`))];
}

const phrases: Record<Kind, [added: string, removed: string]> = {
  channel: ["now also publishes releases to", "stops publishing releases to"],
  package: ["now also ships", "stops shipping"],
  signing: ["now adds", "stops adding"],
};

/**
 * One clause per kind for what a release pipeline added and dropped: "now also publishes
 * releases to winget; now adds cosign signatures". `elsewhere` holds what other pipelines of the
 * same change did before (for additions) or do after (for removals): a step moved between files is no change.
 */
export function releaseToolChanges(
  old: readonly string[],
  next: readonly string[],
  elsewhere: { before: ReadonlySet<string>; after: ReadonlySet<string> },
): string[] {
  const added = next.filter((tool) => !old.includes(tool) && !elsewhere.before.has(tool));
  const removed = old.filter((tool) => !next.includes(tool) && !elsewhere.after.has(tool));
  const clauses: string[] = [];
  for (const kind of ["channel", "package", "signing"] as const) {
    const names = (tools: string[]) =>
      tools.filter((tool) => tool.startsWith(`${kind}:`)).map((tool) => tool.slice(kind.length + 1));
    const [addedPhrase, removedPhrase] = phrases[kind];
    if (names(added).length > 0) clauses.push(`${addedPhrase} ${names(added).join(", ")}`);
    if (names(removed).length > 0) clauses.push(`${removedPhrase} ${names(removed).join(", ")}`);
  }
  return clauses;
}
