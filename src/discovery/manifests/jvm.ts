import { record } from "../../text/records.js";
import { strings, tomlRecord } from "../text.js";
import type { Dependency, Manifest } from "./manifest.js";
import { dependency } from "./manifest.js";

/** The bodies of every `<tag>...</tag>` in order; indexOf, not a lazy regex, so unclosed tags stay linear. */
function elements(text: string, tag: string): string[] {
  const found: string[] = [];
  const open = `<${tag}>`;
  const close = `</${tag}>`;
  for (let start = text.indexOf(open); start >= 0;) {
    const end = text.indexOf(close, start);
    if (end < 0) break;
    found.push(text.slice(start + open.length, end));
    start = text.indexOf(open, end);
  }
  return found;
}

/** Text with every `open ... close` span cut out (comments); an unclosed one runs to the end. Linear, unlike a lazy regex. */
function withoutBlocks(text: string, open: string, close: string): string {
  let out = "";
  let from = 0;
  for (let start = text.indexOf(open); start >= 0; start = text.indexOf(open, from)) {
    out += text.slice(from, start);
    const end = text.indexOf(close, start + open.length);
    if (end < 0) return out;
    from = end + close.length;
  }
  return out + text.slice(from);
}

/** A simple element's text: `<artifactId>x</artifactId>` -> x (undefined when absent or holding markup). */
function textOf(block: string, tag: string): string | undefined {
  const value = elements(block, tag)[0]?.trim();
  return value && !value.includes("<") ? value : undefined;
}

/** Text with the given elements cut out (a BOM's `<dependencyManagement>` pins versions, it uses nothing). */
function without(text: string, tag: string): string {
  let out = text;
  for (const body of elements(text, tag)) out = out.replace(`<${tag}>${body}</${tag}>`, "");
  return out;
}

const isKotlin = (deps: readonly Dependency[]) =>
  deps.some((dep) => dep.name.startsWith("org.jetbrains.kotlin:") || dep.name.startsWith("org.jetbrains.kotlin."));

/**
 * pom.xml: the parent (Spring Boot's starter parent is the framework), the dependencies (test
 * scope is dev) and the build plugins; `<dependencyManagement>` and comments are left out.
 */
export function readPom(path: string, text: string): Manifest {
  const body = without(withoutBlocks(text, "<!--", "-->"), "dependencyManagement");
  const deps: Dependency[] = [];
  const coordinate = (block: string, defaultGroup?: string) => {
    const group = textOf(block, "groupId") ?? defaultGroup;
    const artifact = textOf(block, "artifactId");
    return group && artifact ? `${group}:${artifact}` : undefined;
  };
  const parent = elements(body, "parent")[0];
  const parentName = parent ? coordinate(parent) : undefined;
  if (parentName) deps.push({ ...dependency(parentName, false), via: "parent" });
  for (const block of elements(body, "dependency")) {
    const name = coordinate(block);
    if (name) deps.push(dependency(name, textOf(block, "scope") === "test"));
  }
  for (const block of elements(body, "plugin")) {
    const name = coordinate(block, "org.apache.maven.plugins");
    if (name) deps.push({ ...dependency(name, false), via: "plugin" });
  }
  const modules = elements(body, "module").map((module) => module.trim());
  return {
    path,
    ecosystem: "jvm",
    dependencies: deps,
    language: isKotlin(deps) ? "Kotlin" : "Java",
    role: "application",
    ...(modules.length > 0 ? { workspaces: modules } : {}),
  };
}

const gradleConfigurations: Record<string, boolean> = {
  implementation: false,
  api: false,
  compileOnly: false,
  runtimeOnly: false,
  compile: false,
  kapt: false,
  ksp: false,
  annotationProcessor: false,
  testImplementation: true,
  testRuntimeOnly: true,
  testCompileOnly: true,
  developmentOnly: true,
  androidTestImplementation: true,
};

/** build.gradle / build.gradle.kts is code: plugins and "group:name:version" notations are read by pattern. */
export function readGradle(path: string, text: string): Manifest {
  const code = withoutBlocks(text, "/*", "*/").replace(/(^|\s)\/\/.*$/gm, "$1");
  const deps: Dependency[] = [];
  // `id("org.springframework.boot")`, `id 'org.springframework.boot' version '3.2.0'`, `apply plugin: 'x'`.
  for (const match of code.matchAll(/\bid(?:\s*\(\s*|\s+)["']([\w.-]+)["']|apply\s+plugin:\s*["']([\w.-]+)["']/g))
    deps.push({ ...dependency(match[1] ?? match[2]!, false), via: "plugin" });
  // `kotlin("jvm")` is the plugin `org.jetbrains.kotlin.jvm`.
  for (const match of code.matchAll(/\bkotlin\s*\(\s*["']([\w.-]+)["']\s*\)/g))
    deps.push({ ...dependency(`org.jetbrains.kotlin.${match[1]}`, false), via: "plugin" });
  // One whitespace run on each side of the optional "(" (`\s*\(?\s*` would backtrack quadratically on a long run of spaces).
  const notation = /\b(\w+)(?:\s*\(\s*|\s+)(?:platform\s*\(\s*)?["']([^:"'\s]+):([^:"'\s]+)(?::[^"']*)?["']/g;
  for (const match of code.matchAll(notation)) {
    const dev = gradleConfigurations[match[1]!];
    if (dev !== undefined) deps.push(dependency(`${match[2]}:${match[3]}`, dev));
  }
  const mobile = deps.some((dep) => dep.via === "plugin" && /^com\.android\.(application|library)$/.test(dep.name));
  return {
    path,
    ecosystem: "jvm",
    dependencies: deps,
    language: isKotlin(deps) ? "Kotlin" : "Java",
    role: mobile ? "mobile" : "application",
  };
}

/**
 * gradle/libs.versions.toml, the version catalog: build files name its aliases
 * (`libs.spring.boot.starter.web`), so its libraries and plugins are what the build uses.
 */
export function readVersionCatalog(path: string, text: string): Manifest | undefined {
  const toml = tomlRecord(text);
  if (!toml) return undefined;
  const deps: Dependency[] = [];
  for (const spec of Object.values(record(toml.libraries))) {
    const table = record(spec);
    const module =
      typeof spec === "string"
        ? spec.split(":").slice(0, 2).join(":")
        : typeof table.module === "string"
          ? table.module
          : typeof table.group === "string" && typeof table.name === "string"
            ? `${table.group}:${table.name}`
            : undefined;
    if (module) deps.push(dependency(module, false));
  }
  for (const spec of Object.values(record(toml.plugins))) {
    const id = typeof spec === "string" ? spec.split(":")[0] : strings(record(spec).id)[0];
    if (id) deps.push({ ...dependency(id, false), via: "plugin" });
  }
  return { path, ecosystem: "jvm", dependencies: deps, role: "catalog" };
}
