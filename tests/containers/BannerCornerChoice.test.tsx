import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { BannerCornerChoice } from '../../containers/BannerCornerChoice';
import { bannerCornerItem } from '../../lib/storage/settings';

describe('BannerCornerChoice', () => {
  it('shows the stored corner and stores the one chosen', async () => {
    await bannerCornerItem.setValue('bottom-left');
    render(<BannerCornerChoice />);
    const select = (await screen.findByRole('combobox', {
      name: 'Where the banner sits on enrollment pages',
    })) as HTMLSelectElement;
    expect(select.value).toBe('bottom-left');
    expect([...select.options].map((o) => o.textContent)).toEqual([
      'Top right',
      'Bottom right',
      'Top left',
      'Bottom left',
    ]);
    fireEvent.change(select, { target: { value: 'top-left' } });
    await waitFor(async () => expect(await bannerCornerItem.getValue()).toBe('top-left'));
  });
});
