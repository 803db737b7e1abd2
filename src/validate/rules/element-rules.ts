import type { PathFinding } from "../../findings/diagnostic.js";
import { arrayAt, objectAt } from "./well-formed.js";

/**
 * Cross-field rules that judge the elements of a document's large array one at a time, then the
 * rest of the document. Written this way, validation can drop each element once judged instead
 * of holding all of them (validate-by-element.ts); a whole parsed document is judged the same way.
 */
export interface ElementRules {
  /** The top-level array property whose elements are judged one by one. */
  array: string;
  /** A fresh judge, for one document. */
  judge(): ElementJudge;
}

export interface ElementJudge {
  /**
   * Each element once, in order. False once the judge needs all elements at once (validation
   * then parses the document whole, and `findings` sees them): the judge keeps nothing per
   * element that it might need later, which would outlive the batch.
   */
  element(value: unknown, index: number): boolean;
  /** The findings, once every element was seen; `document` holds the array emptied if every `element` said true. */
  findings(document: unknown): PathFinding[];
}

/** Judges a whole parsed document. */
export function judgeDocument(rules: ElementRules, document: unknown): PathFinding[] {
  const judge = rules.judge();
  arrayAt(objectAt(document)?.[rules.array]).forEach((value, index) => judge.element(value, index));
  return judge.findings(document);
}
