import type { FileKind } from "../repository-files.js";
import { readComposer } from "./php.js";
import { readCargo } from "./rust.js";
import { readDotnetProject } from "./dotnet.js";
import { readMix } from "./elixir.js";
import { readGemfile } from "./ruby.js";
import { readGoMod } from "./go.js";
import { readGradle, readPom, readVersionCatalog } from "./jvm.js";
import type { Manifest } from "./manifest.js";
import { readPackageJson } from "./npm.js";
import { readPipfile, readPyproject, readRequirements, readSetupPy } from "./python.js";

/** Which reader reads which manifest kind: one table, so adding an ecosystem is one line here. */
const readers: Partial<Record<FileKind, (path: string, text: string) => Manifest | undefined>> = {
  npm: readPackageJson,
  requirements: readRequirements,
  pyproject: readPyproject,
  pipfile: readPipfile,
  "setup-py": readSetupPy,
  "go-mod": readGoMod,
  gemfile: readGemfile,
  maven: readPom,
  gradle: readGradle,
  "gradle-catalog": readVersionCatalog,
  cargo: readCargo,
  "dotnet-project": readDotnetProject,
  composer: readComposer,
  mix: readMix,
};

/** A manifest read, or undefined when the kind is not a manifest or the text is not what its name says. */
export function readManifest(kind: FileKind, path: string, text: string): Manifest | undefined {
  return readers[kind]?.(path, text);
}

/**
 * The ecosystem of a manifest kind, known without reading it (a package.json that could not be
 * fetched is still npm). Every manifest kind is here, in the order they are read.
 */
export const manifestEcosystem: Partial<Record<FileKind, Manifest["ecosystem"]>> = {
  npm: "node",
  requirements: "python",
  pyproject: "python",
  pipfile: "python",
  "setup-py": "python",
  "go-mod": "go",
  gemfile: "ruby",
  maven: "jvm",
  gradle: "jvm",
  "gradle-catalog": "jvm",
  cargo: "rust",
  "dotnet-project": "dotnet",
  composer: "php",
  mix: "elixir",
};
