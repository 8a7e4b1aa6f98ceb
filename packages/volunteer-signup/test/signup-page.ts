// The association's page of reliability.test.ts, in a frame: `?src=` and `?submit=` set on the element before it is
// defined, as the page's own markup would.
const query = new URLSearchParams(location.search);
const element = document.querySelector('volunteer-signup')!;
element.setAttribute('src', query.get('src')!);
element.setAttribute('submit', query.get('submit')!);
await import('../src/define.js');

export {};
