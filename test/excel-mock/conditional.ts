// Conditional formats in the Excel stand-in: Range.conditionalFormats.add(type) with the data bar,
// color scale, cell value, text comparison and custom (formula) kinds, each with the checks Excel
// makes (the kind's object exists only on a format of that kind; rules need their operands).

import { MockClientObject, MockCollection, MockContextLike } from "./base";
import type { Target } from "./api";
import { MockConditionalFormat, MockOfficeError } from "./model";

const TYPES = [
  "DataBar",
  "ColorScale",
  "CellValue",
  "ContainsText",
  "Custom",
  "IconSet",
  "TopBottom",
  "PresetCriteria",
];

const CELL_VALUE_OPERATORS = [
  "Between",
  "NotBetween",
  "EqualTo",
  "NotEqualTo",
  "GreaterThan",
  "LessThan",
  "GreaterThanOrEqual",
  "LessThanOrEqual",
];

const TEXT_OPERATORS = ["Contains", "NotContains", "BeginsWith", "EndsWith"];

const COLOR_CRITERION_TYPES = [
  "LowestValue",
  "HighestValue",
  "Number",
  "Percent",
  "Formula",
  "Percentile",
];

type Entry = { sheetFormats: MockConditionalFormat[]; entry: MockConditionalFormat };

function kindOf(target: Entry, type: string, what: string): MockConditionalFormat {
  if (target.entry.type !== type) {
    throw new MockOfficeError(
      "InvalidArgument",
      `The conditional format is a ${target.entry.type}, not a ${type}.`,
      what
    );
  }
  return target.entry;
}

export class MockConditionalFormatObject extends MockClientObject<Entry> {
  protected readonly typeName = "ConditionalFormat";
  protected readonly loadable = ["type"] as const;

  protected property(target: Entry): unknown {
    return target.entry.type;
  }

  get type(): string {
    return this.read("type");
  }

  get dataBar(): MockDataBar {
    return new MockDataBar(this.context, () => this.resolve());
  }
  get colorScale(): MockColorScale {
    return new MockColorScale(this.context, () => this.resolve());
  }
  get cellValue(): MockRuleFormat {
    return new MockRuleFormat(this.context, () => this.resolve(), "CellValue");
  }
  get textComparison(): MockRuleFormat {
    return new MockRuleFormat(this.context, () => this.resolve(), "ContainsText");
  }
  get custom(): MockRuleFormat {
    return new MockRuleFormat(this.context, () => this.resolve(), "Custom");
  }

  delete(): void {
    this.op("ConditionalFormat.delete", ({ sheetFormats, entry }) =>
      sheetFormats.splice(sheetFormats.indexOf(entry), 1)
    );
  }
}

export class MockConditionalFormatCollection extends MockCollection<
  Entry,
  MockConditionalFormatObject
> {
  protected readonly typeName = "ConditionalFormatCollection";
  protected readonly itemLoadable = ["type"] as const;

  constructor(
    context: MockContextLike,
    private readonly rangeOf: () => Target
  ) {
    super(context);
  }

  protected list(): Entry[] {
    const { sheet, rect } = this.rangeOf();
    return sheet.conditionalFormats
      .filter(
        (f) =>
          f.rect.top <= rect.bottom &&
          f.rect.bottom >= rect.top &&
          f.rect.left <= rect.right &&
          f.rect.right >= rect.left
      )
      .map((entry) => ({ sheetFormats: sheet.conditionalFormats, entry }));
  }

  protected proxy(target: Entry): MockConditionalFormatObject {
    return new MockConditionalFormatObject(this.context, () => target);
  }

  add(type: string): MockConditionalFormatObject {
    let created: Entry | null = null;
    this.context.enqueue(() => {
      const { sheet, rect } = this.rangeOf();
      this.context.model.check("ConditionalFormat.add");
      if (!TYPES.includes(type)) {
        throw new MockOfficeError(
          "InvalidArgument",
          `Unknown conditional format type "${type}".`,
          "ConditionalFormatCollection.add"
        );
      }
      const entry: MockConditionalFormat = { type, rect: { ...rect } };
      sheet.conditionalFormats.push(entry);
      created = { sheetFormats: sheet.conditionalFormats, entry };
    });
    return new MockConditionalFormatObject(this.context, () => created);
  }
}

export class MockDataBar extends MockClientObject<Entry> {
  protected readonly typeName = "DataBarConditionalFormat";
  protected readonly loadable = ["barDirection"] as const;

  protected property(target: Entry): unknown {
    return kindOf(target, "DataBar", this.typeName).dataBar?.barDirection ?? "Context";
  }

  private bar(target: Entry): NonNullable<MockConditionalFormat["dataBar"]> {
    const entry = kindOf(target, "DataBar", this.typeName);
    entry.dataBar = entry.dataBar ?? {};
    return entry.dataBar;
  }

  get barDirection(): string {
    return this.read("barDirection");
  }
  set barDirection(value: string) {
    this.op("DataBar.barDirection", (target) => {
      this.bar(target).barDirection = value;
    });
  }

  get positiveFormat(): { fillColor: string; gradientFill: boolean } {
    const setter = (apply: (bar: NonNullable<MockConditionalFormat["dataBar"]>) => void) =>
      this.op("DataBar.positiveFormat", (target) => apply(this.bar(target)));
    return {
      set fillColor(color: string) {
        setter((bar) => {
          bar.fillColor = color.toUpperCase();
        });
      },
      get fillColor(): string {
        throw new Error("Excel stand-in: reading DataBar.positiveFormat is not modelled");
      },
      set gradientFill(on: boolean) {
        setter((bar) => {
          bar.gradientFill = on;
        });
      },
      get gradientFill(): boolean {
        throw new Error("Excel stand-in: reading DataBar.positiveFormat is not modelled");
      },
    };
  }
}

interface ColorCriterion {
  type: string;
  color?: string;
  formula?: string | null;
}

export class MockColorScale extends MockClientObject<Entry> {
  protected readonly typeName = "ColorScaleConditionalFormat";
  protected readonly loadable = ["criteria"] as const;

  protected property(target: Entry): unknown {
    return kindOf(target, "ColorScale", this.typeName).colorScale?.criteria;
  }

  get criteria(): unknown {
    return this.read("criteria");
  }
  set criteria(value: {
    minimum: ColorCriterion;
    midpoint?: ColorCriterion;
    maximum: ColorCriterion;
  }) {
    const copy = JSON.parse(JSON.stringify(value)) as typeof value;
    this.op("ColorScale.criteria", (target) => {
      const entry = kindOf(target, "ColorScale", this.typeName);
      for (const [name, c] of Object.entries(copy)) {
        if (c === undefined) continue;
        if (!COLOR_CRITERION_TYPES.includes(c.type) || !c.color) {
          throw new MockOfficeError(
            "InvalidArgument",
            `The color scale criterion "${name}" needs a type and a color.`,
            "ColorScale.criteria"
          );
        }
        c.color = c.color.toUpperCase();
      }
      if (!copy.minimum || !copy.maximum) {
        throw new MockOfficeError(
          "InvalidArgument",
          "A color scale needs a minimum and a maximum.",
          "ColorScale.criteria"
        );
      }
      entry.colorScale = { criteria: copy };
    });
  }
}

/** cellValue / textComparison / custom: a rule and the format applied when it holds. */
export class MockRuleFormat extends MockClientObject<Entry> {
  protected readonly typeName: string;
  protected readonly loadable = ["rule"] as const;

  constructor(
    context: MockContextLike,
    resolver: () => Entry | null,
    private readonly kind: "CellValue" | "ContainsText" | "Custom"
  ) {
    super(context, resolver);
    this.typeName = `${kind}ConditionalFormat`;
  }

  protected property(target: Entry): unknown {
    return kindOf(target, this.kind, this.typeName).rule;
  }

  get rule(): unknown {
    return this.read("rule");
  }
  set rule(value: Record<string, unknown>) {
    const copy = { ...value };
    this.op(`${this.kind}.rule`, (target) => {
      const entry = kindOf(target, this.kind, this.typeName);
      const bad = (why: string) =>
        new MockOfficeError(
          "InvalidArgument",
          `Invalid conditional format rule: ${why}.`,
          this.typeName
        );
      if (this.kind === "CellValue") {
        if (!CELL_VALUE_OPERATORS.includes(String(copy.operator))) throw bad("operator");
        if (typeof copy.formula1 !== "string" || copy.formula1 === "") throw bad("formula1");
        if (
          (copy.operator === "Between" || copy.operator === "NotBetween") &&
          (typeof copy.formula2 !== "string" || copy.formula2 === "")
        ) {
          throw bad("formula2");
        }
      } else if (this.kind === "ContainsText") {
        if (!TEXT_OPERATORS.includes(String(copy.operator))) throw bad("operator");
        if (typeof copy.text !== "string") throw bad("text");
      } else if (typeof copy.formula !== "string" || !copy.formula.startsWith("=")) {
        throw bad("formula");
      }
      entry.rule = copy;
    });
  }

  /** Custom formats take the formula through rule.formula (as Excel's ConditionalFormatRule). */
  get format(): {
    font: { color: string; bold: boolean; italic: boolean };
    fill: { color: string };
  } {
    const set = (apply: (f: NonNullable<MockConditionalFormat["format"]>) => void) =>
      this.op(`${this.kind}.format`, (target) => {
        const entry = kindOf(target, this.kind, this.typeName);
        entry.format = entry.format ?? {};
        apply(entry.format);
      });
    const unreadable = (): never => {
      throw new Error("Excel stand-in: reading conditional format fonts and fills is not modelled");
    };
    return {
      font: {
        set color(color: string) {
          set((f) => {
            f.fontColor = color.toUpperCase();
          });
        },
        get color(): string {
          return unreadable();
        },
        set bold(on: boolean) {
          set((f) => {
            f.bold = on;
          });
        },
        get bold(): boolean {
          return unreadable();
        },
        set italic(on: boolean) {
          set((f) => {
            f.italic = on;
          });
        },
        get italic(): boolean {
          return unreadable();
        },
      },
      fill: {
        set color(color: string) {
          set((f) => {
            f.fillColor = color.toUpperCase();
          });
        },
        get color(): string {
          return unreadable();
        },
      },
    };
  }
}
