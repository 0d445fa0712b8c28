import { KitosProjectCard } from './project-card.component.js';

export { KitosProjectCard };

if (!customElements.get('kitos-project-card')) customElements.define('kitos-project-card', KitosProjectCard);

declare global {
  interface HTMLElementTagNameMap {
    'kitos-project-card': KitosProjectCard;
  }
}
