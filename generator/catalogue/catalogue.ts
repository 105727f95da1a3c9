// The catalogue a generated package embeds as `catalogue.json`: its codes with their identifiers,
// classes, parents, descriptions and metadata, the names each entry point exports, and the hash of the
// specs it came from. `errgen diff` reads it back from a package folder, an installed copy or a
// tarball, so a team can see what an upgrade changes; `generate --bump` reads the previous one.
import { createHash } from "node:crypto";
import { ErrgenError } from "../diagnostics.ts";

/** The catalogue format's version: a reader refuses others rather than misread them. */
export const CATALOGUE_FORMAT = 1;
export const CATALOGUE_FILE = "catalogue.json";
/** The package's changelog, which only releases change (release/changelog.ts). */
export const CHANGELOG_FILE = "CHANGELOG.md";

export interface Catalogue {
  readonly errgenCatalogue: typeof CATALOGUE_FORMAT;
  readonly package: { readonly name: string; readonly version: string };
  readonly specHash: string;
  readonly products: readonly { readonly name: string; readonly version: string }[];
  /** Entry point (`.`, `./lke`) → the names it exports, values and types, sorted. */
  readonly entries: Readonly<Record<string, readonly string[]>>;
  /** Sorted by product ("" for the root spec first), then code. */
  readonly codes: readonly CatalogueCode[];
  /** The classes of categories that are not codes themselves (`AuthFailureError` when `AuthFailure` is no code), sorted. */
  readonly categoryClasses: readonly { readonly category: string; readonly className: string; readonly parent: string }[];
}

export interface CatalogueCode {
  readonly code: string;
  /** The product that declares it; absent for the root spec. */
  readonly product?: string;
  readonly identifier: string;
  readonly className: string;
  /** The class it extends. */
  readonly parent: string;
  readonly description?: string;
  readonly descriptionZh?: string;
  readonly retryable: boolean;
  readonly fault?: "client" | "server";
  readonly deprecated?: string;
  readonly since?: string;
}

/** `sha256:<hex>` of spec files by name and text, in the order read. */
export function hashSources(sources: readonly (readonly [name: string, text: string])[]): string {
  const hash = createHash("sha256");
  for (const [name, text] of sources) hash.update(name).update("\0").update(text).update("\0");
  return `sha256:${hash.digest("hex")}`;
}

/** JSON with one code per line: small, and readable in a diff of the package. */
export function printCatalogue(catalogue: Catalogue): string {
  const { codes, entries, categoryClasses, ...head } = catalogue;
  const lines = Object.entries(head).map(([key, value]) => `  ${JSON.stringify(key)}: ${JSON.stringify(value)},`);
  lines.push('  "entries": {', Object.entries(entries).map(([entry, names]) => `    ${JSON.stringify(entry)}: ${JSON.stringify(names)}`).join(",\n"), "  },");
  lines.push('  "categoryClasses": [', categoryClasses.map((entry) => `    ${JSON.stringify(entry)}`).join(",\n"), "  ],");
  lines.push('  "codes": [', codes.map((code) => `    ${JSON.stringify(code)}`).join(",\n"), "  ]");
  return `{\n${lines.join("\n")}\n}\n`;
}

/** A catalogue file that is not one errgen can read: exit 2, naming the file. */
export class CatalogueError extends ErrgenError {}

/** Reads a catalogue back, checking enough of its shape that a diff cannot misread it. */
export function parseCatalogue(text: string, shown: string): Catalogue {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new CatalogueError(`${shown} is not JSON: ${(error as Error).message}`);
  }
  const object = value as Partial<Catalogue> | null;
  if (typeof object !== "object" || object === null || !("errgenCatalogue" in object)) throw new CatalogueError(`${shown} is not an errgen catalogue`);
  if (object.errgenCatalogue !== CATALOGUE_FORMAT) {
    throw new CatalogueError(`${shown} is an errgen catalogue of format ${JSON.stringify(object.errgenCatalogue)}; this errgen reads format ${CATALOGUE_FORMAT}: update errgen`);
  }
  const valid =
    typeof object.package?.name === "string" &&
    typeof object.package.version === "string" &&
    typeof object.specHash === "string" &&
    Array.isArray(object.products) &&
    typeof object.entries === "object" &&
    object.entries !== null &&
    Object.values(object.entries).every((names) => Array.isArray(names) && names.every((name) => typeof name === "string")) &&
    Array.isArray(object.categoryClasses) &&
    object.categoryClasses.every((entry) => typeof entry?.className === "string" && typeof entry.parent === "string") &&
    Array.isArray(object.codes) &&
    object.codes.every((code) => typeof code?.code === "string" && typeof code.identifier === "string" && typeof code.className === "string" && typeof code.parent === "string");
  if (!valid) throw new CatalogueError(`${shown} is a damaged errgen catalogue: regenerate the package`);
  return object as Catalogue;
}
