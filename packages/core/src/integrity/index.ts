export { checkPortfolioIntegrity, type IntegrityViolation } from './portfolio-integrity.js';
