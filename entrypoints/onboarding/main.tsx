import { render } from 'preact';
import '../../components/shared/ui.css';
import { applyLanguage } from '../../hooks/apply-language';
import { t } from '../../words/i18n';
import { App } from './App';
import './onboarding.css';

// The chosen language's messages load before the first render (one small storage read).
applyLanguage().then(() => {
  document.title = t('onboarding.title');
  render(<App />, document.getElementById('app') as HTMLElement);
});
