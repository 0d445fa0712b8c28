import { cardActionStyles, cardStyles } from '../../internal/card.js';
import { baseStyles } from '../../internal/styles.js';

/** Styles of `<kitos-usage-card>`; colours come from `--kitos-*` custom properties. */
export const usageCardStyles = [baseStyles, cardStyles, cardActionStyles];
