import { render } from 'preact';
import '../../components/ui.css';
import { t } from '../../components/i18n';
import { applyLanguage } from '../../hooks/apply-language';
import { App } from './App';
import './sample.css';

applyLanguage().then(() => {
  document.title = `${t('onboarding.sample.title')} · AOR Guard`;
  render(<App />, document.getElementById('app') as HTMLElement);
});
