import { css } from 'lit';

/** Styles of `<kitos-provider>`: it takes no box of its own. */
export const providerStyles = css`
  :host {
    display: contents;
  }
`;
