import { render } from 'preact';
import { browser } from 'wxt/browser';
import '../../components/ui.css';
import { t } from '../../components/i18n';
import { App } from './App';
import './popup.css';

document.documentElement.lang = browser.i18n.getUILanguage().split('-')[0] ?? 'en';
document.title = t('popup.title');
render(<App />, document.getElementById('app') as HTMLElement);
