import { render } from 'preact';
import '#components/shared/ui.css';
// The support table's styles, shared with the dashboard's triage (entrypoints/dashboard/sections/call-reports/).
import '#entrypoints/dashboard/dashboard.css';
import './hub.css';
import { App, initialLang } from './App';
import { followHubLanguage } from './dates';
import { setHubLang } from './messages';

const lang = initialLang();
setHubLang(lang);
followHubLanguage(lang);
document.documentElement.lang = lang;
const root = document.getElementById('app');
if (root) render(<App />, root);
