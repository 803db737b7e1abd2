import { describe, expect, it } from "@jest/globals";
import { readCiCd } from "../../../src/adr/readers/ci-cd.js";
import { releaseToolChanges, releaseToolsOf } from "../../../src/adr/readers/release-channels.js";
import {
  cargoDistTargets,
  goReleaserPlatforms,
  goReleaserTargets,
  pipelineTargetPlatforms,
  releaseTargetChanges,
  snapBuild,
} from "../../../src/adr/readers/release-targets.js";

describe("the platforms a release builds for", () => {
  it("reads GoReleaser's goos and goarch, inline or as lists, and leaves out the combinations it ignores", () => {
    const config = `builds:
  - id: cli
    goos: [linux, "darwin"]
    goarch:
      - amd64
      - arm64
    ignore:
      - goos: windows
        goarch: riscv64
  - id: server
    goos:
    - freebsd
archives:
  - format: tar.gz
`;
    expect(goReleaserTargets(config)).toEqual(["arch:arm64", "arch:x86_64", "os:freebsd", "os:linux", "os:macos"]);
  });

  it("reads cargo-dist's target triples as operating system and architecture, and nothing from a file that is not TOML", () => {
    const config = `[dist]\ntargets = ["x86_64-pc-windows-msvc", "aarch64-apple-darwin", "armv7-unknown-linux-gnueabihf", "wasm32-wasi"]\n`;
    expect(cargoDistTargets(config)).toEqual(["linux/armv7", "macos/arm64", "windows/x86_64"]);
    expect(cargoDistTargets('[workspace.metadata.dist]\ntargets = ["riscv64gc-unknown-linux-gnu"]\n')).toEqual([
      "linux/riscv64",
    ]);
    expect(cargoDistTargets("targets = [")).toBeUndefined();
    expect(cargoDistTargets("[dist]\nci = 'github'\n")).toBeUndefined();
  });

  it("says which platforms were added and dropped, and nothing when either version names none", () => {
    expect(releaseTargetChanges(["os:linux", "os:macos"], ["os:linux", "os:windows"])).toEqual([
      "builds releases for windows too",
      "stops building releases for macos",
    ]);
    expect(releaseTargetChanges([], ["os:linux"])).toEqual([]);
  });

  it("calls a cargo-dist configuration added with its targets a new release channel, and targets first written into one no change", () => {
    const config = '[dist]\ntargets = ["x86_64-unknown-linux-gnu", "aarch64-apple-darwin"]\n';
    const added = readCiCd([{ path: "dist-workspace.toml", status: "added", after: config }]);
    expect(added.map((signal) => [signal.decision, signal.reason])).toEqual([
      [true, "new release configuration dist-workspace.toml (cargo-dist builds for linux/x86_64, macos/arm64)"],
    ]);
    const written = readCiCd([
      { path: "dist-workspace.toml", status: "modified", before: "[dist]\nci = 'github'\n", after: config },
    ]);
    expect(written.map((signal) => signal.decision)).toEqual([false]);
  });

  it("reads GoReleaser's builds as whole platforms: a targets list, or goos times goarch less the ignored pairs", () => {
    const config = `builds:
  - id: cli
    goos: [linux, windows]
    goarch: [amd64, arm]
    ignore:
      - goos: windows
        goarch: arm
      - goos: linux
        goarch: arm
        goarm: "6"
  - id: agent
    targets: [darwin_arm64, linux_arm_7]
  - id: unused
    skip: true
`;
    expect(goReleaserPlatforms(config)).toEqual(["linux/arm", "linux/x86_64", "macos/arm64", "windows/x86_64"]);
    // go_first_class is Go's first-class ports; a Rust build's targets are not Go's.
    expect(goReleaserPlatforms("builds:\n  - targets: [go_first_class]\n")).toHaveLength(8);
    expect(goReleaserPlatforms("builds:\n  - builder: rust\n    targets: [x86_64-pc-windows-gnu]\n")).toEqual([]);
    // Merge keys are resolved, as GoReleaser resolves them: the second build has the first one's lists.
    expect(
      goReleaserPlatforms(
        "builds:\n  - &cli\n    id: cli\n    goos: [linux]\n    goarch: [arm64]\n  - <<: *cli\n    id: agent\n",
      ),
    ).toEqual(["linux/arm64"]);
    // Unset lists are GoReleaser's defaults: darwin, linux and windows on 386, amd64 and arm64 (darwin/386 is no Go port).
    expect(goReleaserPlatforms("builds:\n  - main: .\n")).toHaveLength(8);
    // A combination Go does not build is skipped, as GoReleaser skips it: no macos/ppc64le.
    expect(goReleaserPlatforms("builds:\n  - goos: [linux, darwin]\n    goarch: [amd64, ppc64le]\n")).toEqual([
      "linux/ppc64le",
      "linux/x86_64",
      "macos/x86_64",
    ]);
    expect(goReleaserPlatforms("builds: [")).toBeUndefined();
  });

  it("reads the target triples a pipeline names as platforms, and nothing from words that only look like one", () => {
    const workflow = `jobs:
  build:
    strategy:
      matrix:
        target: [x86_64-unknown-linux-musl, aarch64-apple-darwin, riscv64gc-unknown-linux-gnu]
    steps:
      - run: cross build --target i686-pc-windows-msvc
      - run: echo see docs/s390x-unknown-linux-gnu.md-notes and arm-none-eabi
`;
    expect(pipelineTargetPlatforms(workflow)).toEqual(["linux/riscv64", "linux/x86_64", "macos/arm64", "windows/x86"]);
    // An iPhone is not a Mac.
    expect(pipelineTargetPlatforms("target: aarch64-apple-ios\ntarget: aarch64-apple-ios-sim\n")).toEqual([
      "ios/arm64",
    ]);
  });

  it("reads a snap's base and the architectures it is built for, in the core24 and earlier layouts", () => {
    expect(
      snapBuild("base: core24\nplatforms:\n  amd64:\n  arm64:\n    build-on: [amd64]\n    build-for: [arm64]\n"),
    ).toEqual({
      base: "core24",
      architectures: ["amd64", "arm64"],
    });
    expect(
      snapBuild("base: core22\narchitectures:\n  - build-on: [amd64]\n    build-for: [amd64]\n  - build-on: [s390x]\n"),
    ).toEqual({ base: "core22", architectures: ["amd64", "s390x"] });
    expect(snapBuild("name: [")).toBeUndefined();
  });

  it("names the stores, packages and signatures of a release pipeline, and says what was added or dropped", () => {
    const before = releaseToolsOf(
      "run: cargo wix --output tidepool.msi\nuses: mislav/bump-homebrew-formula-action@v3\n",
    );
    const after = releaseToolsOf(
      "run: cargo wix --output tidepool.msi\nrun: cosign sign-blob tidepool.tar.gz\nrun: wingetcreate update\n",
    );
    expect(before).toEqual(["channel:Homebrew", "package:MSI installers"]);
    const none = { before: new Set<string>(), after: new Set<string>() };
    expect(releaseToolChanges(before, after, none)).toEqual([
      "now also publishes releases to winget",
      "stops publishing releases to Homebrew",
      "now adds cosign signatures",
    ]);
    // Homebrew published from another pipeline of the change now: moved, not dropped.
    expect(releaseToolChanges(before, after, { before: new Set(), after: new Set(["channel:Homebrew"]) })).toEqual([
      "now also publishes releases to winget",
      "now adds cosign signatures",
    ]);
    // Tools a job installs for its build are no store and no installer of its own.
    expect(
      releaseToolsOf("run: choco install wixtoolset\nrun: msiexec /i tools.msi /quiet\nrun: cargo install cargo-deb\n"),
    ).toEqual([]);
    // A setting that turns a signature off names what is not done.
    expect(
      releaseToolsOf("with:\n  sbom: false\n  provenance: false\nrun: docker buildx build --sbom=false .\n"),
    ).toEqual([]);
    // Building a Flatpak or a snap, setting up Scoop, Arch's PKGBUILD, a download and a signature check publish nothing.
    expect(
      releaseToolsOf(
        [
          "uses: flatpak/flatpak-github-actions/flatpak-builder@v6",
          "uses: snapcore/action-build@v1",
          "uses: MinoruSekine/setup-scoop@v4",
          "run: choco feature enable -n allowGlobalConfirmation",
          "pkgbuild: ./packaging/PKGBUILD",
          "run: curl -sSLO https://example.org/pandoc-3.1-1-amd64.deb",
          "run: cosign verify-blob --bundle x.sigstore.json x.tar.gz",
          "run: codesign --verify --verbose dist/app",
          "run: cargo build --release --features candle",
        ].join("\n"),
      ),
    ).toEqual([]);
    // Checking that the release tag is signed is a check of its own, not a signature verified for a download.
    expect(releaseToolsOf('run: git verify-tag "$GITHUB_REF_NAME"\n')).toEqual([
      "signing:a check that release tags are signed",
    ]);
    // A setup step of a macOS runner is no store.
    expect(releaseToolsOf("uses: Homebrew/actions/setup-homebrew@master\nrun: brew install llvm\n")).toEqual([]);
  });

  it("reads target triples only in a pipeline that makes releases: a version tag's, not a GitLab job's runner tags", () => {
    const gitlab = (target: string, trigger: string) =>
      `build:\n  tags:\n    - docker\n${trigger}  script:\n    - cargo build --release --target ${target}\n`;
    const decisions = (trigger: string) =>
      readCiCd([
        {
          path: ".gitlab-ci.yml",
          status: "modified",
          before: gitlab("x86_64-unknown-linux-gnu", trigger),
          after: gitlab("aarch64-unknown-linux-gnu", trigger),
        },
      ]).map((signal) => [signal.decision, signal.reason]);
    expect(decisions("")).toEqual([[false, "action versions, steps or job settings only"]]);
    expect(decisions("  only: [tags]\n")).toEqual([
      [true, "builds releases for linux/arm64 too; stops building releases for linux/x86_64"],
    ]);
  });

  it("reads target triples in a GitHub workflow whose triggers name tags, whatever their pattern", () => {
    const workflow = (target: string) =>
      `name: Release\non:\n  push:\n    tags:\n    - '[0-9]+.[0-9]+'\njobs:\n  dist:\n    runs-on: ubuntu-latest\n    steps:\n      - run: cargo build --release --target ${target}\n`;
    const signals = readCiCd([
      {
        path: ".github/workflows/release.yml",
        status: "modified",
        before: workflow("x86_64-unknown-linux-gnu"),
        after: workflow("x86_64-unknown-linux-gnu aarch64-unknown-linux-gnu"),
      },
    ]);
    expect(signals.map((signal) => [signal.decision, signal.reason])).toEqual([
      [true, "builds releases for linux/arm64 too"],
    ]);
  });

  it("does not take a test matrix for releases: a release/** branch or tags-ignore is no release trigger", () => {
    const workflow = (on: string, target: string) =>
      `name: CI\non:\n${on}jobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: cargo test --target ${target}\n`;
    for (const on of ["  push:\n    branches: [main, 'release/**']\n", "  push:\n    tags-ignore: ['**']\n"]) {
      const signals = readCiCd([
        {
          path: ".github/workflows/ci.yml",
          status: "modified",
          before: workflow(on, "x86_64-unknown-linux-gnu"),
          after: workflow(on, "x86_64-unknown-linux-gnu aarch64-apple-darwin"),
        },
      ]);
      expect(signals.map((signal) => signal.decision)).toEqual([false]);
    }
  });

  it("keeps a signing step moved into the repository's own action, and a WiX fragment added to an installer is no new installer", () => {
    const release = (steps: string) =>
      `name: Release\non:\n  push:\n    tags: ["v*"]\njobs:\n  sign:\n    runs-on: ubuntu-latest\n    steps:\n${steps}`;
    const moved = readCiCd([
      {
        path: ".github/workflows/release.yml",
        status: "modified",
        before: release("      - run: cosign sign-blob --yes dist.tar.gz\n"),
        after: release("      - uses: ./.github/actions/sign\n"),
      },
      {
        path: ".github/actions/sign/action.yml",
        status: "added",
        after:
          "runs:\n  using: composite\n  steps:\n    - run: cosign sign-blob --yes dist.tar.gz\n      shell: bash\n",
      },
    ]);
    expect(moved.filter((signal) => signal.decision)).toEqual([]);
    const fragment = readCiCd([
      {
        path: "installer/NewTool.wxs",
        status: "added",
        after: '<Wix><Fragment><Component Id="c" /></Fragment></Wix>\n',
      },
    ]);
    expect(fragment.map((signal) => signal.decision)).toEqual([false]);
  });
});
