import type { z } from "zod";
import { append, type PathFinding } from "../findings/diagnostic.js";
import { schemaFindings } from "../findings/schema-findings.js";
import { elementRun, likelyRun, skipWhitespace, topLevelArray, type Run } from "./json-extent.js";
import { countWrittenKeys, keyColonBound, maxJsonDepth, measureParsed } from "./json-structure.js";
import type { ElementRules } from "./rules/element-rules.js";
import { acceptorOf } from "./schema-acceptor.js";
import { elementIssues, elementSchemaOf, schemaIssues } from "./schema-issues.js";

/**
 * Characters of elements parsed at a time. Small enough that a batch dies young (a young
 * generation holds several), large enough that a parse call does real work. Measured on a
 * 500,000-item register: 16 to 64 KiB alike, 8 KiB and 256 KiB slower by a tenth and a quarter.
 */
const defaultBatchLength = 64 * 1024;

/**
 * The schema and rule findings of a JSON data file whose bulk is one array of its top-level
 * object (the items of a debt register), found a batch of elements at a time: each batch parsed
 * from its own slice of the text, its elements checked and judged, then dropped; then the rest of
 * the document, the array emptied.
 *
 * Why: parsing the whole text builds a tree whose objects all live to the end, and V8 copies each
 * of them out of its young generation as they pile up; on 500,000 items that costs as much again
 * as the parse. Batches dropped at once die young and cost the collector nothing; the memory held
 * stays near the text's size. The same checks as for a whole document come along: keys written
 * against keys parsed (duplicates), depth, `__proto__`.
 *
 * undefined when the text is anything but the plain case: not JSON (or not as far as the scan
 * can tell), a duplicate or `__proto__` key, nesting past the limit, no such array. The caller
 * then parses the whole text (parseJsonDocument), which reports each of those as it always has;
 * for the plain case, the findings are the ones the whole-document path gives.
 */
export function findingsByElement(
  text: string,
  schema: z.ZodType,
  rules: ElementRules,
  batchLength = defaultBatchLength,
): PathFinding[] | undefined {
  const key = rules.array;
  const element = elementSchemaOf(schema, key);
  const open = element && topLevelArray(text, key);
  if (!element || open === undefined) return undefined;
  // The document (level 1) holds the array (level 2): an element's own levels come on top.
  const acceptor = acceptorOf(element);
  const accept = acceptor && 2 + acceptor.depth <= maxJsonDepth ? acceptor.keys : undefined;
  const judge = rules.judge();
  const elementFindings: PathFinding[] = [];

  let start = skipWhitespace(text, open + 1);
  let close = text.charCodeAt(start) === 93 /* ] */ ? start : -1;
  for (let index = 0; close === -1;) {
    const batch = nextBatch(text, start, batchLength);
    if (!batch) return undefined;
    let keys = 0;
    for (const item of batch.items) {
      let held = accept ? accept(item) : -1;
      if (held < 0) {
        // Measured before zod looks at it, as a whole document is.
        const shape = measureParsed(item);
        if (shape.forbidden || 2 + shape.depth > maxJsonDepth) return undefined;
        held = shape.keys;
        // schemaFindings reads the values it describes from the document: this one holds the element at its path.
        append(elementFindings, schemaFindings(elementIssues(element, item, key, index), { [key]: { [index]: item } }));
      }
      keys += held;
      if (!judge.element(item, index++)) return undefined;
    }
    // Fewer keys parsed than written: an element repeats one.
    if (keys !== keyColonBound(batch.text) && keys !== countWrittenKeys(batch.text)) return undefined;
    if (batch.run.closes) close = batch.run.next;
    else start = batch.run.next;
  }

  const restText = text.slice(0, open + 1) + text.slice(close);
  const rest = parseOrUndefined(restText);
  if (rest === undefined) return undefined;
  const shape = measureParsed(rest);
  if (shape.forbidden || shape.depth > maxJsonDepth || shape.keys !== countWrittenKeys(restText)) return undefined;
  // In the order of the whole-document path: the document's schema issues, its elements', then the rules'.
  const findings = schemaFindings(schemaIssues(schema, rest), rest);
  append(findings, elementFindings);
  append(findings, judge.findings(rest));
  return findings;
}

interface Batch {
  items: unknown[];
  /** The elements' text, commas between them included. */
  text: string;
  run: Run;
}

/** The elements from `start` (the first one's offset), parsed; undefined where the text is not JSON. */
function nextBatch(text: string, start: number, batchLength: number): Batch | undefined {
  // A guessed run is confirmed by its parse; one that does not parse is found again exactly.
  const guess = likelyRun(text, start, batchLength);
  const guessed = guess && parsedRun(text, start, guess);
  if (guessed) return guessed;
  const run = elementRun(text, start, batchLength);
  return run && parsedRun(text, start, run);
}

function parsedRun(text: string, start: number, run: Run): Batch | undefined {
  const elements = text.slice(start, run.end);
  const items = parseOrUndefined(`[${elements}]`);
  return Array.isArray(items) ? { items, text: elements, run } : undefined;
}

function parseOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
