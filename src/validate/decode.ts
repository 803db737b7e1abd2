import type { Finding } from "../findings/diagnostic.js";

export const defaultMaxFileSizeBytes = 5 * 1024 * 1024;

export type DecodeResult =
  { ok: true; text: string; findings: Finding[] } | { ok: false; text: string; findings: Finding[] };

const fatalDecoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
const lenientDecoder = new TextDecoder("utf-8", { fatal: false, ignoreBOM: true });

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MiB` : `${bytes} bytes`;
}

/** Finds where the first invalid UTF-8 sequence starts (a byte offset). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const byte = bytes[i]!;
    let needed = 0;
    let min = 0;
    if (byte < 0x80) {
      i++;
      continue;
    } else if (byte >= 0xc2 && byte <= 0xdf) [needed, min] = [1, 0x80];
    else if (byte >= 0xe0 && byte <= 0xef) [needed, min] = [2, 0x800];
    else if (byte >= 0xf0 && byte <= 0xf4) [needed, min] = [3, 0x10000];
    else return i;
    let codePoint = byte & (0xff >> (needed + 2));
    for (let k = 1; k <= needed; k++) {
      const next = bytes[i + k];
      if (next === undefined || (next & 0xc0) !== 0x80) return i;
      codePoint = (codePoint << 6) | (next & 0x3f);
    }
    if (codePoint < min || codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff)) return i;
    i += needed + 1;
  }
  return -1;
}

function tooLarge(size: number, maxBytes: number): DecodeResult {
  return {
    ok: false,
    text: "",
    findings: [
      {
        span: { start: 0, end: 0 },
        severity: "error",
        code: "file-too-large",
        message: `file is ${formatSize(size)}, over the ${formatSize(maxBytes)} limit (validation.maxFileSizeBytes); it was not read`,
      },
    ],
  };
}

const byteOrderMark: Finding = {
  span: { start: 0, end: 0 },
  severity: "error",
  code: "byte-order-mark",
  message: "file starts with a UTF-8 byte order mark (BOM); save it as UTF-8 without BOM",
};

/**
 * Accepts text a source has already decoded exactly (its bytes were valid UTF-8): the same
 * limit and byte-order-mark rules as `decodeDataFile`, without a second copy of the file.
 */
export function acceptDecodedText(text: string, size: number, maxBytes: number): DecodeResult {
  if (size > maxBytes) return tooLarge(size, maxBytes);
  return text.charCodeAt(0) === 0xfeff
    ? { ok: true, text: text.slice(1), findings: [byteOrderMark] }
    : { ok: true, text, findings: [] };
}

/**
 * Turns a file's bytes into text, refusing what a data file must not be: larger than the
 * limit, not UTF-8. A byte order mark is reported and then skipped so the rest of the file
 * is still checked.
 */
export function decodeDataFile(bytes: Uint8Array, size: number, maxBytes: number): DecodeResult {
  if (size > maxBytes) return tooLarge(size, maxBytes);
  const findings: Finding[] = [];
  let body = bytes;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    findings.push(byteOrderMark);
    body = bytes.subarray(3);
  }
  try {
    return { ok: true, text: fatalDecoder.decode(body), findings };
  } catch {
    const badByte = firstInvalidUtf8(body);
    // Everything before the bad byte is valid, so its decoded length is the UTF-16 offset.
    const prefix = lenientDecoder.decode(body.subarray(0, Math.max(0, badByte)));
    const text = lenientDecoder.decode(body);
    findings.push({
      span: { start: prefix.length, end: prefix.length + 1 },
      severity: "error",
      code: "invalid-utf8",
      message: `invalid UTF-8 byte 0x${(body[badByte] ?? 0).toString(16).padStart(2, "0")} (at byte ${badByte + (body === bytes ? 0 : 3)}); data files must be UTF-8`,
    });
    return { ok: false, text, findings };
  }
}
