// The language the site's settings give Lien's elements (`?locale=fr`), instead of the page's <html lang>.
import {setLocale} from './cdn/core.js';

const locale = new URL(import.meta.url).searchParams.get('locale');
if (locale) void setLocale(locale);
