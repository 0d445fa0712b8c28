import { describe, expect, it } from 'vitest';
import { GlobalOptionSchema } from '../option.schema.js';
import { OPTION_TYPES } from '../option-type.js';
import { optionSeedUuid } from '../option-uuid.js';
import { KITOS_OPTION_SEED, OPTION_EXAMPLE_SEED, SeedOptionSchema, seedGlobalOptions } from './index.js';

const names = (type: keyof typeof KITOS_OPTION_SEED) => KITOS_OPTION_SEED[type].map((o) => o.name);
const seeded = seedGlobalOptions();
const byName = (type: string, name: string) => seeded.find((o) => o.type === type && o.name === name);

describe('KITOS option seed data', () => {
  it('has a list for every option type, with valid and (per type) unique names', () => {
    expect(Object.keys(KITOS_OPTION_SEED).sort()).toEqual([...OPTION_TYPES].sort());
    for (const type of OPTION_TYPES) {
      for (const o of KITOS_OPTION_SEED[type]) expect(SeedOptionSchema.safeParse(o).success).toBe(true);
      expect(new Set(names(type)).size).toBe(names(type).length);
    }
  });
  it('holds KITOS lists with their sizes and order', () => {
    expect(names('business-types')).toHaveLength(18);
    expect(names('business-types')[0]).toBe('Desing, visualisering og grafik');
    expect(names('it-system-usage-archive-location-types')).toHaveLength(49);
    expect(names('it-contract-notice-period-month-types')).toEqual(Array.from({ length: 12 }, (_, i) => String(i + 1)));
    expect(names('it-contract-agreement-extension-option-types')).toEqual(['2 x 1 år', '1 x 1 år', '1 x ½ år']);
    expect(names('it-contract-price-regulation-types')).toEqual(['TSA', 'KL pris og lønskøn', 'Nettoprisindeks']);
  });
  it('seeds nothing where KITOS seeds nothing usable, and marks examples separately', () => {
    expect(names('it-system-usage-sensitive-personal-data-types')).toEqual([]);
    expect(names('data-processing-registration-country-types')).toEqual([]);
    expect(OPTION_EXAMPLE_SEED['data-processing-registration-country-types']?.map((o) => o.name)).toEqual([
      'Danmark',
      'EU',
    ]);
  });
  it('includes 251 country codes, NO, SE and UA among them, described in Danish', () => {
    expect(names('country-codes')).toHaveLength(251);
    expect(byName('country-codes', 'NO')?.description).toBe('NORGE');
    expect(byName('country-codes', 'SE')).toBeDefined();
    expect(byName('country-codes', 'UA')?.description).toBe('UKRAINE');
  });
});

describe('seeded role flags', () => {
  it('gives unit roles write access except Medarbejder and Direktør', () => {
    const readOnly = seeded
      .filter((o) => o.type === 'organization-unit-role-types' && !o.hasWriteAccess)
      .map((o) => o.name);
    expect(readOnly).toEqual(['Medarbejder', 'Direktør']);
  });
  it('makes both data processing roles obligatory, only the writer role with write access', () => {
    expect(byName('data-processing-registration-role-types', 'Standard Skriverolle')).toMatchObject({
      isObligatory: true,
      hasWriteAccess: true,
    });
    expect(byName('data-processing-registration-role-types', 'Standard Læserolle')).toMatchObject({
      isObligatory: true,
      hasReadAccess: true,
      hasWriteAccess: false,
    });
  });
  it('leaves usage and contract roles to local activation', () => {
    expect(byName('it-system-usage-role-types', 'Systemejer')).toMatchObject({ isObligatory: false, isEnabled: true });
    expect(byName('it-contract-role-types', 'Kontraktejer')).toMatchObject({
      isObligatory: false,
      hasWriteAccess: true,
    });
  });
});

describe('seedGlobalOptions', () => {
  it('produces valid global options with unique uuids', () => {
    for (const o of seeded) expect(GlobalOptionSchema.safeParse(o).success).toBe(true);
    expect(new Set(seeded.map((o) => o.uuid)).size).toBe(seeded.length);
  });
  it('is deterministic and uses the uuids the caller supplies', () => {
    expect(seedGlobalOptions()).toEqual(seeded);
    const custom = seedGlobalOptions((type, name) => `${type}:${name}`);
    expect(custom[0]?.uuid).toBe(`business-types:${names('business-types')[0]}`);
  });
  it('renumbers each type to n..1 in KITOS order', () => {
    for (const type of OPTION_TYPES) {
      const list = seeded.filter((o) => o.type === type).map((o) => o.priority);
      expect([...list].sort((a, b) => b - a)).toEqual(Array.from({ length: list.length }, (_, i) => list.length - i));
    }
    // KITOS's main seed lists the highest priority first ...
    expect(byName('business-types', 'Desing, visualisering og grafik')?.priority).toBe(18);
    // ... while its data processing script counts up from 0, so the last listed comes first.
    expect(byName('data-processing-registration-oversight-types', 'Fysisk tilsyn')?.priority).toBe(7);
    expect(byName('data-processing-registration-oversight-types', 'Egen kontrol')?.priority).toBe(1);
  });
});

describe('optionSeedUuid', () => {
  it('formats a version 8 uuid that depends on both type and name', () => {
    const uuid = optionSeedUuid('business-types', 'GIS');
    expect(uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(optionSeedUuid('it-interface-interface-data-types', 'GIS')).not.toBe(uuid);
    expect(optionSeedUuid('business-types', 'GIS ')).not.toBe(uuid);
  });
});
