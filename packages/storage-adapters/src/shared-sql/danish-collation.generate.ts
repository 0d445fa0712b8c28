/**
 * Derives the tables of `danish-collation-data.ts` from the running engine's `Intl.Collator('da')`
 * (ICU). Used by `danish-sort-key.test.ts`, which checks that the committed tables are current and
 * rewrites them when run with `KITOS_WRITE_COLLATION=1`. Not part of the runtime.
 *
 * How: the repertoire's characters are split (NFD) into atoms and combining marks; contractions
 * (letter + mark, letter + letter like "aa") are found by probing; elements are grouped by primary
 * (base-letter) equality, then by secondary (accent) equality, then ranked by full comparison.
 * Accent variants that do not decompose (đ, ł, ħ, and the tailored ä, ö, ü …) become the base
 * element plus a secondary-only element, placed among the combining marks by probing; expansions
 * ("ß" = "ss", "½" = "1⁄2") get their tertiary (and, if needed, one secondary) weights fitted.
 *
 * @module
 */

import type { CollationData, CollationDataText } from './danish-sort-key.js';

type Ce = [number, number, number];

/** The characters the tables cover (and the property test draws from). */
export function collationRepertoire(): string[] {
  const out: string[] = [];
  const add = (a: number, b: number) => {
    for (let c = a; c <= b; c++) out.push(String.fromCodePoint(c));
  };
  add(0x20, 0x7e);
  add(0xa0, 0x2ff); // Latin-1, Latin Extended-A/B, IPA, spacing modifiers
  add(0x370, 0x3ff); // Greek
  add(0x400, 0x4ff); // Cyrillic
  add(0x1e00, 0x1eff); // Latin Extended Additional
  add(0x2010, 0x205e); // general punctuation
  add(0x20a0, 0x20c0); // currency symbols
  out.push('™');
  return out.filter((c) => !/\p{Cn}|\p{Co}/u.test(c));
}

const hex = (s: string) => [...s].map((c) => (c.codePointAt(0) as number).toString(16)).join('+');

function groupBy<T>(sorted: T[], same: (a: T, b: T) => boolean): T[][] {
  const groups: T[][] = [];
  for (const x of sorted) {
    const g = groups.at(-1);
    if (g && same(g[0] as T, x)) g.push(x);
    else groups.push([x]);
  }
  return groups;
}

/** Derives the tables from `Intl.Collator('da')`; takes a few seconds. */
export function deriveCollationTables(makeKey: (data: CollationData) => (text: string) => string): CollationDataText {
  const full = new Intl.Collator('da');
  const base = new Intl.Collator('da', { sensitivity: 'base' });
  const accent = new Intl.Collator('da', { sensitivity: 'accent' });

  const atoms = new Set<string>();
  for (const c of collationRepertoire()) for (const a of c.normalize('NFD')) atoms.add(a);
  for (let m = 0x300; m < 0x370; m++) atoms.add(String.fromCodePoint(m));
  const ignorable: string[] = [];
  const marks: string[] = [];
  const prim: string[] = [];
  for (const ch of atoms) {
    if (full.compare(ch, '') === 0) ignorable.push(ch);
    else if (ch.normalize('NFD') !== ch) continue;
    else if (/\p{M}/u.test(ch) && base.compare(`e${ch}`, 'e') === 0) marks.push(ch);
    else prim.push(ch);
  }

  const letters = prim.filter((c) => /\p{L}/u.test(c));
  const contractions: string[] = [];
  for (const l of letters) for (const m of marks) if (base.compare(l + m, l) !== 0) contractions.push(l + m);
  for (const x of letters)
    for (const y of letters) if (full.compare(x + y, `${x}\u0000${y}`) !== 0) contractions.push(x + y);

  const classes = groupBy([...prim, ...contractions].sort(base.compare), (a, b) => base.compare(a, b) === 0);
  const reps = classes.map((g) => g[0] as string);
  const expansions = new Map<string, string>();
  for (const g of classes) {
    if (g.some((m) => contractions.includes(m))) continue;
    const c = g[0] as string;
    const found = findExpansion(c, reps, base);
    if (found) for (const m of g) expansions.set(m, found);
  }
  for (let round = 0; round < 4; round++)
    for (const [e, x] of expansions) expansions.set(e, [...x].map((ch) => expansions.get(ch) ?? ch).join(''));

  const primClasses = classes.filter((g) => !expansions.has(g[0] as string));
  const primaryOf = new Map<string, number>();
  primClasses.forEach((g, i) => {
    for (const e of g) primaryOf.set(e, i + 1);
  });
  const firstDigitPrimary = primaryOf.get('0') as number;
  if (firstDigitPrimary >= 0x100 || primClasses.length >= 0x280) throw new Error('weights outside the key layout');

  // Secondary weights: combining marks in order, with the accent variants placed between them.
  interface Variant {
    members: string[];
    rep: string;
    base: string;
    gap: number;
    eq: number | null;
  }
  const variants: Variant[] = [];
  const subclassesOf = new Map<string, string[][]>();
  for (const g of primClasses) {
    const subs = groupBy([...g].sort(accent.compare), (a, b) => accent.compare(a, b) === 0);
    subclassesOf.set(g[0] as string, subs);
    subs.forEach((h, i) => {
      if (i > 0) variants.push({ members: h, rep: h[0] as string, base: subs[0]?.[0] as string, gap: 0, eq: null });
    });
  }
  const markCmp = (a: string, b: string) => full.compare(`e${a}`, `e${b}`);
  const markGroups = groupBy([...marks].sort(markCmp), (a, b) => markCmp(a, b) === 0);
  for (const v of variants) {
    for (let gi = 0; gi < markGroups.length; gi++) {
      const c = accent.compare(v.rep, v.base + (markGroups[gi]?.[0] as string));
      if (c === 0) {
        v.eq = gi;
        break;
      }
      if (c > 0) v.gap = gi + 1;
    }
  }
  const secondaryOfMark = new Map<string, number>();
  const secondaryOfVariant = new Map<string, number>();
  // Common is 2; marks and variants get even weights from 4, so fitted expansions can sit between.
  let weight = 4;
  for (let gi = 0; gi <= markGroups.length; gi++) {
    const inGap = variants
      .filter((v) => v.eq === null && v.gap === gi)
      .sort((a, b) => (a.base === b.base ? accent.compare(a.rep, b.rep) : a.base < b.base ? -1 : 1));
    for (const v of inGap) {
      for (const e of v.members) secondaryOfVariant.set(e, weight);
      weight += 2;
    }
    const group = markGroups[gi];
    if (group) {
      for (const m of group) secondaryOfMark.set(m, weight);
      for (const v of variants.filter((x) => x.eq === gi)) for (const e of v.members) secondaryOfVariant.set(e, weight);
      weight += 2;
    }
  }
  const maxSecondary = weight;
  if (maxSecondary >= 0x100) throw new Error('secondary weights outside the key layout');

  // Tertiary weights: dense rank inside each accent class, doubled so expansions can sit between.
  const tertiaryOf = new Map<string, number>();
  for (const g of primClasses)
    for (const h of subclassesOf.get(g[0] as string) ?? []) {
      const sorted = [...h].sort(full.compare);
      let rank = 0;
      sorted.forEach((e, i) => {
        if (i === 0 || full.compare(sorted[i - 1] as string, e) !== 0) rank++;
        tertiaryOf.set(e, rank * 2);
      });
    }
  const cesOf = (e: string): Ce[] => {
    const ces: Ce[] = [[primaryOf.get(e) as number, 2, tertiaryOf.get(e) as number]];
    const sv = secondaryOfVariant.get(e);
    if (sv !== undefined) ces.push([0, sv, 1]);
    return ces;
  };

  const elementMap = new Map<string, Ce[]>();
  for (const g of primClasses) for (const e of g) elementMap.set(e, cesOf(e));
  const classOf = (e: string) => primClasses.find((g) => g.includes(e)) as string[];
  for (const [c, s] of expansions)
    elementMap.set(
      c,
      [...s].flatMap((x) => cesOf(classOf(x)[0] as string)),
    );

  const render = (): CollationDataText => ({
    firstDigitPrimary,
    marks: [...secondaryOfMark].map(([m, w]) => `${hex(m)}:${w}`).join(' '),
    ignorable: ignorable.map(hex).join(' '),
    elements: `\n${[...elementMap]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, ces]) => `${hex(k)} ${ces.map((ce) => ce.join('.')).join(' ')}`)
      .join('\n')}\n`,
  });

  // Fit the expansions' weights against probes built from their components' classes.
  const key = makeKey({
    elements: elementMap,
    marks: new Map([...secondaryOfMark].map(([m, w]) => [m.codePointAt(0) as number, w])),
    ignorable: new Set(ignorable.map((c) => c.codePointAt(0) as number)),
    firstDigitPrimary,
  });
  const sign = (x: number) => Math.sign(x);
  const bin = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  // Each round fits every expansion afresh from its components' elements (the other expansions as
  // the previous round left them), so a weight fitted once is not built on in the next round. The
  // secondary weights are fitted first, against the accent-level order of ICU (the key without its
  // tertiary part), so that texts ICU tells apart only by case or variant ("ß", "ẞ") never differ
  // in accents in the key; then the tertiary weights against the full order.
  const templates = new Map([...expansions.keys()].map((c) => [c, elementMap.get(c) as Ce[]]));
  const accentPart = (k: string) => k.slice(0, k.lastIndexOf('\u0001'));
  for (let round = 0; round < 3; round++)
    for (const [c, s] of expansions) {
      const comps = [...s].map(classOf);
      let probes = [''];
      for (const g of comps) probes = probes.flatMap((p) => g.map((m) => p + m));
      probes.push(...[...expansions.keys()].filter((k) => k !== c));
      // The components with a combining mark after any of them ("śs", "sśs" for "ß"): an
      // expansion's secondary weight must also fall right among the marks, not only among the
      // components' own variants (ICU puts "ß" after "s" + any accent + "s").
      const reps = comps.map((g) => g[0] as string);
      for (let at = 1; at <= reps.length; at++)
        for (const group of markGroups)
          probes.push(reps.slice(0, at).join('') + (group[0] as string) + reps.slice(at).join(''));
      // No probe contains the expansion, so their keys stay put while it is fitted.
      const probeKeys = probes.map((p) => key(p));
      const accentOrder = probes.map((p) => sign(accent.compare(c, p)));
      const fullOrder = probes.map((p) => sign(full.compare(c, p)));
      const mismatches = (ces: Ce[], accentOnly: boolean) => {
        elementMap.set(c, ces);
        const kc = key(c);
        let bad = 0;
        probeKeys.forEach((kp, i) => {
          if (accentOnly) bad += accentOrder[i] === sign(bin(accentPart(kc), accentPart(kp))) ? 0 : 1;
          else bad += fullOrder[i] === sign(bin(kc, kp)) ? 0 : 1;
        });
        return bad;
      };
      // Accents: the components' elements, or at most one secondary-only element after one of them
      // ("ß": s, then a weight above every accent, then s).
      const template = templates.get(c) as Ce[];
      let accents = { bad: mismatches(template, true), ces: template };
      for (let pos = 1; pos <= template.length && accents.bad > 0; pos++)
        for (let w = 3; w <= maxSecondary && accents.bad > 0; w++) {
          const ces: Ce[] = [...template.slice(0, pos), [0, w, 1], ...template.slice(pos)];
          const bad = mismatches(ces, true);
          if (bad < accents.bad) accents = { bad, ces };
        }
      // Case and variants: the tertiary weight of each primary element, near its components' own.
      const base = accents.ces;
      const primaries = base.map((ce, i) => (ce[0] ? i : -1)).filter((i) => i >= 0);
      const candidates = primaries.map((_, k) => {
        const ters = new Set(comps[k]?.map((e) => tertiaryOf.get(e) as number));
        return [...new Set([...ters].flatMap((t) => [t - 1, t, t + 1]))];
      });
      let best = { bad: Number.POSITIVE_INFINITY, ces: base };
      const search = (k: number, chosen: number[]) => {
        if (best.bad === 0) return;
        if (k === primaries.length) {
          const ces = base.map((ce) => [...ce] as Ce);
          primaries.forEach((i, j) => {
            (ces[i] as Ce)[2] = chosen[j] as number;
          });
          const bad = mismatches(ces, false);
          if (bad < best.bad) best = { bad, ces };
          return;
        }
        for (const t of candidates[k] ?? []) search(k + 1, [...chosen, t]);
      };
      search(0, []);
      elementMap.set(c, best.ces);
    }
  return render();
}

function findExpansion(c: string, reps: string[], base: Intl.Collator): string | undefined {
  const fits = (prefix: string) => base.compare(prefix, c) < 0 && base.compare(`${prefix}\uffff`, c) >= 0;
  for (const r1 of reps) {
    if (r1 === c || !fits(r1)) continue;
    for (const r2 of reps) if (r2 !== c && base.compare(r1 + r2, c) === 0) return r1 + r2;
  }
  if (!/[\p{N}\p{S}\p{P}]/u.test(c)) return undefined;
  for (const r1 of reps) {
    if (r1 === c || !fits(r1)) continue;
    for (const r2 of reps) {
      if (r2 === c || !fits(r1 + r2)) continue;
      for (const r3 of reps) if (r3 !== c && base.compare(r1 + r2 + r3, c) === 0) return r1 + r2 + r3;
    }
  }
  return undefined;
}
