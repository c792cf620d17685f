/* global __dirname, URL, Buffer, process */
import { describe, expect, test } from "@jest/globals";
/**
 * Offline checks of manifest.xml (the add-in only XML manifest) and the icons it points at.
 *
 * No Office schema files (XSD) ship with any installed package and the official validator
 * (`npm run validate`) needs the network, so this suite checks what the schema would: element
 * order and required children for the elements we use, resource references and their kinds,
 * string lengths; and what the schema cannot: https everywhere, the shared runtime wiring,
 * the KAM namespace, zh-CN coverage, and that every icon is a real PNG of the declared size.
 *
 * Every check returns a list of problems. The last block feeds deliberately broken copies of the
 * manifest to the checks to prove that each one actually fails when it should.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { PNG } from "pngjs";

const MANIFEST_PATH = path.resolve(__dirname, "../manifest.xml");
const ASSETS_DIR = path.resolve(__dirname, "../assets");
const MANIFEST_XML = fs.readFileSync(MANIFEST_PATH, "utf8");

const NS_APP = "http://schemas.microsoft.com/office/appforoffice/1.1";
const NS_BT = "http://schemas.microsoft.com/office/officeappbasictypes/1.0";
const NS_VO = "http://schemas.microsoft.com/office/taskpaneappversionoverrides";
const NAMESPACE_RESID_VALUE = "KAM";
const ZH = "zh-CN";
const CJK = /[\u3400-\u9fff]/;

// ---------------------------------------------------------------------------------------------
// A small ordered element tree built from fast-xml-parser's preserveOrder output.

interface XNode {
  name: string;
  attrs: Record<string, string>;
  children: XNode[];
  text: string;
}

type OrderedItem = Record<string, unknown>;

function toTree(items: OrderedItem[]): XNode[] {
  const nodes: XNode[] = [];
  for (const item of items) {
    const name = Object.keys(item).find((k) => k !== ":@");
    if (!name || name === "#text" || name.startsWith("?")) continue;
    const rawAttrs = (item[":@"] ?? {}) as Record<string, unknown>;
    const attrs: Record<string, string> = {};
    for (const [k, v] of Object.entries(rawAttrs)) attrs[k] = String(v);
    const kids = (item[name] ?? []) as OrderedItem[];
    const text = kids
      .filter((k) => "#text" in k)
      .map((k) => String(k["#text"]))
      .join("")
      .trim();
    nodes.push({ name, attrs, children: toTree(kids), text });
  }
  return nodes;
}

function parseXml(xml: string): XNode {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw new Error(`manifest.xml is not well-formed: ${valid.err.msg} (line ${valid.err.line})`);
  }
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: "",
    parseAttributeValue: false,
    parseTagValue: false,
    ignoreDeclaration: true,
    trimValues: true,
  });
  const roots = toTree(parser.parse(xml) as OrderedItem[]);
  if (roots.length !== 1) throw new Error(`expected one root element, found ${roots.length}`);
  return roots[0];
}

function kids(node: XNode | undefined, name: string): XNode[] {
  return node ? node.children.filter((c) => c.name === name) : [];
}

function kid(node: XNode | undefined, name: string): XNode | undefined {
  return kids(node, name)[0];
}

/** Follows a path of child names; undefined if any step is missing. */
function at(node: XNode | undefined, ...names: string[]): XNode | undefined {
  let cur = node;
  for (const n of names) cur = kid(cur, n);
  return cur;
}

function walk(
  node: XNode,
  visit: (n: XNode, parents: XNode[]) => void,
  parents: XNode[] = []
): void {
  visit(node, parents);
  for (const c of node.children) walk(c, visit, [...parents, node]);
}

// ---------------------------------------------------------------------------------------------
// The manifest model: the tree plus its resource table.

type ResourceKind = "Images" | "Urls" | "ShortStrings" | "LongStrings";
const RESOURCE_KINDS: ResourceKind[] = ["Images", "Urls", "ShortStrings", "LongStrings"];

interface Resource {
  kind: ResourceKind;
  id: string;
  value: string;
  overrides: Map<string, string>;
}

interface Manifest {
  root: XNode;
  resources: Map<string, Resource>;
  duplicateIds: string[];
}

function load(xml: string): Manifest {
  const root = parseXml(xml);
  const resources = new Map<string, Resource>();
  const duplicateIds: string[] = [];
  const res = at(root, "VersionOverrides", "Resources");
  for (const kind of RESOURCE_KINDS) {
    const group = kid(res, `bt:${kind}`);
    const entryName = kind === "Images" ? "bt:Image" : kind === "Urls" ? "bt:Url" : "bt:String";
    for (const entry of kids(group, entryName)) {
      const id = entry.attrs.id ?? "";
      if (resources.has(id)) duplicateIds.push(id);
      const overrides = new Map<string, string>();
      for (const o of kids(entry, "bt:Override"))
        overrides.set(o.attrs.Locale ?? "", o.attrs.Value ?? "");
      resources.set(id, { kind, id, value: entry.attrs.DefaultValue ?? "", overrides });
    }
  }
  return { root, resources, duplicateIds };
}

/** Runs a check; a check that throws (e.g. unparsable XML) counts as one problem. */
function run(check: (m: Manifest) => string[], xml: string): string[] {
  try {
    return check(load(xml));
  } catch (e) {
    return [e instanceof Error ? e.message : String(e)];
  }
}

function versionOverrides(m: Manifest): XNode | undefined {
  return kid(m.root, "VersionOverrides");
}

function workbookHost(m: Manifest): XNode | undefined {
  return kids(at(m.root, "VersionOverrides", "Hosts"), "Host").find(
    (h) => h.attrs["xsi:type"] === "Workbook"
  );
}

function extensionPoint(parent: XNode | undefined, type: string): XNode | undefined {
  return kids(parent, "ExtensionPoint").find((e) => e.attrs["xsi:type"] === type);
}

function urlValue(m: Manifest, resid: string | undefined): string | undefined {
  const r = resid === undefined ? undefined : m.resources.get(resid);
  return r && r.kind === "Urls" ? r.value : undefined;
}

// ---------------------------------------------------------------------------------------------
// Element order and required children (from the TaskPaneApp and VersionOverridesV1_0 schemas).

interface Shape {
  order: string[];
  required: string[];
}

const SHAPES: Record<string, Shape> = {
  OfficeApp: {
    order: [
      "Id",
      "AlternateId",
      "Version",
      "ProviderName",
      "DefaultLocale",
      "DisplayName",
      "Description",
      "IconUrl",
      "HighResolutionIconUrl",
      "SupportUrl",
      "AppDomains",
      "Hosts",
      "Requirements",
      "DefaultSettings",
      "Permissions",
      "Dictionary",
      "VersionOverrides",
      "ExtendedOverrides",
    ],
    required: [
      "Id",
      "Version",
      "ProviderName",
      "DefaultLocale",
      "DisplayName",
      "Description",
      "DefaultSettings",
      "Permissions",
    ],
  },
  Requirements: { order: ["Sets", "Methods"], required: ["Sets"] },
  DefaultSettings: {
    order: ["SourceLocation", "RequestedWidth", "RequestedHeight"],
    required: ["SourceLocation"],
  },
  VersionOverrides: {
    order: [
      "Description",
      "Requirements",
      "Hosts",
      "Resources",
      "WebApplicationInfo",
      "EquivalentAddins",
    ],
    required: ["Hosts", "Resources"],
  },
  Host: { order: ["Runtimes", "AllFormFactors", "DesktopFormFactor"], required: [] },
  CustomFunctions: {
    order: ["Script", "Page", "Metadata", "Namespace"],
    required: ["Script", "Page", "Metadata", "Namespace"],
  },
  DesktopFormFactor: {
    order: ["GetStarted", "FunctionFile", "ExtensionPoint"],
    required: ["FunctionFile"],
  },
  GetStarted: {
    order: ["Title", "Description", "LearnMoreUrl"],
    required: ["Title", "Description", "LearnMoreUrl"],
  },
  Group: {
    order: ["OverriddenByRibbonApi", "Label", "Icon", "Control"],
    required: ["Label", "Control"],
  },
  Control: {
    order: ["OverriddenByRibbonApi", "Label", "Supertip", "Icon", "Action", "Enabled", "Items"],
    required: ["Label", "Supertip", "Icon", "Action"],
  },
  Supertip: { order: ["Title", "Description"], required: ["Title", "Description"] },
  ShowTaskpane: {
    order: ["TaskpaneId", "SourceLocation", "Title", "FunctionName"],
    required: ["SourceLocation"],
  },
  Resources: {
    order: ["bt:Images", "bt:Urls", "bt:ShortStrings", "bt:LongStrings"],
    required: ["bt:Images", "bt:Urls", "bt:ShortStrings", "bt:LongStrings"],
  },
};

function shapeProblems(node: XNode | undefined, shapeName: string, where: string): string[] {
  if (!node) return [`${where} is missing`];
  const shape = SHAPES[shapeName];
  const problems: string[] = [];
  let last = -1;
  let lastName = "";
  for (const c of node.children) {
    const idx = shape.order.indexOf(c.name);
    if (idx < 0) problems.push(`${where}: unexpected child <${c.name}>`);
    else if (idx < last) problems.push(`${where}: <${c.name}> must come before <${lastName}>`);
    else {
      last = idx;
      lastName = c.name;
    }
  }
  for (const r of shape.required) {
    if (!kid(node, r)) problems.push(`${where}: required child <${r}> is missing`);
  }
  return problems;
}

function checkOrder(m: Manifest): string[] {
  const vo = versionOverrides(m);
  const host = workbookHost(m);
  const desktop = kid(host, "DesktopFormFactor");
  const problems = [
    ...shapeProblems(m.root, "OfficeApp", "OfficeApp"),
    ...shapeProblems(kid(m.root, "Requirements"), "Requirements", "Requirements"),
    ...shapeProblems(kid(m.root, "DefaultSettings"), "DefaultSettings", "DefaultSettings"),
    ...shapeProblems(vo, "VersionOverrides", "VersionOverrides"),
    ...shapeProblems(host, "Host", "VersionOverrides Host Workbook"),
    ...shapeProblems(
      extensionPoint(kid(host, "AllFormFactors"), "CustomFunctions"),
      "CustomFunctions",
      "CustomFunctions"
    ),
    ...shapeProblems(desktop, "DesktopFormFactor", "DesktopFormFactor"),
    ...shapeProblems(kid(desktop, "GetStarted"), "GetStarted", "GetStarted"),
    ...shapeProblems(kid(vo, "Resources"), "Resources", "Resources"),
  ];
  const surface = extensionPoint(desktop, "PrimaryCommandSurface");
  if (!surface) problems.push("DesktopFormFactor: no PrimaryCommandSurface ExtensionPoint");
  for (const tab of [...kids(surface, "OfficeTab"), ...kids(surface, "CustomTab")]) {
    for (const group of kids(tab, "Group")) {
      const g = `Group ${group.attrs.id}`;
      problems.push(...shapeProblems(group, "Group", g));
      for (const control of kids(group, "Control")) {
        const c = `Control ${control.attrs.id}`;
        problems.push(...shapeProblems(control, "Control", c));
        problems.push(...shapeProblems(kid(control, "Supertip"), "Supertip", `${c} Supertip`));
        const action = kid(control, "Action");
        if (action?.attrs["xsi:type"] === "ShowTaskpane") {
          problems.push(...shapeProblems(action, "ShowTaskpane", `${c} Action`));
        }
      }
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Identity, namespaces, permissions.

function checkIdentity(m: Manifest): string[] {
  const p: string[] = [];
  const r = m.root;
  if (r.name !== "OfficeApp") p.push(`root element is <${r.name}>, expected <OfficeApp>`);
  if (r.attrs.xmlns !== NS_APP) p.push(`OfficeApp xmlns is ${r.attrs.xmlns}`);
  if (r.attrs["xmlns:bt"] !== NS_BT) p.push(`xmlns:bt is ${r.attrs["xmlns:bt"]}`);
  if (r.attrs["xsi:type"] !== "TaskPaneApp") p.push(`OfficeApp xsi:type is ${r.attrs["xsi:type"]}`);
  const id = kid(r, "Id")?.text ?? "";
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i.test(id)) {
    p.push(`Id "${id}" is not a GUID`);
  }
  const version = kid(r, "Version")?.text ?? "";
  if (!/^\d+\.\d+\.\d+\.\d+$/.test(version))
    p.push(`Version "${version}" is not of the form n.n.n.n`);
  if ((kid(r, "ProviderName")?.text ?? "") !== "KAM Analytics")
    p.push("ProviderName is not KAM Analytics");
  if ((kid(r, "DefaultLocale")?.text ?? "") !== "en-US") p.push("DefaultLocale is not en-US");
  if (kid(r, "DisplayName")?.attrs.DefaultValue !== "KAM Analytics")
    p.push("DisplayName is not KAM Analytics");
  if (!kid(r, "Description")?.attrs.DefaultValue) p.push("Description is empty");
  const hosts = kids(kid(r, "Hosts"), "Host").map((h) => h.attrs.Name);
  if (hosts.join() !== "Workbook") p.push(`Hosts are [${hosts.join()}], expected [Workbook]`);
  const vo = versionOverrides(m);
  if (vo?.attrs.xmlns !== NS_VO) p.push(`VersionOverrides xmlns is ${vo?.attrs.xmlns}`);
  if (vo?.attrs["xsi:type"] !== "VersionOverridesV1_0")
    p.push(`VersionOverrides xsi:type is ${vo?.attrs["xsi:type"]}`);
  if (!workbookHost(m)) p.push("VersionOverrides has no Host of xsi:type Workbook");
  return p;
}

function checkPermissions(m: Manifest): string[] {
  const perm = kid(m.root, "Permissions")?.text;
  return perm === "ReadWriteDocument"
    ? []
    : [`Permissions is "${perm}", expected ReadWriteDocument`];
}

// ---------------------------------------------------------------------------------------------
// Resource references.

/** Which resource table an element's resid must point into. */
const RESID_KIND: Record<string, ResourceKind> = {
  "bt:Image": "Images",
  SourceLocation: "Urls",
  Runtime: "Urls",
  FunctionFile: "Urls",
  LearnMoreUrl: "Urls",
  Label: "ShortStrings",
  Title: "ShortStrings",
  Namespace: "ShortStrings",
  Description: "LongStrings",
};

function checkResids(m: Manifest): string[] {
  const p: string[] = [];
  for (const id of m.duplicateIds) p.push(`resource id "${id}" is defined more than once`);
  for (const r of m.resources.values()) {
    if (!r.id) p.push(`a ${r.kind} resource has no id`);
    if (r.id.length > 32) p.push(`resource id "${r.id}" is longer than 32 characters`);
  }
  const used = new Set<string>();
  walk(m.root, (n) => {
    const resid = n.attrs.resid;
    if (resid === undefined) return;
    used.add(resid);
    const res = m.resources.get(resid);
    const expected = RESID_KIND[n.name];
    if (!res) p.push(`<${n.name} resid="${resid}"> refers to no resource`);
    else if (!expected) p.push(`<${n.name} resid="${resid}">: unexpected element with a resid`);
    else if (res.kind !== expected)
      p.push(`<${n.name} resid="${resid}"> must refer to ${expected}, not ${res.kind}`);
  });
  for (const id of m.resources.keys()) {
    if (!used.has(id)) p.push(`resource "${id}" is defined but never used`);
  }
  return p;
}

// ---------------------------------------------------------------------------------------------
// URLs.

function allUrls(m: Manifest): { where: string; url: string }[] {
  const urls: { where: string; url: string }[] = [];
  for (const name of ["IconUrl", "HighResolutionIconUrl", "SupportUrl"]) {
    const n = kid(m.root, name);
    if (!n) continue;
    urls.push({ where: name, url: n.attrs.DefaultValue ?? "" });
    for (const o of kids(n, "Override"))
      urls.push({ where: `${name} ${o.attrs.Locale}`, url: o.attrs.Value ?? "" });
  }
  walk(m.root, (n) => {
    if (n.name === "SourceLocation" && n.attrs.DefaultValue !== undefined) {
      urls.push({ where: "SourceLocation", url: n.attrs.DefaultValue });
      for (const o of kids(n, "Override"))
        urls.push({ where: `SourceLocation ${o.attrs.Locale}`, url: o.attrs.Value ?? "" });
    }
  });
  for (const r of m.resources.values()) {
    if (r.kind !== "Urls" && r.kind !== "Images") continue;
    urls.push({ where: r.id, url: r.value });
    for (const [loc, v] of r.overrides) urls.push({ where: `${r.id} ${loc}`, url: v });
  }
  return urls;
}

function checkHttps(m: Manifest): string[] {
  const p: string[] = [];
  const urls = allUrls(m);
  if (urls.length === 0) p.push("no URLs found");
  for (const { where, url } of urls) {
    let protocol = "";
    try {
      protocol = new URL(url).protocol;
    } catch {
      p.push(`${where}: "${url}" is not a URL`);
      continue;
    }
    if (protocol !== "https:") p.push(`${where}: "${url}" is not https`);
  }
  // Belt and braces: no plain-http value anywhere in the document.
  walk(m.root, (n) => {
    for (const [k, v] of Object.entries(n.attrs)) {
      if (/^http:/i.test(v) && !k.startsWith("xmlns"))
        p.push(`<${n.name} ${k}="${v}"> is not https`);
    }
  });
  return [...new Set(p)];
}

// ---------------------------------------------------------------------------------------------
// Shared runtime and custom functions wiring.

function checkSharedRuntime(m: Manifest): string[] {
  const p: string[] = [];
  const sets = kids(at(m.root, "Requirements", "Sets"), "Set");
  for (const name of ["SharedRuntime", "CustomFunctionsRuntime"]) {
    const set = sets.find((s) => s.attrs.Name === name);
    if (!set) p.push(`Requirements: no <Set Name="${name}">`);
    else if (
      Number(set.attrs.MinVersion ?? at(m.root, "Requirements", "Sets")?.attrs.DefaultMinVersion) <
      1.1
    ) {
      p.push(`Requirements: ${name} MinVersion is below 1.1`);
    }
  }

  const host = workbookHost(m);
  const runtimes = kids(kid(host, "Runtimes"), "Runtime");
  if (runtimes.length !== 1) p.push(`expected exactly one <Runtime>, found ${runtimes.length}`);
  const runtime = runtimes[0];
  if (runtime && runtime.attrs.lifetime !== "long")
    p.push(`Runtime lifetime is "${runtime.attrs.lifetime}", expected "long"`);
  const runtimeResid = runtime?.attrs.resid;

  const cf = extensionPoint(kid(host, "AllFormFactors"), "CustomFunctions");
  const desktop = kid(host, "DesktopFormFactor");
  const taskpaneActions: XNode[] = [];
  walk(desktop ?? { name: "", attrs: {}, children: [], text: "" }, (n) => {
    if (n.name === "Action" && n.attrs["xsi:type"] === "ShowTaskpane") taskpaneActions.push(n);
  });
  if (taskpaneActions.length === 0) p.push("no ShowTaskpane action");
  const mustMatch: { where: string; resid: string | undefined }[] = [
    { where: "CustomFunctions Page", resid: at(cf, "Page", "SourceLocation")?.attrs.resid },
    { where: "FunctionFile", resid: kid(desktop, "FunctionFile")?.attrs.resid },
    ...taskpaneActions.map((a) => ({
      where: "ShowTaskpane SourceLocation",
      resid: kid(a, "SourceLocation")?.attrs.resid,
    })),
  ];
  for (const { where, resid } of mustMatch) {
    if (resid !== runtimeResid)
      p.push(`${where} resid "${resid}" differs from the Runtime resid "${runtimeResid}"`);
  }

  // The task pane page is the shared-runtime page: the same URL everywhere.
  const pageUrl = urlValue(m, runtimeResid);
  if (!pageUrl || !pageUrl.endsWith("/taskpane.html"))
    p.push(`Runtime URL "${pageUrl}" is not the task pane page`);
  const defaultPage = at(m.root, "DefaultSettings", "SourceLocation")?.attrs.DefaultValue;
  if (defaultPage !== pageUrl)
    p.push(
      `DefaultSettings SourceLocation "${defaultPage}" differs from the Runtime URL "${pageUrl}"`
    );

  const script = urlValue(m, at(cf, "Script", "SourceLocation")?.attrs.resid);
  if (!script || !script.endsWith("/functions.js"))
    p.push(`CustomFunctions Script URL "${script}" is not functions.js`);
  const metadata = urlValue(m, at(cf, "Metadata", "SourceLocation")?.attrs.resid);
  if (!metadata || !metadata.endsWith("/functions.json"))
    p.push(`CustomFunctions Metadata URL "${metadata}" is not functions.json`);
  for (const [what, url] of [
    ["Script", script],
    ["Metadata", metadata],
  ]) {
    if (url && pageUrl && new URL(url).origin !== new URL(pageUrl).origin) {
      p.push(`CustomFunctions ${what} URL is not served from the task pane's origin`);
    }
  }
  return p;
}

function checkNamespace(m: Manifest): string[] {
  const cf = extensionPoint(kid(workbookHost(m), "AllFormFactors"), "CustomFunctions");
  const resid = kid(cf, "Namespace")?.attrs.resid;
  const res = resid === undefined ? undefined : m.resources.get(resid);
  if (!res) return [`Namespace resid "${resid}" does not resolve`];
  const p: string[] = [];
  if (res.value !== NAMESPACE_RESID_VALUE)
    p.push(`Namespace is "${res.value}", expected "${NAMESPACE_RESID_VALUE}"`);
  for (const [loc, v] of res.overrides) {
    if (v !== NAMESPACE_RESID_VALUE)
      p.push(`Namespace override for ${loc} is "${v}"; it must stay "${NAMESPACE_RESID_VALUE}"`);
  }
  return p;
}

// ---------------------------------------------------------------------------------------------
// Localization and string lengths.

function namespaceResid(m: Manifest): string | undefined {
  const cf = extensionPoint(kid(workbookHost(m), "AllFormFactors"), "CustomFunctions");
  return kid(cf, "Namespace")?.attrs.resid;
}

function checkLocalization(m: Manifest): string[] {
  const p: string[] = [];
  for (const name of ["DisplayName", "Description"]) {
    const n = kid(m.root, name);
    const zh = kids(n, "Override").find((o) => o.attrs.Locale === ZH)?.attrs.Value;
    if (!zh) p.push(`${name} has no ${ZH} override`);
    else if (!CJK.test(zh)) p.push(`${name} ${ZH} override "${zh}" is not Chinese`);
  }
  const ns = namespaceResid(m);
  for (const r of m.resources.values()) {
    if ((r.kind !== "ShortStrings" && r.kind !== "LongStrings") || r.id === ns) continue;
    const zh = r.overrides.get(ZH);
    if (!zh) p.push(`string "${r.id}" has no ${ZH} override`);
    else if (!CJK.test(zh)) p.push(`string "${r.id}" ${ZH} override "${zh}" is not Chinese`);
  }
  const meta = m.resources.get("Functions.Metadata.Url");
  const zhMeta = meta?.overrides.get(ZH);
  if (!meta) p.push("no Functions.Metadata.Url resource");
  else if (!zhMeta) p.push(`Functions.Metadata.Url has no ${ZH} override`);
  else if (!zhMeta.endsWith("/functions.zh-CN.json"))
    p.push(`Functions.Metadata.Url ${ZH} override "${zhMeta}" is not functions.zh-CN.json`);
  else if (new URL(zhMeta).origin !== new URL(meta.value).origin)
    p.push(`Functions.Metadata.Url ${ZH} override is on another origin`);
  return p;
}

function checkStringLengths(m: Manifest): string[] {
  const p: string[] = [];
  const limit = (what: string, value: string, max: number): void => {
    const len = [...value].length;
    if (len === 0) p.push(`${what} is empty`);
    if (len > max) p.push(`${what} is ${len} characters, more than ${max}`);
  };
  limit("DisplayName", kid(m.root, "DisplayName")?.attrs.DefaultValue ?? "", 125);
  limit("Description", kid(m.root, "Description")?.attrs.DefaultValue ?? "", 250);
  for (const name of ["DisplayName", "Description"]) {
    for (const o of kids(kid(m.root, name), "Override")) {
      limit(`${name} ${o.attrs.Locale}`, o.attrs.Value ?? "", name === "DisplayName" ? 125 : 250);
    }
  }
  for (const r of m.resources.values()) {
    const max = r.kind === "ShortStrings" ? 125 : r.kind === "LongStrings" ? 250 : 2048;
    limit(r.id, r.value, max);
    for (const [loc, v] of r.overrides) limit(`${r.id} ${loc}`, v, max);
  }
  return p;
}

// ---------------------------------------------------------------------------------------------
// Ribbon button.

function checkRibbon(m: Manifest): string[] {
  const p: string[] = [];
  const surface = extensionPoint(
    kid(workbookHost(m), "DesktopFormFactor"),
    "PrimaryCommandSurface"
  );
  const groups = [...kids(surface, "OfficeTab"), ...kids(surface, "CustomTab")].flatMap((t) =>
    kids(t, "Group")
  );
  const label = (n: XNode | undefined): string | undefined => {
    const resid = kid(n, "Label")?.attrs.resid;
    return resid === undefined ? undefined : m.resources.get(resid)?.value;
  };
  const group = groups.find((g) => label(g) === "KAM Analytics");
  if (!group) return ['no ribbon group labelled "KAM Analytics"'];
  const buttons = kids(group, "Control").filter((c) => c.attrs["xsi:type"] === "Button");
  const button = buttons.find((b) => label(b) === "Open KAM Analytics");
  if (!button) return ['no button labelled "Open KAM Analytics" in the KAM Analytics group'];
  const action = kid(button, "Action");
  if (action?.attrs["xsi:type"] !== "ShowTaskpane")
    p.push("the button's action is not ShowTaskpane");
  if (kid(action, "TaskpaneId")?.text !== "KamTaskpane")
    p.push("the button's TaskpaneId is not KamTaskpane");
  for (const owner of [group, button]) {
    const sizes = kids(kid(owner, "Icon"), "bt:Image").map((i) => i.attrs.size);
    if (sizes.join() !== "16,32,80")
      p.push(
        `${owner.name} ${owner.attrs.id} icon sizes are [${sizes.join()}], expected [16,32,80]`
      );
  }
  return p;
}

// ---------------------------------------------------------------------------------------------
// Requirement sets: what the code uses, by Microsoft's API reference ("[Api set: ...]" on each member
// in @types/office-js) and the custom functions requirement sets page. A use guarded by a run-time
// isSetSupported check (ExcelApi 1.12 for reports and cultureInfo) is not a requirement.

const SRC = path.resolve(__dirname, "../src");

interface ApiUse {
  /** Files (relative to src/) whose code is scanned. */
  files: string[];
  /** A text that marks the use. */
  marker: string;
  set: string;
  version: string;
}

const API_USES: ApiUse[] = [
  {
    files: ["functions"],
    marker: "@requiresParameterAddresses",
    set: "CustomFunctionsRuntime",
    version: "1.3",
  },
  {
    files: ["functions/shared.ts"],
    marker: "new CustomFunctions.Error(",
    set: "CustomFunctionsRuntime",
    version: "1.2",
  },
  { files: ["excel/workbook.ts"], marker: "getSelectedRanges(", set: "ExcelApi", version: "1.9" },
  { files: ["excel/workbook.ts"], marker: "getActiveCell(", set: "ExcelApi", version: "1.7" },
  { files: ["excel/workbook.ts"], marker: "getRangeByIndexes(", set: "ExcelApi", version: "1.7" },
  {
    files: ["excel/workbook.ts"],
    marker: "getUsedRangeOrNullObject(",
    set: "ExcelApi",
    version: "1.4",
  },
  {
    files: ["taskpane/index.tsx"],
    marker: "Office.onReady(",
    set: "SharedRuntime",
    version: "1.1",
  },
];

function filesUnder(rel: string): string[] {
  const full = path.join(SRC, rel);
  if (!fs.existsSync(full)) return [];
  if (fs.statSync(full).isFile()) return [full];
  return fs.readdirSync(full).flatMap((f) => filesUnder(path.join(rel, f)));
}

/** "1.10" > "1.9": versions compared part by part. */
function versionAtLeast(have: string, need: string): boolean {
  const a = have.split(".").map(Number);
  const b = need.split(".").map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d > 0;
  }
  return true;
}

function checkRequirements(m: Manifest, uses: ApiUse[] = API_USES): string[] {
  const p: string[] = [];
  const setsNode = at(m.root, "Requirements", "Sets");
  const fallback = setsNode?.attrs.DefaultMinVersion ?? "1.1";
  const declared = new Map<string, string>();
  for (const set of kids(setsNode, "Set")) {
    const name = set.attrs.Name ?? "";
    const version = set.attrs.MinVersion ?? fallback;
    if (!/^[A-Za-z]+$/.test(name)) p.push(`Requirements: set name "${name}" is not a name`);
    if (!/^\d+\.\d+$/.test(version))
      p.push(`Requirements: ${name} MinVersion "${version}" is not n.n`);
    if (declared.has(name)) p.push(`Requirements: ${name} is declared twice`);
    declared.set(name, version);
  }
  for (const use of uses) {
    const found = use.files
      .flatMap(filesUnder)
      .some((f) => fs.readFileSync(f, "utf8").includes(use.marker));
    if (!found) {
      p.push(`the code no longer uses ${use.marker} (${use.set} ${use.version}): update API_USES`);
      continue;
    }
    const have = declared.get(use.set);
    if (have === undefined || !versionAtLeast(have, use.version)) {
      p.push(
        `${use.marker} needs ${use.set} ${use.version}; the manifest requires ${have ?? "nothing"}`
      );
    }
  }
  return p;
}

// ---------------------------------------------------------------------------------------------
// Locales, ids, required attributes, the one task pane.

/** A culture name as the manifest schema's locale values use it: ll-CC (optionally with a script). */
const CULTURE = /^[a-z]{2,3}(-[A-Z][a-z]{3})?-[A-Z]{2}$/;

function checkLocales(m: Manifest): string[] {
  const p: string[] = [];
  const defaultLocale = kid(m.root, "DefaultLocale")?.text ?? "";
  if (!CULTURE.test(defaultLocale))
    p.push(`DefaultLocale "${defaultLocale}" is not a culture name`);
  walk(m.root, (n) => {
    const overrides = n.children.filter((c) => c.name === "Override" || c.name === "bt:Override");
    const seen = new Set<string>();
    for (const o of overrides) {
      const where = `<${n.name} ${n.attrs.id ?? ""}> override`;
      const locale = o.attrs.Locale ?? "";
      if (!CULTURE.test(locale)) p.push(`${where}: Locale "${locale}" is not a culture name`);
      if (locale === defaultLocale) p.push(`${where}: Locale repeats the DefaultLocale ${locale}`);
      if (seen.has(locale)) p.push(`${where}: Locale ${locale} twice`);
      seen.add(locale);
      if (o.attrs.Value === undefined) p.push(`${where} for ${locale} has no Value`);
      if (o.children.length > 0) p.push(`${where} for ${locale} has child elements`);
    }
  });
  return p;
}

/** Attributes the schema requires on the elements this manifest uses. */
const REQUIRED_ATTRIBUTES: Record<string, string[]> = {
  Runtime: ["resid", "lifetime"],
  "bt:Image": ["id", "DefaultValue"],
  "bt:Url": ["id", "DefaultValue"],
  "bt:String": ["id", "DefaultValue"],
  Group: ["id"],
  Control: ["xsi:type", "id"],
  ExtensionPoint: ["xsi:type"],
  Action: ["xsi:type"],
  Host: [],
  Set: ["Name"],
};

function checkIdsAndAttributes(m: Manifest): string[] {
  const p: string[] = [];
  const version = kid(m.root, "Version")?.text ?? "";
  if (!/^\d{1,5}(\.\d{1,5}){0,3}$/.test(version)) p.push(`Version "${version}" has bad parts`);
  const ids = new Map<string, number>();
  walk(m.root, (n, parents) => {
    const inResources = parents.some((x) => x.name === "Resources");
    // An image in a resource table is defined (id, DefaultValue); elsewhere it is used (size, resid).
    const required =
      n.name === "bt:Image" && !inResources
        ? ["size", "resid"]
        : (REQUIRED_ATTRIBUTES[n.name] ?? []);
    for (const a of required) {
      if (!n.attrs[a]) p.push(`<${n.name}> has no ${a} attribute`);
    }
    if ((n.name === "Group" || n.name === "Control" || n.name === "OfficeTab") && !inResources) {
      const id = n.attrs.id ?? "";
      if (id.length > 125) p.push(`<${n.name} id="${id}"> is longer than 125 characters`);
      if (!/^[A-Za-z0-9._-]+$/.test(id))
        p.push(`<${n.name} id="${id}"> has characters other than A-Z 0-9 . _ -`);
      if (n.name !== "OfficeTab") ids.set(id, (ids.get(id) ?? 0) + 1);
    }
  });
  for (const [id, count] of ids) if (count > 1) p.push(`id "${id}" is used ${count} times`);
  return p;
}

function checkOneTaskpane(m: Manifest): string[] {
  const p: string[] = [];
  const actions: XNode[] = [];
  walk(m.root, (n) => {
    if (n.name === "Action" && n.attrs["xsi:type"] === "ShowTaskpane") actions.push(n);
  });
  const ids = new Set(actions.map((a) => kid(a, "TaskpaneId")?.text ?? ""));
  if (ids.has("")) p.push("a ShowTaskpane action has no TaskpaneId: it would open a second pane");
  if (ids.size > 1) p.push(`ShowTaskpane actions name ${ids.size} panes; a shared runtime has one`);
  for (const id of ids) {
    if (id.length > 32) p.push(`TaskpaneId "${id}" is longer than 32 characters`);
    if (id === "Office.AutoShowTaskpaneWithDocument")
      p.push("TaskpaneId Office.AutoShowTaskpaneWithDocument is for opening with a document only");
  }
  return p;
}

// ---------------------------------------------------------------------------------------------
// Icons: every image URL is a file in assets/ and a PNG of the size it claims.

function pngSize(file: string): { width: number; height: number } | string {
  const buf = fs.readFileSync(file);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (buf.length < 24 || !buf.subarray(0, 8).equals(signature)) return "is not a PNG file";
  if (buf.toString("latin1", 12, 16) !== "IHDR") return "has no IHDR chunk first";
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

/** Maps an image URL to its file: https://host/assets/X.png -> assets/X.png. */
function assetFile(url: string): string | undefined {
  let pathname: string;
  try {
    pathname = new URL(url).pathname;
  } catch {
    return undefined;
  }
  const m = /^\/assets\/([A-Za-z0-9._-]+\.png)$/.exec(pathname);
  return m ? path.join(ASSETS_DIR, m[1]) : undefined;
}

function checkIcons(m: Manifest, assetsDir: string = ASSETS_DIR): string[] {
  const p: string[] = [];
  const images: { where: string; url: string; size: number | undefined }[] = [];
  images.push({
    where: "IconUrl",
    url: kid(m.root, "IconUrl")?.attrs.DefaultValue ?? "",
    size: 32,
  });
  images.push({
    where: "HighResolutionIconUrl",
    url: kid(m.root, "HighResolutionIconUrl")?.attrs.DefaultValue ?? "",
    size: 64,
  });

  // The size a bt:Image resource must have: from every <bt:Image size=".." resid=".."> that uses it.
  const usedAt = new Map<string, Set<number>>();
  walk(m.root, (n) => {
    if (n.name === "bt:Image" && n.attrs.resid !== undefined) {
      const set = usedAt.get(n.attrs.resid) ?? new Set<number>();
      set.add(Number(n.attrs.size));
      usedAt.set(n.attrs.resid, set);
    }
  });
  for (const r of m.resources.values()) {
    if (r.kind !== "Images") continue;
    const sizes = usedAt.get(r.id) ?? new Set<number>();
    if (sizes.size > 1)
      p.push(`image "${r.id}" is used at several sizes: ${[...sizes].join(", ")}`);
    const size = [...sizes][0];
    images.push({ where: r.id, url: r.value, size });
    for (const [loc, v] of r.overrides) images.push({ where: `${r.id} ${loc}`, url: v, size });
  }

  for (const { where, url, size } of images) {
    const rel = assetFile(url);
    if (!rel) {
      p.push(`${where}: "${url}" is not an https://.../assets/NAME.png URL`);
      continue;
    }
    const file = path.join(assetsDir, path.basename(rel));
    if (!fs.existsSync(file)) {
      p.push(`${where}: ${path.relative(process.cwd(), file)} does not exist`);
      continue;
    }
    const dims = pngSize(file);
    if (typeof dims === "string") {
      p.push(`${where}: ${path.basename(file)} ${dims}`);
      continue;
    }
    const named = /-(\d+)\.png$/.exec(file);
    const nameSize = named ? Number(named[1]) : undefined;
    if (nameSize === undefined)
      p.push(`${where}: ${path.basename(file)} does not say its size in its name`);
    for (const expected of [nameSize, size]) {
      if (expected !== undefined && (dims.width !== expected || dims.height !== expected)) {
        p.push(
          `${where}: ${path.basename(file)} is ${dims.width}x${dims.height}, expected ${expected}x${expected}`
        );
      }
    }
  }
  return [...new Set(p)];
}

// ---------------------------------------------------------------------------------------------
// The tests.

const ALL_CHECKS: [string, (m: Manifest) => string[]][] = [
  ["identity", checkIdentity],
  ["element order", checkOrder],
  ["resource references", checkResids],
  ["https URLs", checkHttps],
  ["shared runtime", checkSharedRuntime],
  ["namespace", checkNamespace],
  ["zh-CN localization", checkLocalization],
  ["string lengths", checkStringLengths],
  ["permissions", checkPermissions],
  ["ribbon", checkRibbon],
  ["icons", (m) => checkIcons(m)],
  ["requirement sets", (m) => checkRequirements(m)],
  ["locales", checkLocales],
  ["ids and required attributes", checkIdsAndAttributes],
  ["one task pane", checkOneTaskpane],
];

describe("manifest.xml", () => {
  test("is well-formed XML", () => {
    expect(XMLValidator.validate(MANIFEST_XML)).toBe(true);
    expect(() => load(MANIFEST_XML)).not.toThrow();
  });

  test.each(ALL_CHECKS)("%s: no problems", (_name, check) => {
    expect(run(check, MANIFEST_XML)).toEqual([]);
  });

  test("defines the resource ids the build and the docs rely on", () => {
    const m = load(MANIFEST_XML);
    expect(m.resources.get("Taskpane.Url")?.value).toBe("https://localhost:3000/taskpane.html");
    expect(m.resources.get("Functions.Script.Url")?.value).toBe(
      "https://localhost:3000/functions.js"
    );
    expect(m.resources.get("Functions.Metadata.Url")?.value).toBe(
      "https://localhost:3000/functions.json"
    );
    expect(m.resources.get("Functions.Metadata.Url")?.overrides.get(ZH)).toBe(
      "https://localhost:3000/functions.zh-CN.json"
    );
    expect(m.resources.get("Functions.Namespace")?.value).toBe("KAM");
    expect(
      kid(m.root, "DisplayName")?.children.find((o) => o.attrs.Locale === ZH)?.attrs.Value
    ).toBe("大客户分析");
  });

  test("icons are drawn: transparent corners, opaque centre", () => {
    for (const size of [16, 32, 64, 80, 128]) {
      const png = PNG.sync.read(fs.readFileSync(path.join(ASSETS_DIR, `icon-${size}.png`)));
      expect([png.width, png.height]).toEqual([size, size]);
      const alpha = (x: number, y: number): number => png.data[(y * png.width + x) * 4 + 3];
      // The corner pixel lies outside the rounded square (at most an anti-aliasing fringe).
      expect(alpha(0, 0)).toBeLessThanOrEqual(16);
      expect(alpha(size - 1, size - 1)).toBeLessThanOrEqual(16);
      expect(alpha(size >> 1, size >> 1)).toBe(255);
      // Both the blue background and the white bars are present.
      let blue = 0;
      let white = 0;
      for (let i = 0; i < png.data.length; i += 4) {
        if (png.data[i + 3] !== 255) continue;
        const [r, g, b] = [png.data[i], png.data[i + 1], png.data[i + 2]];
        if (r === 0x1f && g === 0x4e && b === 0x79) blue++;
        if (r === 255 && g === 255 && b === 255) white++;
      }
      expect(blue).toBeGreaterThan(size);
      expect(white).toBeGreaterThan(size / 2);
    }
  });
});

describe("the manifest checks catch broken manifests", () => {
  /** Applies a textual change to the real manifest; fails loudly if the change did not apply. */
  function broken(from: string | RegExp, to: string): string {
    const out = MANIFEST_XML.replace(from, to);
    if (out === MANIFEST_XML) throw new Error(`mutation did not apply: ${String(from)}`);
    return out;
  }

  const cases: [string, () => string, (m: Manifest) => string[]][] = [
    ["unclosed element", () => broken("</Permissions>", ""), checkPermissions],
    ["undefined resid", () => broken('resid="Group.Label"', 'resid="Group.Missing"'), checkResids],
    [
      "duplicate resource id",
      () => broken(/(<bt:Url id="Taskpane\.Url"[^>]*\/>)/, "$1$1"),
      checkResids,
    ],
    [
      "resid of the wrong kind",
      () => broken('<Label resid="Group.Label"/>', '<Label resid="GetStarted.Description"/>'),
      checkResids,
    ],
    [
      "plain http URL",
      () => broken('"https://localhost:3000/functions.js"', '"http://localhost:3000/functions.js"'),
      checkHttps,
    ],
    [
      "plain http icon",
      () => broken('<IconUrl DefaultValue="https:', '<IconUrl DefaultValue="http:'),
      checkHttps,
    ],
    [
      "short-lived runtime",
      () => broken('lifetime="long"', 'lifetime="short"'),
      checkSharedRuntime,
    ],
    [
      "FunctionFile off the runtime",
      () =>
        broken(
          '<FunctionFile resid="Taskpane.Url"/>',
          '<FunctionFile resid="GetStarted.LearnMoreUrl"/>'
        ),
      checkSharedRuntime,
    ],
    [
      "no SharedRuntime set",
      () => broken(/<Set Name="SharedRuntime"[^>]*\/>/, ""),
      checkSharedRuntime,
    ],
    [
      "namespace changed",
      () =>
        broken(
          'id="Functions.Namespace" DefaultValue="KAM"',
          'id="Functions.Namespace" DefaultValue="KAMX"'
        ),
      checkNamespace,
    ],
    [
      "namespace translated",
      () =>
        broken(
          'id="Functions.Namespace" DefaultValue="KAM"/>',
          `id="Functions.Namespace" DefaultValue="KAM"><bt:Override Locale="zh-CN" Value="大客户"/></bt:String>`
        ),
      checkNamespace,
    ],
    [
      "missing zh-CN label",
      () => broken('<bt:Override Locale="zh-CN" Value="打开大客户分析"/>', ""),
      checkLocalization,
    ],
    [
      "missing zh-CN metadata",
      () => broken(/<bt:Override Locale="zh-CN" Value="[^"]*functions\.zh-CN\.json"\/>/, ""),
      checkLocalization,
    ],
    [
      "missing zh-CN display name",
      () => broken('<Override Locale="zh-CN" Value="大客户分析"/>', ""),
      checkLocalization,
    ],
    [
      "weaker permission",
      () => broken("<Permissions>ReadWriteDocument<", "<Permissions>ReadDocument<"),
      checkPermissions,
    ],
    [
      "elements out of order",
      () =>
        broken(
          /(<DefaultSettings>[\s\S]*?<\/DefaultSettings>)(\s*)(<Permissions>ReadWriteDocument<\/Permissions>)/,
          "$3$2$1"
        ),
      checkOrder,
    ],
    [
      "missing icon file",
      () => broken("assets/icon-80.png", "assets/icon-81.png"),
      (m) => checkIcons(m),
    ],
    [
      "icon of the wrong size",
      () =>
        broken(
          'id="Icon.80x80" DefaultValue="https://localhost:3000/assets/icon-80.png"',
          'id="Icon.80x80" DefaultValue="https://localhost:3000/assets/icon-64.png"'
        ),
      (m) => checkIcons(m),
    ],
    [
      "string too long",
      () => broken('DefaultValue="KAM Analytics is ready"', `DefaultValue="${"x".repeat(126)}"`),
      checkStringLengths,
    ],
    [
      "button renamed",
      () =>
        broken(
          'id="OpenButton.Label" DefaultValue="Open KAM Analytics"',
          'id="OpenButton.Label" DefaultValue="Open"'
        ),
      checkRibbon,
    ],
  ];

  cases.push(
    [
      "CustomFunctionsRuntime below what the code uses",
      () =>
        broken(
          '<Set Name="CustomFunctionsRuntime" MinVersion="1.3"/>',
          '<Set Name="CustomFunctionsRuntime" MinVersion="1.1"/>'
        ),
      (m) => checkRequirements(m),
    ],
    [
      "no ExcelApi set",
      () => broken(/<Set Name="ExcelApi"[^>]*\/>/, ""),
      (m) => checkRequirements(m),
    ],
    [
      "a bad MinVersion",
      () => broken('MinVersion="1.9"', 'MinVersion="1.9.x"'),
      (m) => checkRequirements(m),
    ],
    [
      "override locale that is not a culture name",
      () =>
        broken(
          '<Override Locale="zh-CN" Value="大客户分析"/>',
          '<Override Locale="chinese" Value="大客户分析"/>'
        ),
      checkLocales,
    ],
    [
      "override repeating the default locale",
      () =>
        broken(
          '<Override Locale="zh-CN" Value="大客户分析"/>',
          '<Override Locale="en-US" Value="KAM"/>'
        ),
      checkLocales,
    ],
    [
      "duplicate control id",
      () => broken('<Group id="KamAnalytics.Group">', '<Group id="KamAnalytics.OpenTaskpane">'),
      checkIdsAndAttributes,
    ],
    ["runtime without lifetime", () => broken('lifetime="long"', ""), checkIdsAndAttributes],
    [
      "bad Version",
      () => broken("<Version>1.0.0.0</Version>", "<Version>1.0.0.0.0</Version>"),
      checkIdsAndAttributes,
    ],
    [
      "ShowTaskpane without a TaskpaneId",
      () => broken("<TaskpaneId>KamTaskpane</TaskpaneId>", ""),
      checkOneTaskpane,
    ],
    [
      "the auto-open id instead of the pane's",
      () =>
        broken(
          "<TaskpaneId>KamTaskpane</TaskpaneId>",
          "<TaskpaneId>Office.AutoShowTaskpaneWithDocument</TaskpaneId>"
        ),
      checkOneTaskpane,
    ]
  );

  test("a use the manifest does not cover is reported", () => {
    const problems = checkRequirements(load(MANIFEST_XML), [
      {
        files: ["excel/workbook.ts"],
        marker: "getSelectedRanges(",
        set: "ExcelApi",
        version: "1.99",
      },
      { files: ["excel/workbook.ts"], marker: "no such call(", set: "ExcelApi", version: "1.1" },
    ]);
    expect(problems).toHaveLength(2);
  });

  test.each(cases)("%s", (_name, mutate, check) => {
    expect(run(check, mutate()).length).toBeGreaterThan(0);
  });

  test("an icon file that is not a PNG is reported", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kam-icons-"));
    try {
      for (const f of fs.readdirSync(ASSETS_DIR).filter((n) => n.endsWith(".png"))) {
        fs.copyFileSync(path.join(ASSETS_DIR, f), path.join(dir, f));
      }
      fs.writeFileSync(path.join(dir, "icon-32.png"), "not a png");
      const problems = checkIcons(load(MANIFEST_XML), dir);
      expect(problems.some((x) => x.includes("not a PNG"))).toBe(true);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
