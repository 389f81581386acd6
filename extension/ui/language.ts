/** The language of extension pages: the saved setting, or the browser's UI language for `auto`. */
import browser from 'webextension-polyfill';
import { isLang, langFromLocale, type Lang } from '../../core/index.ts';
import type { Settings } from '../shared/messages.ts';

export function pageLanguage(setting: Settings['language']): Lang {
  return isLang(setting) ? setting : langFromLocale(browser.i18n.getUILanguage());
}
