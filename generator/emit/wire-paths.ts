// The envelope's property paths as generated code and types: reads through a path (optional-chained,
// so that a missing object, an array, a primitive or null on the way gives `undefined`), and object types
// with values at paths, merged into one type literal where paths share a prefix.
import type { WirePath } from "../model/model.ts";
import { optionalAccess, propertyAccess, propertyName } from "./safe-text.ts";

/** The type of an envelope field's property on every error (absent: `undefined`). */
export const FIELD_PROPERTY_TYPES = { string: "string | undefined", number: "number | undefined", boolean: "boolean | undefined", json: "unknown" } as const;

/** `base?.a?.b`: `undefined` wherever the path breaks off. `base` itself for the empty path. */
export function readPath(base: string, path: WirePath): string {
  return base + path.map(optionalAccess).join("");
}

/** `base.a?.b`: for a `base` known to be an object. */
export function readPathFrom(base: string, path: WirePath): string {
  return path.length === 0 ? base : base + propertyAccess(path[0]!) + path.slice(1).map(optionalAccess).join("");
}

/** `base.a.b`: for a path the types say is there. */
export function accessPath(base: string, path: WirePath): string {
  return base + path.map(propertyAccess).join("");
}

/** The path as the spec writes it: `Response.Error`, or `.` for the object itself. */
export function pathText(path: WirePath): string {
  return path.length === 0 ? "." : path.join(".");
}

/** Where a path leads in a body, for docs: `` `Response.Error` of the body ``, or `the body itself`. */
export function placeInBody(path: WirePath): string {
  return path.length === 0 ? "the body itself" : `\`${path.join(".")}\` of the body`;
}

/** An object type under construction: the types it is (intersected) and its members by name. */
export interface TypeNode {
  readonly types: string[];
  readonly members: Map<string, { readonly node: TypeNode; optional: boolean; readonly docs: string | undefined }>;
}

export function typeNode(): TypeNode {
  return { types: [], members: new Map() };
}

/** Puts `type` at `path` below `node`: the members on the way are optional only when everything below them is. */
export function place(node: TypeNode, path: WirePath, type: string, options: { optional?: boolean; docs?: string } = {}): void {
  let at = node;
  path.forEach((name, index) => {
    let member = at.members.get(name);
    if (member === undefined) {
      member = { node: typeNode(), optional: options.optional ?? false, docs: index === path.length - 1 ? options.docs : undefined };
      at.members.set(name, member);
    } else if (!options.optional) {
      member.optional = false;
    }
    at = member.node;
  });
  at.types.push(type);
}

/** The node at `path` below `node`, made when missing; `docs` for the member made last. */
export function nodeAt(node: TypeNode, path: WirePath, docs?: string): TypeNode {
  let at = node;
  path.forEach((name, index) => {
    let member = at.members.get(name);
    if (member === undefined) at.members.set(name, (member = { node: typeNode(), optional: false, docs: index === path.length - 1 ? docs : undefined }));
    at = member.node;
  });
  return at;
}

/** The node's type as TypeScript: its types and a literal of its members, intersected (`T & { RequestId: string }`). */
export function printType(node: TypeNode): string {
  const parts = [...node.types];
  if (node.members.size > 0) {
    const members = [...node.members].map(([name, member]) => `${propertyName(name)}${member.optional ? "?" : ""}: ${printType(member.node)}`);
    parts.push(`{ ${members.join("; ")} }`);
  }
  if (parts.length === 0) return "{}";
  return parts.length === 1 ? parts[0]! : parts.map((part) => (part.includes(" | ") && !part.startsWith("{") ? `(${part})` : part)).join(" & ");
}
