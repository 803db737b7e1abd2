// Types for what the tests read from eslint.config.js (the architecture layers).
export declare const layers: string[][];
declare const config: unknown[];
export default config;
