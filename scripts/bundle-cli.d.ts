// Types for what the tests use of scripts/bundle-cli.js.
import type { BuildOptions } from "esbuild";
export declare const cliBundleOptions: BuildOptions;
