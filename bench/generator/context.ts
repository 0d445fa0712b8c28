/**
 * Shared plumbing of the generator: stored metadata, the option look-up and date helpers.
 *
 * @module
 */
import {
  type EntityMeta,
  type GlobalOption,
  type IsoDate,
  KITOS_OPTION_SEED,
  OPTION_EXAMPLE_SEED,
  type OptionSeed,
  type OptionType,
  type SeedOption,
  optionSeedUuid,
  seedGlobalOptions,
} from '@os2kitos/core';
import { plusDays } from './dates.js';
import type { Random } from './random.js';

/**
 * Countries where data may be processed: KITOS seeds none, the core's example seed adds "Danmark"
 * and "EU", and the generator adds three insecure third countries so that transfers answered
 * "Yes" can name one. These three are sample data, not KITOS data.
 */
const SAMPLE_COUNTRIES: readonly SeedOption[] = ['USA', 'Indien', 'Storbritannien'].map((name, i) => ({
  name,
  description: null,
  isObligatory: true,
  isEnabled: true,
  kitosPriority: -i,
}));

/**
 * The option seed of the sample data: KITOS's seed, the core's example lists, and the sample
 * countries above. Uuids come from `optionSeedUuid`, so they are the same in every run and in
 * every installation seeded the same way.
 */
export const SAMPLE_OPTION_SEED: OptionSeed = {
  ...KITOS_OPTION_SEED,
  ...OPTION_EXAMPLE_SEED,
  'data-processing-registration-country-types': [
    ...(OPTION_EXAMPLE_SEED['data-processing-registration-country-types'] ?? []),
    ...SAMPLE_COUNTRIES,
  ],
};

/** Global options by type and name, failing loudly on a name the seed does not have. */
export class OptionBook {
  /** Every global option, in seed order. */
  readonly all: GlobalOption[];
  private readonly byType = new Map<OptionType, GlobalOption[]>();
  private readonly byKey = new Map<string, GlobalOption>();

  constructor(options: GlobalOption[]) {
    this.all = options;
    for (const o of options) {
      this.byKey.set(`${o.type}/${o.name}`, o);
      const list = this.byType.get(o.type) ?? [];
      list.push(o);
      this.byType.set(o.type, list);
    }
  }

  /** The uuid of the option `name` of `type`; throws when the seed has no such option. */
  uuid(type: OptionType, name: string): string {
    const option = this.byKey.get(`${type}/${name}`);
    if (!option) throw new Error(`[kitos] [bench] no option '${name}' of type ${type}`);
    return option.uuid;
  }

  /** The options of `type`. */
  list(type: OptionType): readonly GlobalOption[] {
    return this.byType.get(type) ?? [];
  }

  /** The uuid of a random option of `type`. */
  pick(rng: Random, type: OptionType): string {
    return rng.pick(this.list(type)).uuid;
  }

  /** The uuids of `min`..`max` distinct random options of `type`. */
  sample(rng: Random, type: OptionType, min: number, max: number): string[] {
    return rng.sample(this.list(type), rng.int(min, max)).map((o) => o.uuid);
  }
}

/** Builds the option book of the sample data. */
export function sampleOptions(): OptionBook {
  return new OptionBook(seedGlobalOptions(optionSeedUuid, SAMPLE_OPTION_SEED));
}

/** What every part of the generator needs. */
export interface GeneratorContext {
  readonly today: IsoDate;
  /** The creation/change instant of every record. */
  readonly stamp: string;
  /** The global administrator, creator of every record. */
  readonly adminUuid: string;
  readonly options: OptionBook;
}

/** Stored metadata of a new record (version 1, created and changed by the global admin). */
export function meta(ctx: GeneratorContext, uuid: string): EntityMeta {
  return {
    uuid,
    version: 1,
    createdAt: ctx.stamp,
    createdBy: ctx.adminUuid,
    lastChanged: ctx.stamp,
    lastChangedBy: ctx.adminUuid,
  };
}

/** A random day `from` + [minDays, maxDays] days. */
export function dayAround(rng: Random, from: IsoDate, minDays: number, maxDays: number): IsoDate {
  return plusDays(from, rng.int(minDays, maxDays));
}

/** A whole number of kroner, rounded to `step`. */
export function kroner(rng: Random, min: number, max: number, step = 1000): number {
  return Math.round(rng.int(min, max) / step) * step;
}

/** Either `value()` (with probability `p`) or `null`. */
export function maybe<T>(rng: Random, p: number, value: () => T): T | null {
  return rng.next() < p ? value() : null;
}
