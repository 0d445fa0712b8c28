/**
 * The sample-data generator shared by the demo, the examples and the benchmarks: a seeded,
 * deterministic, fictional Danish IT portfolio (municipalities, units, users, a shared catalogue,
 * usages, contracts with realistic terms and deadlines, data processing registrations, projects,
 * roles, relations and interfaces) that validates against the core schemas.
 *
 * All names, numbers and documents are made up. KLE is an illustrative subset, not KLE.
 *
 * @example
 * ```ts
 * import { generatePortfolio, validateSampleData } from '../generator/index.js';
 *
 * const data = generatePortfolio({ seed: 1, scale: 10, today: '2025-06-01' });
 * data.usages.length;              // 6000 (600 per municipality)
 * data.itSystems.length;           // 1500 (one shared catalogue at every scale)
 * validateSampleData(data).length; // 0
 * ```
 *
 * @module
 */
export { BUSINESS_AREAS, type BusinessArea, type DirectorateKey, type PersonalDataKind } from './areas.js';
export { OptionBook, SAMPLE_OPTION_SEED, sampleOptions } from './context.js';
export {
  type GenerateOptions,
  SAMPLE_SIZES,
  type SampleData,
  type SampleDataInfo,
  generatePortfolio,
} from './generate.js';
export { ILLUSTRATIVE_KLE, illustrativeKleTasks, illustrativeKleUuid } from './kle.js';
export { MUNICIPALITY_NAMES, asciiSlug, municipalityName } from './names.js';
export { type Random, createRandom } from './random.js';
export { type SampleDataProblem, validateSampleData } from './validate.js';
