// The base of every proxy object of the Excel stand-in: queued loads and operations, PropertyNotLoaded,
// null objects, resolution at the first sync that needs the object; collections and ClientResult.

import { MockOfficeError, MockWorkbook } from "./model";

/** What proxies need of the request context (MockRequestContext in api.ts). */
export interface MockContextLike {
  readonly model: MockWorkbook;
  enqueue(op: () => void): void;
}

export function propertyList(
  props: string | string[] | undefined,
  all: readonly string[],
  typeName: string
): string[] {
  if (props === undefined) return [...all];
  const list = (Array.isArray(props) ? props : props.split(","))
    .map((p) => p.trim().replace(/^items\//, ""))
    .filter(Boolean);
  for (const p of list) {
    if (!all.includes(p)) {
      throw new Error(
        `Excel stand-in: ${typeName}.load("${p}") is not supported (loadable: ${all.join(", ")})`
      );
    }
  }
  return list;
}

/**
 * A proxy for one object "in Excel". Its target is found by `resolver` when the first queued
 * operation on it runs, then kept (as Office.js keeps pointing at the same object). A resolver
 * that returns null makes a null object (the *OrNullObject methods).
 */
export abstract class MockClientObject<T> {
  protected loaded = new Map<string, unknown>();
  private resolved = false;
  private target: T | null = null;
  protected abstract readonly typeName: string;
  /** Names load() accepts. */
  protected abstract readonly loadable: readonly string[];

  constructor(
    readonly context: MockContextLike,
    private readonly resolver: () => T | null,
    nullable = false
  ) {
    if (nullable) {
      context.enqueue(() => this.loaded.set("isNullObject", this.resolveOrNull() === null));
    }
  }

  /** The value of a loadable property, computed at sync time. */
  protected abstract property(target: T, name: string): unknown;

  resolveOrNull(): T | null {
    if (!this.resolved) {
      this.target = this.resolver();
      this.resolved = true;
    }
    return this.target;
  }

  resolve(): T {
    const target = this.resolveOrNull();
    if (target === null) {
      throw new MockOfficeError(
        "ItemNotFound",
        "The requested resource doesn't exist (null object).",
        this.typeName
      );
    }
    return target;
  }

  protected get model(): MockWorkbook {
    return this.context.model;
  }

  protected read<V>(name: string): V {
    if (!this.loaded.has(name)) {
      throw new MockOfficeError(
        "PropertyNotLoaded",
        `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
        `${this.typeName}.${name}`
      );
    }
    return this.loaded.get(name) as V;
  }

  get isNullObject(): boolean {
    return this.read("isNullObject");
  }

  /** Used by collections that load their items: the item arrives with these properties loaded. */
  preload(names: readonly string[]): this {
    const target = this.resolve();
    this.loaded.set("isNullObject", false);
    for (const name of names) this.loaded.set(name, this.property(target, name));
    return this;
  }

  load(props?: string | string[]): this {
    const list = propertyList(props, this.loadable, this.typeName);
    this.context.enqueue(() => {
      const target = this.resolveOrNull();
      this.loaded.set("isNullObject", target === null);
      if (target === null) return;
      for (const name of list) this.loaded.set(name, this.property(target, name));
    });
    return this;
  }

  /** Queues an operation on the target; `name` lets tests make it fail (MockWorkbook.failOperation). */
  protected op(name: string, run: (target: T) => void): void {
    this.context.enqueue(() => {
      const target = this.resolve();
      this.model.check(name);
      run(target);
    });
  }
}

/** A collection proxy: load() fills `items` with proxies whose listed properties are loaded. */
export abstract class MockCollection<T, P extends MockClientObject<T>> {
  private loadedItems: P[] | null = null;
  protected abstract readonly typeName: string;
  protected abstract readonly itemLoadable: readonly string[];

  constructor(readonly context: MockContextLike) {}

  /** The targets, in order, at sync time. */
  protected abstract list(): T[];
  /** A proxy for one target. */
  protected abstract proxy(target: T): P;

  load(props?: string | string[]): this {
    const names = propertyList(props, this.itemLoadable, this.typeName);
    this.context.enqueue(() => {
      this.loadedItems = this.list().map((t) => this.proxy(t).preload(names));
    });
    return this;
  }

  get items(): P[] {
    if (!this.loadedItems) {
      throw new MockOfficeError(
        "PropertyNotLoaded",
        `The property 'items' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
        `${this.typeName}.items`
      );
    }
    return this.loadedItems;
  }

  getCount(): MockClientResult<number> {
    const result = new MockClientResult<number>();
    this.context.enqueue(() => result.set(this.list().length));
    return result;
  }
}

/** OfficeExtension.ClientResult: `value` is readable after the sync. */
export class MockClientResult<T> {
  private has = false;
  private result: T | undefined;

  set(value: T): void {
    this.result = value;
    this.has = true;
  }

  get value(): T {
    if (!this.has) {
      throw new MockOfficeError(
        "PropertyNotLoaded",
        'The value of the result object has not been loaded yet. Before reading the value property, call "context.sync()" on the associated request context.'
      );
    }
    return this.result as T;
  }
}
