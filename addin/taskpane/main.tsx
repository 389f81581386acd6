import { render } from 'preact';
import { langFromLocale } from '../../core/index.ts';
import { App } from './App.tsx';
import { applyTheme, officeThemeMode } from './theme.ts';
import 'virtual:fluent-tokens.css';
import './taskpane.css';

// Office calls back once the host is ready; the pane speaks Office's display language (nb, sv, else en)
// and wears Office's light or dark theme.
void Office.onReady(() => {
  const lang = langFromLocale(Office.context.displayLanguage);
  document.documentElement.lang = lang;
  applyTheme(officeThemeMode(Office.context.officeTheme));
  const root = document.getElementById('app');
  if (root) render(<App lang={lang} />, root);
});
