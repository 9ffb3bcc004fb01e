import { useEffect, useState } from 'preact/hooks';
import { describedBy, Field } from '../components/shared/Field';
import { BANNER_CORNERS, type BannerCorner } from '../lib/shared/banner-corner';
import { bannerCornerItem } from '../lib/storage/settings';
import { t } from '../words/i18n';

const LABELS = {
  'top-right': 'banner.cornerTopRight',
  'top-left': 'banner.cornerTopLeft',
  'bottom-right': 'banner.cornerBottomRight',
  'bottom-left': 'banner.cornerBottomLeft',
} as const;

/** The corner of enrollment pages the banner sits in; the next page read uses it. */
export function BannerCornerChoice() {
  const [corner, setCorner] = useState<BannerCorner>();
  useEffect(() => {
    bannerCornerItem.getValue().then(setCorner);
  }, []);
  if (!corner) return null;
  return (
    <Field id="banner-corner" label={t('banner.corner')} hint={t('banner.cornerHint')}>
      <select
        id="banner-corner"
        value={corner}
        aria-describedby={describedBy('banner-corner', { hint: 'yes' })}
        onChange={async (e) => {
          const next = e.currentTarget.value as BannerCorner;
          setCorner(next);
          await bannerCornerItem.setValue(next);
        }}
      >
        {BANNER_CORNERS.map((c) => (
          <option key={c} value={c}>
            {t(LABELS[c])}
          </option>
        ))}
      </select>
    </Field>
  );
}
