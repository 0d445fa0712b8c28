/**
 * `@os2kitos/widgets/contract-deadlines`: defines `<kitos-contract-deadlines>` and nothing else.
 * Import `@os2kitos/widgets/provider` as well to give it a client through `<kitos-provider>`, or set
 * `.client` on the element.
 *
 * @module contract-deadlines
 */
import './context-root.js';

export {
  type DeadlineUrgency,
  deadlineUrgency,
} from '../components/contract-deadlines/contract-deadlines.component.js';
export { KitosContractDeadlines } from '../components/contract-deadlines/contract-deadlines.js';
