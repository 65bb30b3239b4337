// The app's message catalogues on demand: when the interface language is not English the wasm
// asks for its compiled catalogue (the "catalogueneeded" event); the page fetches i18n/LANG.otf
// (the glyphs its strings add to the bundled font) and i18n/LANG.mo (its strings, and the bundled
// data's translations into it, which the site's wasm does not embed; an editing visit also
// i18n/LANG.edit.mo, the editor's) from its own origin
// (size-capped, no redirects) and hands them over (ca_add_font, then ca_add_catalogue).
import { root } from './dom.js';
import { LIMITS } from './limits.js';
import { addCatalogue, addFont } from './runtime.js';
import { showError } from './ui_chrome.js';
import { fetchOwnFile } from './dataset.js';
import { t } from './i18n.js';
import { EDIT_BUILD } from './early.js';

// The locales the app has catalogues for (core/locale.h, kLocaleIds; English needs none).
const LOCALES = Object.freeze(['zh-Hant', 'zh-Hans', 'ko', 'ja', 'en-XA']);

export async function onCatalogueNeeded(data) {
  const locale = data && typeof data.locale === 'string' ? data.locale : '';
  if (LOCALES.indexOf(locale) < 0) return;
  root.dataset.catalogue = 'loading';
  const fetchOwn = function (ext, maxBytes) {
    return fetchOwnFile(new URL('i18n/' + locale + ext, document.baseURI).href,
      { maxBytes: maxBytes, credentials: 'same-origin', what: t('message catalogues') });
  };
  try {
    // An editing visit adds the editor's texts (i18n/LANG.edit.mo) to the language's.
    const got = await Promise.all([fetchOwn('.otf', LIMITS.fontSliceBytes), fetchOwn('.mo', LIMITS.catalogueBytes),
      EDIT_BUILD ? fetchOwn('.edit.mo', LIMITS.catalogueBytes) : null]);
    if (!addFont(got[0])) throw new Error('i18n/' + locale + '.otf: ' + t('not a font the app accepts'));
    if (!addCatalogue(locale, got[1]) || (got[2] && !addCatalogue(locale, got[2]))) throw new Error(t('not a catalogue the app accepts'));
    root.dataset.catalogue = 'loaded';
  } catch (e) {
    root.dataset.catalogue = 'failed';
    showError(() => t('The interface language could not be loaded'),
      () => t('{file}: {why}. The interface stays in English.', { file: 'i18n/' + locale + '.mo', why: e && e.message || e }));
  }
}
