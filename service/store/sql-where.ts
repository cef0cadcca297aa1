/**
 * The WHERE clause of a filtered read, built one condition at a time with its parameters in
 * step: the ledger's and the event index's filters both use it, so "a filter field left out
 * matches all" means the same in both.
 */
export type SqlParam = string | number;

export interface SqlWhere {
  /** The conditions joined by AND; `1` when there are none. */
  sql: string;
  params: SqlParam[];
}

export class WhereBuilder {
  private readonly parts: string[];
  private readonly params: SqlParam[];

  /** Starts from conditions already known (a run's rows of a shared table). */
  constructor(cond: readonly string[] = [], params: readonly SqlParam[] = []) {
    this.parts = [...cond];
    this.params = [...params];
  }

  /** `column = ?`, when a value is given (undefined: the filter field was left out). */
  eq(column: string, value: SqlParam | undefined): this {
    return value === undefined ? this : this.and(`${column} = ?`, value);
  }

  /** Any condition, with its parameters in order. */
  and(cond: string, ...params: SqlParam[]): this {
    this.parts.push(cond);
    this.params.push(...params);
    return this;
  }

  build(): SqlWhere {
    return { sql: this.parts.length > 0 ? this.parts.join(' AND ') : '1', params: [...this.params] };
  }
}
