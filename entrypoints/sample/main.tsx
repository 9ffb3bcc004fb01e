import { render } from 'preact';
import '../../components/shared/ui.css';
import { applyLanguage } from '../../hooks/apply-language';
import { t } from '../../words/i18n';
import { App } from './App';
import './sample.css';

applyLanguage().then(() => {
  document.title = `${t('onboarding.sample.title')} · AOR Guard`;
  render(<App />, document.getElementById('app') as HTMLElement);
});
