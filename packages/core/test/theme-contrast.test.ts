import {expect, fixture, html as fixtureHtml} from '@open-wc/testing';
import {emulateMedia, sendKeys} from '@web/test-runner-commands';
import {css, html} from 'lit';
import {LienElement} from '../src/lien-element.js';
import {baseStyles} from '../src/theme.js';
import {contrast, luminance, pageBackground, parseRgb} from './wcag.js';

/**
 * An element built like every Lien element (`baseStyles` first, only the `--_*` copies): its text is the
 * host's colour, its buttons and focus ring come from `baseStyles` itself, the other tokens from the same
 * kind of rules the elements write.
 */
class ThemeProbe extends LienElement {
  static override styles = [
    baseStyles,
    css`
      .card {
        background: var(--_surface);
        border: 1px solid var(--_border);
        padding: var(--_space);
      }
      .alt {
        background: var(--_surface-alt);
      }
      .muted {
        color: var(--_muted);
      }
      .danger {
        color: var(--_danger);
      }
      .success {
        color: var(--_success);
      }
    `,
  ];

  override render() {
    return html`<div class="card">
      <p class="text">Text</p>
      <p class="muted">Muted</p>
      <p class="alt"><span class="muted">Muted on surface-alt</span></p>
      <p class="danger">Error</p>
      <p class="success">Done</p>
      <button type="button" class="primary">Primary</button>
      <button type="button" class="secondary">Secondary</button>
    </div>`;
  }
}
ThemeProbe.define('test-theme-probe');

/** The computed colours of a real element, and of the page behind it. */
async function colours(probe: ThemeProbe) {
  const root = probe.shadowRoot!;
  const style = (selector: string) => getComputedStyle(root.querySelector(selector)!);
  const button = root.querySelector<HTMLButtonElement>('button.primary')!;
  // The focus ring as a keyboard user sees it: a key press, then focus on the button; read the
  // `:focus-visible` outline.
  await sendKeys({press: 'Shift'});
  button.focus();
  expect(root.activeElement).to.equal(button);
  expect(button.matches(':focus-visible'), 'the button shows its focus ring').to.equal(true);
  const focus = getComputedStyle(button).outlineColor;
  button.blur();
  return {
    page: pageBackground(),
    surface: style('.card').backgroundColor,
    surfaceAlt: style('.alt').backgroundColor,
    text: style('.text').color,
    muted: style('.muted').color,
    primary: style('button.secondary').color,
    primaryFill: getComputedStyle(button).backgroundColor,
    onPrimary: getComputedStyle(button).color,
    danger: style('.danger').color,
    success: style('.success').color,
    border: style('.card').borderTopColor,
    focus,
  };
}

type Colours = Awaited<ReturnType<typeof colours>>;

/** Every foreground/background pair the elements draw, with its WCAG AA minimum. */
const pairs: [name: string, fg: keyof Colours, bg: keyof Colours, min: number][] = [
  ['text on surface', 'text', 'surface', 4.5],
  ['text on the page', 'text', 'page', 4.5],
  ['muted text on surface', 'muted', 'surface', 4.5],
  ['muted text on surface-alt', 'muted', 'surfaceAlt', 4.5],
  ['primary (links, secondary buttons) on surface', 'primary', 'surface', 4.5],
  ['on-primary on primary', 'onPrimary', 'primaryFill', 4.5],
  ['danger on surface', 'danger', 'surface', 4.5],
  ['success on surface', 'success', 'surface', 4.5],
  ['focus ring on surface', 'focus', 'surface', 3],
  ['focus ring on the page', 'focus', 'page', 3],
  // Inputs and fieldsets sit on the surface: their border is what shows the control (WCAG 1.4.11).
  ['border on surface', 'border', 'surface', 3],
];

function failures(c: Colours): string[] {
  return pairs.flatMap(([name, fg, bg, min]) => {
    const ratio = contrast(c[fg], c[bg]);
    return ratio >= min ? [] : [`${name}: ${ratio.toFixed(2)}:1 < ${min}:1 (${c[fg]} on ${c[bg]})`];
  });
}

const isDark = (colour: string) => luminance(parseRgb(colour)) < 0.2;

describe('theme tokens: contrast in each colour scheme', () => {
  const root = document.documentElement;
  afterEach(async () => {
    root.style.cssText = '';
    await emulateMedia({colorScheme: 'light'});
  });

  // The page's `color-scheme` decides, the system setting only where the page allows both.
  for (const [pageScheme, system, expected] of [
    ['light', 'dark', 'light'],
    ['light', 'light', 'light'],
    ['dark', 'light', 'dark'],
    ['dark', 'dark', 'dark'],
    ['light dark', 'light', 'light'],
    ['light dark', 'dark', 'dark'],
    ['normal', 'dark', 'light'],
  ] as const) {
    it(`page "color-scheme: ${pageScheme}", system ${system}: ${expected} defaults, every pair AA`, async () => {
      root.style.colorScheme = pageScheme;
      await emulateMedia({colorScheme: system});
      const probe = await fixture<ThemeProbe>(fixtureHtml`<test-theme-probe></test-theme-probe>`);
      // The host does not force a scheme of its own: it uses the page's.
      expect(getComputedStyle(probe).colorScheme).to.equal(getComputedStyle(root).colorScheme);
      const c = await colours(probe);
      expect(isDark(c.surface), `surface ${c.surface}`).to.equal(expected === 'dark');
      expect(isDark(c.page), `page ${c.page}`).to.equal(expected === 'dark');
      expect(failures(c)).to.deep.equal([]);
    });
  }

  it('keeps a light page AA on a dark system when the page sets only some tokens (the demo site)', async () => {
    root.style.cssText =
      'color-scheme: light; background: #f7faf5; --lien-color-primary: #2f6b2f; --lien-color-on-primary: #ffffff;' +
      '--lien-color-surface: #ffffff; --lien-color-surface-alt: #eef5ea; --lien-color-text: #1d2a1d';
    await emulateMedia({colorScheme: 'dark'});
    const probe = await fixture<ThemeProbe>(fixtureHtml`<test-theme-probe></test-theme-probe>`);
    expect(failures(await colours(probe))).to.deep.equal([]);
  });

  it('lets a token set by the page win in either scheme, on the root or on the element', async () => {
    root.style.cssText = 'color-scheme: light dark; --lien-color-primary: #123456';
    for (const system of ['light', 'dark'] as const) {
      await emulateMedia({colorScheme: system});
      const probes = await fixture<HTMLDivElement>(
        fixtureHtml`<div><test-theme-probe></test-theme-probe><test-theme-probe style="--lien-color-muted: #654321"></test-theme-probe></div>`
      );
      const [fromRoot, fromStyle] = [...probes.querySelectorAll('test-theme-probe')].map((p) => p.shadowRoot!);
      expect(getComputedStyle(fromRoot.querySelector('button')!).backgroundColor).to.equal('rgb(18, 52, 86)');
      expect(getComputedStyle(fromStyle.querySelector('.muted')!).color).to.equal('rgb(101, 67, 33)');
    }
  });

  it('gives browsers without light-dark() the light defaults, the same as the light halves', async () => {
    const probe = await fixture<ThemeProbe>(fixtureHtml`<test-theme-probe></test-theme-probe>`);
    const rules = probe.shadowRoot!.adoptedStyleSheets.flatMap((sheet) => [...sheet.cssRules]);
    const host = (list: CSSRule[]) => list.find((rule): rule is CSSStyleRule => rule instanceof CSSStyleRule && rule.selectorText === ':host' && rule.style.getPropertyValue('--_primary') !== '');
    const main = host(rules)!;
    const fallback = host(rules.filter((rule) => rule instanceof CSSSupportsRule).flatMap((rule) => [...(rule as CSSSupportsRule).cssRules]));
    expect(fallback, 'an @supports not (light-dark) block').to.not.equal(undefined);
    const tokens = [...main.style].filter((name) => main.style.getPropertyValue(name).includes('light-dark('));
    expect(tokens).to.have.length(10);
    for (const name of tokens) {
      const light = main.style.getPropertyValue(name).trim().replace(/light-dark\((#[0-9a-f]+), #[0-9a-f]+\)/i, '$1');
      expect(fallback!.style.getPropertyValue(name).trim(), name).to.equal(light);
    }
  });

  // The test runner's Chromium driver cannot emulate forced colours: read the rule the host applies then.
  it('uses system colours in forced-colors mode, whatever the scheme', async () => {
    const probe = await fixture<ThemeProbe>(fixtureHtml`<test-theme-probe></test-theme-probe>`);
    const rules = probe.shadowRoot!.adoptedStyleSheets.flatMap((sheet) => [...sheet.cssRules]);
    const forced = rules.filter((rule): rule is CSSMediaRule => rule instanceof CSSMediaRule && rule.conditionText === '(forced-colors: active)');
    const host = forced.flatMap((rule) => [...rule.cssRules]).find((rule): rule is CSSStyleRule => rule instanceof CSSStyleRule && rule.selectorText === ':host');
    const token = (name: string) => host?.style.getPropertyValue(name).trim();
    expect(['--_text', '--_surface', '--_muted', '--_border', '--_primary', '--_focus'].map(token)).to.deep.equal([
      'CanvasText',
      'Canvas',
      'CanvasText',
      'CanvasText',
      'LinkText',
      'Highlight',
    ]);
    // …and no rule of the theme switches on the system setting alone.
    expect(rules.some((rule) => rule instanceof CSSMediaRule && rule.conditionText.includes('prefers-color-scheme'))).to.equal(false);
  });
});
