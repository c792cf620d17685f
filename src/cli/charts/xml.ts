// A few lines of XML writing for the chart parts: escaped text and attributes, and elements built
// from their children in the order the caller gives (the caller keeps the schema's order).

/** Text or a double-quoted attribute value with &, <, > and " escaped; characters XML 1.0 does
 *  not allow (control characters other than tab, line feed and carriage return) are dropped. */
export function esc(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "")
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;")
  );
}

export type Attributes = Record<string, string | number | undefined>;

/** `<name attrs>children</name>`, or `<name attrs/>` without children; undefined attributes and
 *  children are left out. Children are markup: text goes in through esc(). */
export function el(
  name: string,
  attrs: Attributes = {},
  ...children: (string | undefined)[]
): string {
  const a = Object.entries(attrs)
    .filter((e): e is [string, string | number] => e[1] !== undefined)
    .map(([k, v]) => ` ${k}="${esc(String(v))}"`)
    .join("");
  const inner = children.filter((c): c is string => c !== undefined).join("");
  return inner === "" ? `<${name}${a}/>` : `<${name}${a}>${inner}</${name}>`;
}

/** An element with a single `val` attribute, as most chart properties are (`<c:gapWidth val="80"/>`). */
export function val(name: string, value: string | number): string {
  return el(name, { val: value });
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
