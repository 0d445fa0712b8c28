import { expect, fixture, html } from '@open-wc/testing';
import './status-badge.js';
import type { KitosStatusBadge } from './status-badge.component.js';

describe('<kitos-status-badge>', () => {
  it('says "Ikke aktiv" with the reason in Danish by default', async () => {
    const el = await fixture<KitosStatusBadge>(
      html`<kitos-status-badge .active=${false} reason="slutdato 31-12-2025 er passeret"></kitos-status-badge>`,
    );
    expect(el.shadowRoot!.textContent).to.contain('Ikke aktiv');
    expect(el.shadowRoot!.querySelector('[part=reason]')!.textContent).to.equal('slutdato 31-12-2025 er passeret');
  });

  it('speaks English and hides the reason when active', async () => {
    const el = await fixture<KitosStatusBadge>(
      html`<kitos-status-badge active lang="en" reason="x"></kitos-status-badge>`,
    );
    expect(el.shadowRoot!.textContent).to.contain('Active');
    expect(el.shadowRoot!.querySelector('[part=reason]')).to.equal(null);
  });

  it('renders a hostile reason as inert text', async () => {
    const el = await fixture<KitosStatusBadge>(
      html`<kitos-status-badge .active=${false} reason="<img src=x onerror=alert(1)>"></kitos-status-badge>`,
    );
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    expect(el.shadowRoot!.textContent).to.contain('<img src=x onerror=alert(1)>');
  });

  it('passes axe accessibility checks', async () => {
    const el = await fixture(html`<kitos-status-badge .active=${false} reason="udløbet"></kitos-status-badge>`);
    await expect(el).to.be.accessible();
  });
});
