// Types for what the tests use of scripts/release.js.
export declare function versionOfTag(tag: string): string;
export declare function majorTagOf(tag: string): string;
export declare function releaseNotes(changelog: string, version: string): string;
