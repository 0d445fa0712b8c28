/**
 * The reminder e-mail in English, its "in N days" counted from the day it goes out, the terms
 * behind the date, hostile names kept as text in the HTML part, and the configurable link.
 */
import type { PlannedReminder } from '@os2kitos/core';
import { describe, expect, it } from 'vitest';
import { composeReminder, reminderLink } from '../src/index.js';

const reminder: PlannedReminder = {
  key: 'rule/r/c/extension-decision/2026-09-30/90',
  source: 'rule',
  sourceUuid: 'r',
  organizationUuid: 'o',
  entityKind: 'itContract',
  entityUuid: 'c',
  entityName: '<img src=x onerror=alert(1)>',
  deadline: 'extension-decision',
  dueDate: '2026-09-30',
  daysBefore: 90,
  sendOn: '2026-07-02',
  why: [
    { term: 'noticeMonths', value: 3 },
    { term: 'byEndOf', value: 'EndOfQuarter' },
    { term: 'expiry', value: '2026-12-31' },
    { term: 'extensionsRemaining', value: 2 },
  ],
  subject: null,
  body: null,
  language: 'en',
  recipients: [{ email: 'owner@nordby.dk', userUuid: 'u', role: 'Contract owner' }],
};

describe('composeReminder', () => {
  it('writes English with the terms behind the date and keeps names as text in HTML', () => {
    const m = composeReminder(reminder, 'https://kitos.nordby.dk/x?a=1&b=2', '2026-09-29');
    expect(m.subject).toBe(
      'Reminder: Decision on the extension option for <img src=x onerror=alert(1)> on 30-09-2026 (tomorrow)',
    );
    expect(m.text).toContain('- Notice period: 3 months');
    expect(m.text).toContain('- Ends only at the end of the: quarter');
    expect(m.text).toContain('- Expires: 31-12-2026');
    expect(m.text).toContain('- Extension options left: 2');
    expect(m.text).toContain('because you are Contract owner');
    expect(m.html).not.toContain('<img');
    expect(m.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(m.html).toContain('href="https://kitos.nordby.dk/x?a=1&amp;b=2"');
    expect(composeReminder({ ...reminder, language: 'da' }, 'l', '2026-09-30').subject).toMatch(/\(i dag\)$/);
  });
  it('links to the record in the API or through the configured template', () => {
    expect(reminderLink(undefined, 'https://kitos.nordby.dk/', reminder)).toBe(
      'https://kitos.nordby.dk/api/v2/it-contracts/c',
    );
    expect(reminderLink('https://intra.nordby.dk/kitos#/{kind}/{uuid}?org={organizationUuid}', '', reminder)).toBe(
      'https://intra.nordby.dk/kitos#/itContract/c?org=o',
    );
  });
});
