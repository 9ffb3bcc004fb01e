import { render } from 'preact';
import '../../components/ui.css';
import { t } from '../../components/i18n';
import { applyLanguage } from '../../hooks/apply-language';
import { App } from './App';
import './onboarding.css';

// The chosen language's messages load before the first render (one small storage read).
applyLanguage().then(() => {
  document.title = t('onboarding.title');
  render(<App />, document.getElementById('app') as HTMLElement);
});
