// The consent line near a submission (lib/consent/check.ts): what is missing in every view, with the way
// to record it; "on file" beside the rest of the panel only.
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { generateChromeMessages, parseMessagesFile } from '@wxt-dev/i18n/build';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Banner, type BannerProps } from '../../../components/banner/Banner';
import { checkConsent } from '../../../lib/consent/check';
import type { ConsentRecord } from '../../../lib/consent/record';
import { assessInvalidActionRisk, blocked } from '../../../lib/risk/rules';
import type { PageFacts } from '../../../lib/sites';
import { setChosenMessages } from '../../../words/i18n';

const facts: PageFacts = {
  site: 'healthsherpa',
  pageKind: 'application',
  applicationId: '4567891230',
  planYear: 2026,
  aorNpn: '12345678',
  hasActiveCoverage: true,
  invalidActionError: false,
  consentStatus: 'action-required',
};
const clear = assessInvalidActionRisk({
  submittingNpn: '12345678',
  policyNpn: '12345678',
  hasActiveCoverage: true,
  pathway: 'agent',
});

const recorded: ConsentRecord = {
  id: 'r1',
  applicationId: '4567891230',
  planYear: 2026,
  consentDate: '2026-11-02',
  scopes: ['ongoing-account-maintenance'],
  method: 'signature',
  givenBy: 'consumer',
  reviewDate: '2026-11-20',
  proofReference: 'Agency DMS #123',
  recordedAt: '2026-11-20T10:00:00.000Z',
  updatedAt: '2026-11-20T10:00:00.000Z',
};

function show(props: Partial<BannerProps>) {
  const onOpenDashboard = vi.fn();
  render(
    <Banner
      assessment={clear}
      facts={facts}
      submittingNpn="12345678"
      onDismiss={vi.fn()}
      onOpenDashboard={onOpenDashboard}
      {...props}
    />,
  );
  return onOpenDashboard;
}

afterEach(() => {
  cleanup();
  setChosenMessages(null);
});

describe('the consent line', () => {
  it('names what is missing in the chip, and opens the consent records on the application', () => {
    const open = show({ view: 'chip', consent: checkConsent(facts, [], 2026) });
    expect(
      screen.getByText(
        /Not on file for plan year 2026: the consumer's consent \(ongoing account maintenance\) and the application review\./,
      ),
    ).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Record consent' }));
    expect(open).toHaveBeenCalledWith('consent', { applicationId: '4567891230', planYear: 2026 });
  });

  it('names the review alone when the consent is on file, and a consent for another scope as not covering', () => {
    show({
      consent: checkConsent(facts, [{ ...recorded, consentDate: undefined }], 2026),
    });
    expect(screen.getByText(/the consumer's consent \(ongoing account maintenance\)\. Get it/)).toBeTruthy();
    cleanup();
    show({ consent: checkConsent(facts, [{ ...recorded, scopes: ['search-existing-application'] }], 2026) });
    expect(screen.getByText(/does not cover this; a new consent is needed/)).toBeTruthy();
    cleanup();
    show({ consent: checkConsent({ ...facts, consentStatus: 'collected' }, [], 2026) });
    expect(
      screen.getByText(/Not on file for plan year 2026: the eligibility application review\./),
    ).toBeTruthy();
  });

  it('says "on file" in the panel, without a button, and nothing in a chip', () => {
    const consent = checkConsent(facts, [recorded], 2026);
    show({ view: 'full', assessment: blocked('npn-changes', false), consent });
    expect(screen.getByText('Consent and application review for plan year 2026: on file.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Record consent' })).toBeNull();
    cleanup();
    show({ view: 'chip', consent });
    expect(screen.queryByText(/on file/)).toBeNull();
  });

  it('speaks Spanish', async () => {
    setChosenMessages(generateChromeMessages(await parseMessagesFile('locales/es.yml')) as never, 'es-US');
    show({ view: 'chip', consent: checkConsent(facts, [], 2026) });
    expect(
      screen.getByText(
        /No consta para el año del plan 2026: el consentimiento del consumidor \(mantenimiento continuo de la cuenta\)/,
      ),
    ).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Registrar consentimiento' })).toBeTruthy();
  });
});
