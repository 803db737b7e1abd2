import { describe, expect, it } from "@jest/globals";
import { readCiCd } from "../../../src/adr/readers/ci-cd.js";
import { cargoDistTargets, goReleaserTargets, releaseTargetChanges } from "../../../src/adr/readers/release-targets.js";

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
});
