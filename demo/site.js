// The demo site's own script: a language switch (the elements follow <html lang>) and the theme lab,
// which only sets page-level --lien-* tokens, as an association would in its theme.
for (const button of document.querySelectorAll('[data-lang]')) {
  button.addEventListener('click', () => {
    document.documentElement.lang = button.dataset.lang;
    for (const other of document.querySelectorAll('[data-lang]')) {
      other.setAttribute('aria-pressed', String(other === button));
    }
  });
}

const form = document.querySelector('.token-form');
form?.addEventListener('input', (event) => {
  const field = event.target;
  document.documentElement.style.setProperty(field.name, field.value);
});
