import {msg, str} from '@lit/localize';
import {currentLocale, formatNumber} from '@lien/core';
import {isSignLanguage} from '@lien/open-data/sign-languages.js';
import {NEEDS, needStatus, type Accessibility, type Need, type NeedStatus, type Place} from '@lien/open-data/place.js';

/** Everything the element says about a place, in words, in the page's language. */

export function needLabel(need: Need): string {
  switch (need) {
    case 'wheelchair':
      return msg('Wheelchair');
    case 'walking':
      return msg('Difficulty walking');
    case 'vision':
      return msg('Blind or low vision');
    case 'hearing':
      return msg('Deaf or hard of hearing');
    case 'cognitive':
      return msg('Cognitive needs');
  }
}

export function statusLabel(status: NeedStatus): string {
  switch (status) {
    case 'yes':
      return msg('accessible');
    case 'partial':
      return msg('partly accessible');
    case 'no':
      return msg('not accessible');
    case 'unknown':
      return msg('not known');
  }
}

export function placeName(place: Place): string {
  return place.name || place.category || msg('Unnamed place');
}

/** "Wheelchair: accessible" ("Fauteuil roulant : accessible": French puts a space before the colon). */
export function needLine(need: Need, status: NeedStatus): string {
  return msg(str`${needLabel(need)}: ${statusLabel(status)}`, {id: 'need-line'});
}

/** "Wheelchair: accessible · Deaf or hard of hearing: partly accessible" — the needs something is known about. */
export function needSummary(place: Place): string {
  const known = NEEDS.map((need) => [need, needStatus(place.accessibility, need)] as const).filter(([, s]) => s !== 'unknown');
  if (!known.length) return msg('No accessibility information yet');
  return known.map(([need, status]) => needLine(need, status)).join(' · ');
}

/** The entrance in a few words, for marker names: "Mairie — step-free entrance". */
export function entranceShort(accessibility: Accessibility): string {
  const entrance = accessibility.entrances?.[0];
  const steps = entrance?.stairs?.count;
  if (entrance?.isLevel || entrance?.hasFixedRamp || entrance?.hasElevator) return msg('step-free entrance');
  if (entrance?.hasRemovableRamp) return msg('entrance with a removable ramp');
  if (steps) return steps === 1 ? msg('entrance with 1 step') : msg(str`entrance with ${formatNumber(steps)} steps`);
  const wheelchair = needStatus(accessibility, 'wheelchair');
  if (wheelchair !== 'unknown') return needLine('wheelchair', wheelchair);
  return msg('accessibility not known');
}

export function markerLabel(place: Place): string {
  return `${placeName(place)} — ${entranceShort(place.accessibility)}`;
}

/** Whether `count` takes the singular in the page's language (French says "0 lieu", English "0 places"). */
export function isOne(count: number): boolean {
  const locale = currentLocale();
  return (pluralRules[locale] ??= new Intl.PluralRules(locale)).select(count) === 'one';
}
const pluralRules: Record<string, Intl.PluralRules> = {};

/** "1 place", "12 places". */
export function placesCount(count: number): string {
  const n = formatNumber(count);
  return isOne(count) ? msg(str`${n} place`, {id: 'place-count-one'}) : msg(str`${n} places`);
}

/** A cluster's name: what it holds, "12 places, 5 accessible with a wheelchair". */
export function clusterLabel(count: number, accessible: number): string {
  if (!accessible) return placesCount(count);
  const n = formatNumber(accessible);
  return isOne(accessible)
    ? msg(str`${placesCount(count)}, ${n} accessible with a wheelchair`, {id: 'cluster-accessible-one'})
    : msg(str`${placesCount(count)}, ${n} accessible with a wheelchair`);
}

/** Each sentence about the entrance that the data supports. */
export function entranceSentences(a: Accessibility): string[] {
  const out: string[] = [];
  for (const e of a.entrances ?? []) {
    if (e.isLevel === true) out.push(msg('Step-free entrance.'));
    const steps = e.stairs?.count;
    if (e.isLevel === false && steps) out.push(steps === 1 ? msg('One step at the entrance.') : msg(str`${formatNumber(steps)} steps at the entrance.`));
    else if (e.isLevel === false) out.push(msg('The entrance is not step-free.'));
    if (e.hasFixedRamp) out.push(msg('Fixed ramp.'));
    if (e.hasRemovableRamp) out.push(msg('Removable ramp on request.'));
    if (e.hasElevator) out.push(msg('Lift at the entrance.'));
    if (e.door?.width) out.push(msg(str`Door ${formatNumber(e.door.width)} cm wide.`));
    if (e.hasSoundBeacon) out.push(msg('Sound beacon at the entrance.'));
    if (e.needsHelp) out.push(msg('Someone can help at the entrance.'));
  }
  return out;
}

const HEARING: Record<string, () => string> = {
  bim: () => msg('induction loop'),
  bmp: () => msg('portable induction loop'),
  lsf: () => msg('French Sign Language (LSF)'),
  lpc: () => msg('Cued Speech (LPC)'),
  sts: () => msg('subtitles or live transcription'),
  autres: () => msg('other equipment'),
};

export function receptionSentences(a: Accessibility): string[] {
  const out: string[] = [];
  if (a.staff?.isPresent === false) out.push(msg('Nobody is there to welcome visitors.'));
  if (a.staff?.isTrainedForDisabilities === true) out.push(msg('Staff trained to welcome disabled people.'));
  if (a.staff?.isTrainedForDisabilities === false) out.push(msg('Staff not trained to welcome disabled people.'));
  const signing = (a.staff?.languages ?? []).filter(isSignLanguage);
  if (signing.length) out.push(msg(str`Staff who sign (${signing.join(', ')}).`));
  else if (a.staff?.isTrainedInSigning) out.push(msg('Staff who can sign.'));
  const equipment = (a.hearingEquipment ?? []).map((code) => HEARING[code]?.()).filter(Boolean);
  if (a.hasInductionLoop && !equipment.length) equipment.push(HEARING.bim());
  if (equipment.length) out.push(msg(str`For deaf and hard of hearing people: ${equipment.join(', ')}.`));
  return out;
}

export function parkingSentence(a: Accessibility): string | undefined {
  const parking = a.parking?.forWheelchairUsers;
  if (parking?.onSite) return msg('Parking spaces for disabled people on site.');
  if (parking?.nearby) return msg('Parking space for disabled people nearby.');
  if (parking?.isAvailable === false) return msg('No parking space for disabled people.');
  if (parking?.isAvailable) return msg('Parking spaces for disabled people.');
  if (parking?.onSite === false) return msg('No parking space for disabled people on site.');
  return undefined;
}

export function toiletSentence(a: Accessibility): string | undefined {
  if (!a.restrooms) return undefined;
  if (!a.restrooms.length) return msg('No toilets.');
  const accessible = a.restrooms.map((r) => r.isAccessibleWithWheelchair);
  if (accessible.includes(true)) return msg('Toilets accessible with a wheelchair.');
  if (accessible.includes(false)) return msg('Toilets not accessible with a wheelchair.');
  return msg('Toilets (accessibility not known).');
}

export function otherSentences(a: Accessibility): string[] {
  const out: string[] = [];
  if (a.hasAudioDescription === true) out.push(msg('Audio description available.'));
  if (a.hasTactileGuideStrips === true) out.push(msg('Tactile guide strips.'));
  if (a.hasTactileGuideStrips === false) out.push(msg('No tactile guide strips.'));
  if (a.hasBrailleSignage === true) out.push(msg('Braille signage.'));
  return out;
}

/** The free-text description in the page's language, else in any language the source gave. */
export function description(a: Accessibility): {text: string; lang?: string} | undefined {
  const d = a.description;
  if (!d) return undefined;
  const locale = currentLocale();
  const lang = d[locale] ? locale : d.und ? 'und' : Object.keys(d)[0];
  return lang ? {text: d[lang], lang: lang === 'und' ? undefined : lang} : undefined;
}

export function sourceName(place: Place): string {
  switch (place.source) {
    case 'acceslibre':
      return 'Acceslibre';
    case 'osm':
      return 'OpenStreetMap';
    case 'a11yjson':
      return 'accessibility.cloud';
    case 'geojson':
      return msg('the data file');
    case 'sample':
      return msg('the sample data');
  }
}
