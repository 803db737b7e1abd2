// Run by `npm run bench` (through Jest, which loads the TypeScript fixtures the tests use):
// discovery on inputs built to be slow. The unit tests check what these runs answer; the time
// they take is measured here, where a busy machine misses a target instead of failing a test.
// The figure is the first run, compiling included, as one event pays it.
import { expect, it } from "@jest/globals";
import { discoverStack, evidenceFilesOf } from "../src/discovery/discover.js";
import { maxEvidenceFiles } from "../src/discovery/evidence-files.js";
import { filesByDirectory, type FilesByDirectory } from "../src/discovery/files-by-directory.js";
import { bigListing, bigListingContents } from "../test/unit/discovery/fixtures/big-listing.js";
import { discover } from "../test/unit/discovery/fixtures/discover.js";
import { stallingFiles } from "../test/unit/discovery/fixtures/stalling-files.js";
import { report, timeRuns } from "./support/timing.js";

it("times discovery on a 100,000-path listing and on files written to stall a reader", async () => {
  const paths = bigListing();
  let chosen: string[] = [];
  let files: FilesByDirectory = new Map();
  // The listing is grouped by directory in each run, as the GitHub view does with the tree it reads.
  const choose = await timeRuns(5, () => (chosen = evidenceFilesOf((files = filesByDirectory(paths)))));
  expect(chosen).toHaveLength(maxEvidenceFiles);
  report({
    name: "discovery: evidenceFilesOf on a 100,000-path listing",
    value: choose.first,
    unit: "ms",
    target: 1000,
    note: `${chosen.length} files chosen; median of 5 runs ${choose.median.toFixed(0)} ms`,
  });

  const contents = bigListingContents(chosen);
  const now = new Date("2026-03-02T00:00:00Z");
  const whole = await timeRuns(5, () => discoverStack({ files, contents, now }));
  report({
    name: "discovery: discoverStack on the 100,000-path listing",
    value: whole.first,
    unit: "ms",
    target: 2000,
    note: `median of 5 runs ${whole.median.toFixed(0)} ms`,
  });

  const stallers = stallingFiles();
  const megabytes = Object.values(stallers).reduce((sum, text) => sum + text.length, 0) / 1e6;
  const stalling = await timeRuns(3, () => discover(stallers));
  report({
    name: "discovery: files written to stall a reader",
    value: stalling.first,
    unit: "ms",
    target: 3000,
    note: `${Object.keys(stallers).length} files, ${megabytes.toFixed(1)} MB; median of 3 runs ${stalling.median.toFixed(0)} ms`,
  });
}, 120_000);
