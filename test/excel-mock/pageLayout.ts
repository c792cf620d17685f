// The stand-in's Worksheet.pageLayout (ExcelApi 1.9): orientation, zoom (fit to pages or a scale),
// the print area, print title rows and the default header and footer. The state is kept per sheet
// and read by tests with pageLayoutOf(sheet). Values are checked as Excel documents them: a scale of
// 10 to 400, page counts that are whole numbers ≥ 0 (0 = as many as needed), a print area on the
// same sheet, title rows that are whole rows.

import { MockClientObject, MockContextLike } from "./base";
import { MockOfficeError, MockSheet, Rect, parseAddress } from "./model";
import type { MockRange } from "./api";

export interface MockHeaderFooterState {
  leftHeader: string;
  centerHeader: string;
  rightHeader: string;
  leftFooter: string;
  centerFooter: string;
  rightFooter: string;
}

export interface MockPageLayoutState {
  orientation: "Portrait" | "Landscape";
  zoom: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  printArea: Rect | null;
  /** 0-based first and last row repeated on every page. */
  printTitleRows: { first: number; last: number } | null;
  defaultForAllPages: MockHeaderFooterState;
}

const STATES = new WeakMap<MockSheet, MockPageLayoutState>();

/** The page layout of a sheet in the stand-in (Excel's defaults until something sets it). */
export function pageLayoutOf(sheet: MockSheet): MockPageLayoutState {
  let state = STATES.get(sheet);
  if (!state) {
    state = {
      orientation: "Portrait",
      zoom: { scale: 100 },
      printArea: null,
      printTitleRows: null,
      defaultForAllPages: {
        leftHeader: "",
        centerHeader: "",
        rightHeader: "",
        leftFooter: "",
        centerFooter: "",
        rightFooter: "",
      },
    };
    STATES.set(sheet, state);
  }
  return state;
}

function rangeRect(sheet: MockSheet, range: MockRange | string, what: string): Rect {
  if (typeof range !== "string") {
    const target = range.resolve();
    if (target.sheet !== sheet)
      throw new MockOfficeError("InvalidArgument", "The range is on another sheet.", what);
    return target.rect;
  }
  const parsed = parseAddress(range);
  if (parsed.sheet !== undefined && parsed.sheet.toUpperCase() !== sheet.name.toUpperCase())
    throw new MockOfficeError("InvalidArgument", "The range is on another sheet.", what);
  return parsed.rect;
}

const LAYOUT_PROPERTIES = ["orientation", "zoom"] as const;

export class MockPageLayout extends MockClientObject<MockSheet> {
  protected readonly typeName = "PageLayout";
  protected readonly loadable = LAYOUT_PROPERTIES;

  constructor(context: MockContextLike, resolver: () => MockSheet) {
    super(context, resolver);
  }

  protected property(sheet: MockSheet, name: string): unknown {
    const state = pageLayoutOf(sheet);
    return name === "orientation" ? state.orientation : { ...state.zoom };
  }

  get orientation(): string {
    return this.read("orientation");
  }
  set orientation(value: string) {
    this.op("PageLayout.orientation", (sheet) => {
      if (value !== "Portrait" && value !== "Landscape")
        throw new MockOfficeError("InvalidArgument", `bad orientation: ${value}`, "PageLayout");
      pageLayoutOf(sheet).orientation = value;
    });
  }

  get zoom(): MockPageLayoutState["zoom"] {
    return this.read("zoom");
  }
  set zoom(value: MockPageLayoutState["zoom"]) {
    const copy = { ...value };
    this.op("PageLayout.zoom", (sheet) => {
      const pages = [copy.horizontalFitToPages, copy.verticalFitToPages];
      if (pages.some((p) => p !== undefined && p !== null && !(Number.isInteger(p) && p >= 0)))
        throw new MockOfficeError("InvalidArgument", "bad page count", "PageLayout.zoom");
      if (
        copy.scale !== undefined &&
        copy.scale !== null &&
        !(copy.scale >= 10 && copy.scale <= 400)
      )
        throw new MockOfficeError("InvalidArgument", "bad scale", "PageLayout.zoom");
      pageLayoutOf(sheet).zoom = copy;
    });
  }

  setPrintArea(range: MockRange | string): void {
    this.op("PageLayout.setPrintArea", (sheet) => {
      pageLayoutOf(sheet).printArea = rangeRect(sheet, range, "PageLayout.setPrintArea");
    });
  }

  setPrintTitleRows(range: MockRange | string): void {
    this.op("PageLayout.setPrintTitleRows", (sheet) => {
      const rect = rangeRect(sheet, range, "PageLayout.setPrintTitleRows");
      if (typeof range === "string" && !/^(\S+!)?\$?\d+:\$?\d+$/.test(range.trim()))
        throw new MockOfficeError(
          "InvalidArgument",
          `print title rows must be whole rows: ${range}`,
          "PageLayout.setPrintTitleRows"
        );
      pageLayoutOf(sheet).printTitleRows = { first: rect.top, last: rect.bottom };
    });
  }

  get headersFooters(): { defaultForAllPages: MockHeaderFooter } {
    return { defaultForAllPages: new MockHeaderFooter(this.context, () => this.resolve()) };
  }
}

const HEADER_FOOTER_PROPERTIES = [
  "leftHeader",
  "centerHeader",
  "rightHeader",
  "leftFooter",
  "centerFooter",
  "rightFooter",
] as const;
type Section = (typeof HEADER_FOOTER_PROPERTIES)[number];

export class MockHeaderFooter extends MockClientObject<MockSheet> {
  protected readonly typeName = "HeaderFooter";
  protected readonly loadable = HEADER_FOOTER_PROPERTIES;

  constructor(context: MockContextLike, resolver: () => MockSheet) {
    super(context, resolver);
  }

  protected property(sheet: MockSheet, name: string): unknown {
    return pageLayoutOf(sheet).defaultForAllPages[name as Section];
  }

  private set(section: Section, value: string): void {
    this.op(`HeaderFooter.${section}`, (sheet) => {
      // Excel keeps at most 255 characters per header or footer.
      if (value.length > 255)
        throw new MockOfficeError("InvalidArgument", "header/footer too long", "HeaderFooter");
      pageLayoutOf(sheet).defaultForAllPages[section] = value;
    });
  }

  get leftHeader(): string {
    return this.read("leftHeader");
  }
  set leftHeader(v: string) {
    this.set("leftHeader", v);
  }
  get centerHeader(): string {
    return this.read("centerHeader");
  }
  set centerHeader(v: string) {
    this.set("centerHeader", v);
  }
  get rightHeader(): string {
    return this.read("rightHeader");
  }
  set rightHeader(v: string) {
    this.set("rightHeader", v);
  }
  get leftFooter(): string {
    return this.read("leftFooter");
  }
  set leftFooter(v: string) {
    this.set("leftFooter", v);
  }
  get centerFooter(): string {
    return this.read("centerFooter");
  }
  set centerFooter(v: string) {
    this.set("centerFooter", v);
  }
  get rightFooter(): string {
    return this.read("rightFooter");
  }
  set rightFooter(v: string) {
    this.set("rightFooter", v);
  }
}
