import { describe, expect, it } from 'vitest';
import { externalReferencesSetMaster, externalReferencesValidity } from './external-reference.rules.js';
import { ExternalReferenceCreateSchema, type ExternalReference } from './external-reference.schema.js';

const ref = (n: number, master = false): ExternalReference => ({
  uuid: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  title: `Reference ${n}`,
  documentId: null,
  url: `https://example.org/${n}`,
  masterReference: master,
});

describe('external references', () => {
  it('requires a non-blank title to create', () => {
    expect(ExternalReferenceCreateSchema.safeParse({ title: 'Kontrakt' }).success).toBe(true);
    expect(ExternalReferenceCreateSchema.safeParse({ title: ' ' }).success).toBe(false);
    expect(ExternalReferenceCreateSchema.safeParse({ url: 'https://example.org' }).success).toBe(false);
  });
  it('allows at most one master reference and unique uuids', () => {
    expect(externalReferencesValidity([ref(1, true), ref(2)]).ok).toBe(true);
    const r = externalReferencesValidity([ref(1, true), ref(2, true), ref(2)]);
    expect(!r.ok && r.violations.map((v) => v.code)).toEqual(['duplicate-uuid', 'multiple-master-references']);
  });
  it('moves the master flag to the chosen reference', () => {
    const r = externalReferencesSetMaster([ref(1, true), ref(2)], ref(2).uuid);
    expect(r.ok && r.value.map((x) => x.masterReference)).toEqual([false, true]);
  });
  it('refuses to make an unknown reference the master', () => {
    const r = externalReferencesSetMaster([ref(1)], ref(9).uuid);
    expect(!r.ok && r.violations[0]?.code).toBe('reference-not-found');
  });
});
