import { createMemoryStorage } from '@os2kitos/core';
import * as vitest from 'vitest';
import { runStorageConformance } from '../testing/conformance/suite.js';

runStorageConformance({ create: async () => createMemoryStorage(), test: vitest, label: 'memory' });
