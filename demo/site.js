// The demo site's own script: a language switch (the elements follow <html lang>), the light/dark theme
// links, and the theme lab, which only sets page-level --lien-* tokens, as an association would in its theme.
for (const button of document.querySelectorAll('[data-lang]')) {
  button.addEventListener('click', () => {
    document.documentElement.lang = button.dataset.lang;
    for (const other of document.querySelectorAll('[data-lang]')) {
      other.setAttribute('aria-pressed', String(other === button));
    }
  });
}

// The site's light theme or its dark one (?theme=dark, set in <head> before the first paint).
const theme = document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light';
for (const link of document.querySelectorAll('[data-theme-link]')) {
  if (link.dataset.themeLink === theme) link.setAttribute('aria-current', 'page');
}

const form = document.querySelector('.token-form');
// The lab starts from the tokens the page has (the light theme's, or the dark variant's with ?theme=dark).
const pageTokens = getComputedStyle(document.documentElement);
for (const field of form?.querySelectorAll('input[type=color]') ?? []) {
  const value = pageTokens.getPropertyValue(field.name).trim();
  if (/^#[0-9a-f]{6}$/i.test(value)) field.value = value;
}
form?.addEventListener('input', (event) => {
  const field = event.target;
  document.documentElement.style.setProperty(field.name, field.value);
});
