// The association's page of checkout.test.ts, in a frame: `?gateway=`, `?lang=` and `?wait=` (how long a payment is
// awaited) set on the element before it is defined, as a page's own markup would.
import {setLocale} from '@lien/core';

const query = new URLSearchParams(location.search);
const element = document.querySelector('donate-button')!;
element.setAttribute('gateway', query.get('gateway')!);
if (query.get('wait')) element.setAttribute('confirmation-wait', query.get('wait')!);
await setLocale(query.get('lang') ?? 'en');
await import('../src/define.js');
