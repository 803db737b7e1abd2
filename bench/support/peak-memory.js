// Preloaded with `--import`: writes the process's peak resident memory (bytes) to the file named
// by PEAK_MEMORY_FILE as it exits, so a benchmark can weigh a child process it spawned.
import { writeFileSync } from "node:fs";

const file = process.env.PEAK_MEMORY_FILE;
if (file) process.on("exit", () => writeFileSync(file, String(process.resourceUsage().maxRSS * 1024)));
