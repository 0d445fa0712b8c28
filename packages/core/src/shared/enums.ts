/**
 * Fixed (non-configurable) enumerations shared by several modules.
 *
 * In code and JSON every value is a name (`'Yes'`, `'EndOfQuarter'`). KITOS stores the same values
 * as integers whose meaning differs per enum: in `YesNoUndecidedOption` **0 means Yes**, while in
 * `DataOptions` 0 means No. Each enum therefore carries its KITOS code table, and
 * `fromCode`/`toCode` convert at the boundary (imports from KITOS, the exchange format) so the
 * numbers never leak into rules.
 *
 * @module
 */
import { z } from 'zod';

/** An enumeration with its names, zod schema and KITOS integer codes. */
export interface KitosEnum<N extends string> {
  /** The zod schema accepting exactly the names. */
  readonly schema: z.ZodEnum<{ [K in N]: K }>;
  /** The names, in KITOS code order. */
  readonly values: readonly N[];
  /** Name → KITOS integer code. */
  readonly codes: Readonly<Record<N, number>>;
  /** KITOS integer code → name, or `undefined` for an unknown code. */
  fromCode(code: number): N | undefined;
  /** Name → KITOS integer code. */
  toCode(name: N): number;
}

/**
 * The value type of a {@link KitosEnum}: `EnumValue<typeof YesNoUndecided>` is `'Yes' | 'No' | 'Undecided'`.
 */
export type EnumValue<E> = E extends KitosEnum<infer N> ? N : never;

/**
 * Defines an enumeration from its KITOS code table.
 *
 * @example
 * ```ts
 * const Answer = kitosEnum({ Yes: 0, No: 1, Undecided: 2 });
 * Answer.fromCode(0);             // 'Yes'
 * Answer.schema.parse('No');      // 'No'
 * ```
 */
export function kitosEnum<const T extends Record<string, number>>(codes: T): KitosEnum<keyof T & string> {
  type N = keyof T & string;
  const values = (Object.keys(codes) as N[]).sort((a, b) => (codes[a] as number) - (codes[b] as number));
  const byCode = new Map<number, N>(values.map((n) => [codes[n] as number, n]));
  const schema = z.enum(values as [N, ...N[]]) as unknown as z.ZodEnum<{ [K in N]: K }>;
  return {
    schema,
    values,
    codes: codes as Readonly<Record<N, number>>,
    fromCode: (code) => byCode.get(code),
    toCode: (name) => codes[name] as number,
  };
}

/** Registration scope of catalogue entries and organisations (KITOS `AccessModifier`: Local=0, Public=1). */
export const AccessModifier = kitosEnum({ Local: 0, Public: 1 });
/** Registration scope. */
export type AccessModifier = EnumValue<typeof AccessModifier>;

/** KITOS `YesNoUndecidedOption`: **Yes=0**, No=1, Undecided=2. */
export const YesNoUndecided = kitosEnum({ Yes: 0, No: 1, Undecided: 2 });
/** Yes / No / Undecided answer. */
export type YesNoUndecided = EnumValue<typeof YesNoUndecided>;

/** KITOS `YesNoIrrelevantOption`: No=0, Yes=1, Irrelevant=2, Undecided=3. */
export const YesNoIrrelevant = kitosEnum({ No: 0, Yes: 1, Irrelevant: 2, Undecided: 3 });
/** Yes / No / Irrelevant / Undecided answer. */
export type YesNoIrrelevant = EnumValue<typeof YesNoIrrelevant>;

/** KITOS `DataOptions` (GDPR questions): No=0, Yes=1, DontKnow=2, Undecided=3. */
export const YesNoDontKnow = kitosEnum({ No: 0, Yes: 1, DontKnow: 2, Undecided: 3 });
/** Yes / No / Don't know / Undecided answer. */
export type YesNoDontKnow = EnumValue<typeof YesNoDontKnow>;

/** KITOS `YesNoPartiallyOption` (web accessibility): No=0, Yes=1, Partially=2. */
export const YesNoPartially = kitosEnum({ No: 0, Yes: 1, Partially: 2 });
/** Yes / No / Partially answer. */
export type YesNoPartially = EnumValue<typeof YesNoPartially>;

/** KITOS `TrafficLight`: White=0, Red=1, Yellow=2, Green=3. */
export const TrafficLight = kitosEnum({ White: 0, Red: 1, Yellow: 2, Green: 3 });
/** Status traffic light. */
export type TrafficLight = EnumValue<typeof TrafficLight>;

/** KITOS `YearSegmentOption` (notice "by end of"): EndOfCalendarYear=0, EndOfQuarter=1, EndOfMonth=2. */
export const YearSegment = kitosEnum({ EndOfCalendarYear: 0, EndOfQuarter: 1, EndOfMonth: 2 });
/** Calendar segment a notice period runs to. */
export type YearSegment = EnumValue<typeof YearSegment>;
