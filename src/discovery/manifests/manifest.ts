import type { Ecosystem } from "../repository-files.js";

/** A dependency as a manifest declares it, names normalised the way its ecosystem compares them. */
export interface Dependency {
  name: string;
  /** Development or test only (devDependencies, `group :test`, `testImplementation`, `require-dev`...). */
  dev: boolean;
  /** Extras or features asked for: `sqlalchemy[asyncpg]`, sqlx's `postgres` feature. */
  features: string[];
  /** How the manifest names it, for reasons: "dependency" unless a plugin, a parent POM or an SDK. */
  via?: "plugin" | "parent" | "SDK" | "framework reference";
}

/** One project manifest, read. */
export interface Manifest {
  path: string;
  ecosystem: Ecosystem;
  dependencies: Dependency[];
  /** The language the manifest itself names (Kotlin or Java, C# or F#); npm's is settled with tsconfig.json. */
  language?: string;
  /**
   * A test project or a mobile app is not server code; a version catalog lists dependencies
   * for other manifests and has no code of its own.
   */
  role: "application" | "test" | "mobile" | "catalog" | "docs";
  /** Workspace members the manifest declares (npm workspaces, Cargo members, Maven modules). */
  workspaces?: string[];
  /** npm scripts, to tell a server package from a library. */
  scripts?: Record<string, string>;
  /** npm: the field that makes the package something others run or import (`exports`, `main`, `module`, `bin`). */
  entryPoint?: string;
}

export const dependency = (name: string, dev: boolean, features: string[] = []): Dependency => ({
  name,
  dev,
  features,
});
