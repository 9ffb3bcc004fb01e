import { render } from 'preact';
import '../../components/ui.css';
import { t } from '../../components/i18n';
import { applyLanguage } from '../../hooks/apply-language';
import { App } from './App';
import './dashboard.css';

// The chosen language's messages load before the first render.
applyLanguage().then(() => {
  document.title = t('dashboard.title');
  render(<App />, document.getElementById('app') as HTMLElement);
});
