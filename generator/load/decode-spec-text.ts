// A spec file's bytes as text. Specs are UTF-8 (a byte-order mark is fine); anything else is a
// diagnostic at the first byte that is not, saying what to save the file as, rather than text with
// U+FFFD in it shipped into a package.
import { isUtf8 } from "node:buffer";
import { diagnostic, type Diagnostic } from "../diagnostics.ts";
import { LineIndex } from "./line-index.ts";

export type DecodedText = { readonly text: string } | { readonly diagnostic: Diagnostic };

const SAVE_AS_UTF8 = "save the file as UTF-8";

export function decodeSpecText(bytes: Uint8Array, file: string): DecodedText {
  const at = (offset: number, message: string): DecodedText => {
    const before = new TextDecoder("utf-8").decode(bytes.subarray(0, offset));
    return { diagnostic: diagnostic(new LineIndex(file, before).position(before.length), message) };
  };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return at(0, `the file is UTF-16 (little-endian, by its byte-order mark): ${SAVE_AS_UTF8}`);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return at(0, `the file is UTF-16 (big-endian, by its byte-order mark): ${SAVE_AS_UTF8}`);
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  // Valid text, as nearly every spec is, is told natively; the byte-by-byte walk finds where it is not.
  const bad = isUtf8(bytes.subarray(start)) ? undefined : firstInvalidUtf8(bytes, start);
  if (bad !== undefined) {
    const shown = [...bytes.subarray(bad, bad + 4)].map((byte) => `0x${byte.toString(16).padStart(2, "0")}`).join(" ");
    return at(bad, `the file is not UTF-8: the bytes here (${shown}) are no UTF-8 character; ${SAVE_AS_UTF8} (it may be Latin-1 or GBK)`);
  }
  const nul = bytes.indexOf(0, start);
  if (nul !== -1) return at(nul, `the file holds a NUL byte here: it looks like UTF-16 without a byte-order mark, or not text at all; ${SAVE_AS_UTF8}`);
  return { text: new TextDecoder("utf-8").decode(bytes.subarray(start)) };
}

/** The offset of the first byte that does not belong to a well-formed UTF-8 sequence (RFC 3629), if any. */
function firstInvalidUtf8(bytes: Uint8Array, start: number): number | undefined {
  let i = start;
  while (i < bytes.length) {
    const byte = bytes[i]!;
    if (byte < 0x80) {
      i++;
      continue;
    }
    const [length, low, high] = byte >= 0xc2 && byte <= 0xdf ? [2, 0x80, 0xbf] : byte === 0xe0 ? [3, 0xa0, 0xbf] : byte === 0xed ? [3, 0x80, 0x9f] : byte >= 0xe1 && byte <= 0xef ? [3, 0x80, 0xbf] : byte === 0xf0 ? [4, 0x90, 0xbf] : byte >= 0xf1 && byte <= 0xf3 ? [4, 0x80, 0xbf] : byte === 0xf4 ? [4, 0x80, 0x8f] : [0, 0, 0];
    if (length === 0 || i + length > bytes.length) return i;
    const second = bytes[i + 1]!;
    if (second < low || second > high) return i;
    for (let k = 2; k < length; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    i += length;
  }
  return undefined;
}
