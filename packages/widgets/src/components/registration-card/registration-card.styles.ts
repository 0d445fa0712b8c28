import { cardActionStyles, cardStyles } from '../../internal/card.js';
import { baseStyles } from '../../internal/styles.js';

/** Styles of `<kitos-registration-card>`; colours come from `--kitos-*` custom properties. */
export const registrationCardStyles = [baseStyles, cardStyles, cardActionStyles];
