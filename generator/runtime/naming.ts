// errgen's naming rule, in one place: the generator names identifiers and classes by it, and every
// generated package carries it (in `src/base.ts`) to name the classes it makes at run time.

/**
 * The code's segments capitalised and joined, with `suffix` added unless the name already ends in it:
 * `AuthFailure.SignatureFailure` → `AuthFailureSignatureFailure`, or with the suffix `Error` the class
 * name `AuthFailureSignatureFailureError`.
 */
export function nameOf(code: string, suffix: string = ""): string {
  const name = code.split(".").map((segment) => segment.charAt(0).toUpperCase() + segment.slice(1)).join("");
  return name.endsWith(suffix) ? name : name + suffix;
}
