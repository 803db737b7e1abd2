import type { z } from "zod";

/**
 * A quick "yes" for values a zod schema accepts: it answers only when zod would report no issue,
 * and otherwise doubts ("ask zod"). Validation asks it first for each element of a large array
 * (the 500,000 items of a debt register) and hands zod only the elements it doubts, so every
 * issue reported, message and path, is still zod's own. It checks in place and builds nothing,
 * where a zod parse copies each element and routes every field through its payload machinery:
 * on such a register, half the time and no garbage.
 *
 * Its yes also measures the value, which the caller would otherwise walk it for (duplicate keys,
 * the depth limit): the keys it holds (every key is visited anyway), and at most `depth` levels,
 * since what the schema does not describe is doubted, never entered.
 *
 * Sound, not complete: each part below mirrors what zod checks, or is stricter (unknown keys
 * are doubted even where zod would strip them; a string length near a limit is counted the way
 * zod counts it). A schema that uses anything not listed here (unions, transforms, defaults,
 * coercion, other checks) gets no acceptor, and zod sees every value as before. The unit test
 * holds it to zod on random values.
 */
export interface Acceptor {
  /** The number of keys the value holds (0 for a scalar) when zod accepts it; -1, its doubt. */
  keys: (value: unknown) => number;
  /** How deeply an accepted value can nest (a scalar is 0), as `measureParsed` counts. */
  depth: number;
}

type Keys = Acceptor["keys"];

/** A check on a value its type already accepted. */
type Check = (value: unknown) => boolean;

/** The parts of zod's internals read here (zod 4: `schema._zod`). */
interface Internals {
  def: {
    type: string;
    check?: string;
    checks?: { _zod: Internals }[];
    coerce?: boolean;
    innerType?: z.ZodType;
    element?: z.ZodType;
    shape?: Record<string, z.ZodType>;
    // Checks
    minimum?: number;
    maximum?: number;
    length?: number;
    value?: unknown;
    inclusive?: boolean;
    format?: string;
    pattern?: RegExp;
    fn?: (value: unknown) => unknown;
  };
  traits: Set<string>;
  values?: Set<unknown>;
  optin?: string;
  optout?: string;
}

const internals = (schema: unknown) => (schema as { _zod: Internals })._zod;

const compiled = new WeakMap<z.ZodType, Acceptor | null>();

/** The schema's acceptor, compiled once; undefined when the schema uses something it does not know. */
export function acceptorOf(schema: z.ZodType): Acceptor | undefined {
  let acceptor = compiled.get(schema);
  if (acceptor === undefined) {
    acceptor = compile(schema) ?? null;
    compiled.set(schema, acceptor);
  }
  return acceptor ?? undefined;
}

function compile(schema: unknown): Acceptor | undefined {
  const zod = internals(schema);
  const { def } = zod;
  if (def.coerce) return undefined; // zod would check a converted value
  const base = typeAcceptor(zod);
  if (!base) return undefined;
  // Like zod: a schema that is itself a check (z.int() is a number format) runs first, then its checks.
  const checks = [...(zod.traits.has("$ZodCheck") ? [zod] : []), ...(def.checks ?? []).map((check) => check._zod)];
  let keys = base.keys;
  for (const check of checks) {
    // A check of an object, or a refinement of an array, sees zod's copy of the value, not the input.
    if (def.type === "object" || (base.depth > 0 && check.def.check === "custom")) return undefined;
    const passes = checkOf(check);
    if (!passes) return undefined;
    const before = keys;
    keys = (value) => {
      const held = before(value);
      return held >= 0 && passes(value) ? held : -1;
    };
  }
  return { keys, depth: base.depth };
}

const scalar = (accepts: (value: unknown) => boolean): Acceptor => ({
  keys: (value) => (accepts(value) ? 0 : -1),
  depth: 0,
});

function typeAcceptor(zod: Internals): Acceptor | undefined {
  const { def } = zod;
  switch (def.type) {
    case "string":
      return scalar((value) => typeof value === "string");
    case "number":
      // zod refuses NaN and the infinities (JSON.parse makes 1e999 Infinity).
      return scalar((value) => typeof value === "number" && Number.isFinite(value));
    case "boolean":
      return scalar((value) => typeof value === "boolean");
    case "null":
      return scalar((value) => value === null);
    case "enum":
    case "literal": {
      const values = zod.values;
      return values && scalar((value) => values.has(value));
    }
    case "nullable": {
      const inner = def.innerType && compile(def.innerType);
      if (!inner) return undefined;
      const innerKeys = inner.keys;
      return { keys: (value) => (value === null ? 0 : innerKeys(value)), depth: inner.depth };
    }
    case "optional":
      // A value present must pass the inner schema; whether absence is allowed is the object's business.
      return def.innerType && compile(def.innerType);
    case "array": {
      const element = def.element && compile(def.element);
      return element && arrayAcceptor(element);
    }
    case "object":
      return def.shape && objectAcceptor(def.shape);
    default:
      return undefined;
  }
}

function arrayAcceptor(element: Acceptor): Acceptor {
  const elementKeys = element.keys;
  const keys: Keys = (value) => {
    if (!Array.isArray(value)) return -1;
    let held = 0;
    for (const item of value) {
      const inner = elementKeys(item);
      if (inner < 0) return -1;
      held += inner;
    }
    return held;
  };
  return { keys, depth: 1 + element.depth };
}

interface Field {
  keys: Keys;
  /** zod reports the key when it is absent. */
  required: boolean;
}

/**
 * Every key known and accepted, every required key present. An unknown key is doubted whatever
 * the object's mode (zod strips or reports it): the acceptor never looks into what the schema
 * does not describe.
 */
function objectAcceptor(shape: Record<string, z.ZodType>): Acceptor | undefined {
  if (Object.getOwnPropertySymbols(shape).length > 0) return undefined;
  const fields = new Map<string, Field>();
  let required = 0;
  let depth = 0;
  for (const [key, schema] of Object.entries(shape)) {
    const acceptor = compile(schema);
    if (!acceptor || key === "__proto__") return undefined;
    const { optin, optout } = internals(schema);
    const field = { keys: acceptor.keys, required: !(optin === "optional" && optout === "optional") };
    if (field.required) required++;
    depth = Math.max(depth, acceptor.depth);
    fields.set(key, field);
  }
  const keys: Keys = (value) => {
    if (typeof value !== "object" || value === null || Array.isArray(value)) return -1;
    let held = 0;
    let present = 0;
    for (const key in value) {
      const field = fields.get(key);
      const inner = field === undefined ? -1 : field.keys((value as Record<string, unknown>)[key]);
      if (inner < 0) return -1;
      held += 1 + inner;
      if (field!.required) present++;
    }
    return present === required ? held : -1;
  };
  return { keys, depth: 1 + depth };
}

/**
 * zod measures strings in code points (a surrogate pair is one). Counted only near a limit: a
 * string of at least twice `n` UTF-16 units has at least `n` code points, one of at most `n`
 * units has at most `n`.
 */
function codePoints(text: string): number {
  let count = text.length;
  for (let i = 0; i < text.length - 1; i++)
    if ((text.charCodeAt(i) & 0xfc00) === 0xd800 && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      count--;
      i++;
    }
  return count;
}

type Sized = string | readonly unknown[];
const lengthOf = (value: Sized) => (typeof value === "string" ? codePoints(value) : value.length);

/** zod's number formats: integers or not, and their range (z.int() is "safeint"). */
const numberFormats: Record<string, { integer: boolean; min: number; max: number }> = {
  safeint: { integer: true, min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER },
  int32: { integer: true, min: -2147483648, max: 2147483647 },
  uint32: { integer: true, min: 0, max: 4294967295 },
  float64: { integer: false, min: -Number.MAX_VALUE, max: Number.MAX_VALUE },
};

function checkOf(check: Internals): Check | undefined {
  const { def } = check;
  switch (def.check) {
    case "min_length": {
      const minimum = def.minimum!;
      return (value) => (value as Sized).length >= minimum * 2 || lengthOf(value as Sized) >= minimum;
    }
    case "max_length": {
      const maximum = def.maximum!;
      return (value) => (value as Sized).length <= maximum || lengthOf(value as Sized) <= maximum;
    }
    case "length_equals": {
      const length = def.length!;
      return (value) => lengthOf(value as Sized) === length;
    }
    case "greater_than": {
      const bound = def.value;
      if (typeof bound !== "number") return undefined;
      return def.inclusive ? (value) => (value as number) >= bound : (value) => (value as number) > bound;
    }
    case "less_than": {
      const bound = def.value;
      if (typeof bound !== "number") return undefined;
      return def.inclusive ? (value) => (value as number) <= bound : (value) => (value as number) < bound;
    }
    case "number_format": {
      const format = numberFormats[def.format ?? "float64"];
      if (!format) return undefined;
      const { integer, min, max } = format;
      return (value) =>
        (!integer || Number.isSafeInteger(value)) && (value as number) >= min && (value as number) <= max;
    }
    case "string_format": {
      // Only `.regex()`: other formats have checks of their own beyond a pattern.
      const pattern = def.pattern;
      if (def.format !== "regex" || !pattern || !check.traits.has("$ZodCheckRegex")) return undefined;
      return (value) => {
        pattern.lastIndex = 0;
        return pattern.test(value as string);
      };
    }
    case "custom": {
      // `.refine(fn)`: zod accepts a truthy result; only `true` is trusted here (a promise is zod's to refuse).
      const fn = def.fn;
      if (!check.traits.has("$ZodCustom") || typeof fn !== "function") return undefined;
      return (value) => fn(value) === true;
    }
    default:
      return undefined;
  }
}
