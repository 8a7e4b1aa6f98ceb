import {msg} from '@lit/localize';
import {DAYS, MOMENTS, type Day, type Moment} from '@lien/open-data/missions.js';
import type {SignupBody} from './submission.js';

/** The form's fields, in the order they appear (the first with a problem gets the focus). */
export const FIELDS = ['name', 'email', 'phone', 'days', 'moments', 'skills', 'message', 'consent-contact', 'consent-newsletter'] as const;
export type Field = (typeof FIELDS)[number];
export type FieldErrors = Partial<Record<Field, string>>;

const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/;
const PHONE = /^[+\d][\d\s().-]{3,}$/;

export const dayName = (day: Day): string =>
  ({
    monday: msg('Monday'),
    tuesday: msg('Tuesday'),
    wednesday: msg('Wednesday'),
    thursday: msg('Thursday'),
    friday: msg('Friday'),
    saturday: msg('Saturday'),
    sunday: msg('Sunday'),
  })[day];

export const momentName = (moment: Moment): string => ({morning: msg('Morning'), afternoon: msg('Afternoon'), evening: msg('Evening')})[moment];

/** The default words of each consent; a page sets its own with `consent-contact` and `consent-newsletter`. */
export const defaultContactConsent = () => msg('I agree that the association contacts me about my signup, by e-mail or phone.');

/** What the visitor typed and ticked, read from the form. */
export interface FormValues {
  name: string;
  email: string;
  phone: string;
  days: Day[];
  moments: Moment[];
  skills: string;
  message: string;
  contact: boolean;
  newsletter: boolean;
  honeypot: string;
}

export function readForm(form: HTMLFormElement): FormValues {
  const data = new FormData(form);
  const text = (name: string) => String(data.get(name) ?? '').trim();
  return {
    name: text('name'),
    email: text('email'),
    phone: text('phone'),
    days: DAYS.filter((d) => data.getAll('days').includes(d)),
    moments: MOMENTS.filter((m) => data.getAll('moments').includes(m)),
    skills: text('skills'),
    message: text('message'),
    contact: data.get('consent-contact') === 'yes',
    newsletter: data.get('consent-newsletter') === 'yes',
    honeypot: String(data.get('website') ?? ''),
  };
}

/** Every problem at once, in words, by field: the browser's own messages are never used (they follow its language). */
export function checkForm(values: FormValues): FieldErrors {
  const errors: FieldErrors = {};
  if (!values.name) errors.name = msg('Enter your name.');
  if (!values.email) errors.email = msg('Enter your e-mail address.');
  else if (!EMAIL.test(values.email)) errors.email = msg('Enter an e-mail address like name@example.org.');
  if (values.phone && !PHONE.test(values.phone)) errors.phone = msg('Enter a phone number, or leave this field empty.');
  if (values.message.length > 5000) errors.message = msg('Write at most 5,000 characters.');
  if (!values.contact) errors['consent-contact'] = msg('Tick this box so that the association can answer your signup.');
  return errors;
}

/** The field of the form a server's field name (`consents[0].given`) stands for. */
export function formField(serverField: string): Field | undefined {
  if (serverField.startsWith('consents')) return 'consent-contact';
  if (serverField === 'availability') return 'days';
  return (FIELDS as readonly string[]).includes(serverField) ? (serverField as Field) : undefined;
}

/** What a refusal says of a field, in the visitor's language (the server's reason is in English). */
export function refusedFieldText(field: Field): string {
  return (
    {name: msg('Enter your name.'), email: msg('Enter an e-mail address like name@example.org.'), phone: msg('Enter a phone number, or leave this field empty.')} as Partial<
      Record<Field, string>
    >
  )[field] ?? msg("The association's service did not accept this answer.");
}

/** The body the gateway takes, with each consent in the words the visitor read. */
export function signupBody(values: FormValues, options: {missionId?: string; startedAt: number; contactWording: string; newsletterWording?: string}): SignupBody {
  const now = new Date().toISOString();
  const availability = [values.days.map(dayName).join(', '), values.moments.map(momentName).join(', ')].filter(Boolean).join(' · ');
  return {
    missionId: options.missionId,
    name: values.name,
    email: values.email,
    phone: values.phone || undefined,
    message: values.message || undefined,
    availability: availability || undefined,
    skills: values.skills.split(/[,;\n]/).map((s) => s.trim()).filter(Boolean).slice(0, 30),
    consents: [
      {purpose: 'contact-about-signup', wording: options.contactWording, given: true, givenAt: now},
      ...(values.newsletter && options.newsletterWording ? [{purpose: 'newsletter', wording: options.newsletterWording, given: true as const, givenAt: now}] : []),
    ],
    honeypot: values.honeypot,
    startedAt: options.startedAt,
  };
}
