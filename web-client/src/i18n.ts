export type Lang = 'sv' | 'en';

export const LANGS: readonly Lang[] = ['sv', 'en'];

const sv = {
  'app.name': 'Samverka',
  'app.tagline': 'Förmågekartläggning i Fyrbodal',
  'lang.toggle': 'In English',
  'lang.toggleLabel': 'Switch to English',
  'nav.start': 'Start',
  'nav.facilitator': 'Mina workshoppar',
  'nav.logout': 'Logga ut',
  'common.loading': 'Laddar…',
  'common.backToStart': 'Till startsidan',
  'common.retry': 'Försök igen',

  'join.title': 'Gå med i en workshop',
  'join.intro': 'Skriv koden som visas i mötet, ditt namn och vilken organisation du företräder.',
  'join.code': 'Anslutningskod',
  'join.codeHint': 'Sex tecken, till exempel K7Q2MX.',
  'join.name': 'Ditt namn',
  'join.organisation': 'Organisation',
  'join.organisationNone': '– Välj organisation –',
  'join.organisationOther': 'Annan organisation',
  'join.organisationOtherName': 'Organisationens namn',
  'join.submit': 'Gå med',
  'join.submitting': 'Går med…',
  'join.notFound': 'Det finns ingen workshop med den koden. Kontrollera koden och försök igen.',
  'join.continue': 'Fortsätt i workshoppen du redan har gått med i',
  'join.facilitatorLink': 'Leder du mötet? Logga in som facilitator',

  'login.title': 'Logga in som facilitator',
  'login.username': 'Användarnamn',
  'login.password': 'Lösenord',
  'login.submit': 'Logga in',
  'login.submitting': 'Loggar in…',
  'login.failed': 'Fel användarnamn eller lösenord.',

  'home.title': 'Mina workshoppar',
  'home.createTitle': 'Ny workshop',
  'home.createLabel': 'Titel',
  'home.createSubmit': 'Skapa workshop',
  'home.creating': 'Skapar…',
  'home.empty': 'Du har inga workshoppar ännu.',
  'home.listLabel': 'Dina workshoppar, nyast först',
  'home.meta': 'Kod {code} · deltagare: {count} · skapad {date}',

  'dash.joinAt': 'Gå med på',
  'dash.joinCode': 'Kod',
  'dash.participants': 'Deltagare',
  'dash.ratings': 'Svar: {count}',
  'dash.mean': 'medel {mean}',
  'dash.distribution': 'Fördelning av svaren: {values}',
  'dash.toRate': 'Till bedömningen',
  'dash.toDashboard': 'Se resultaten',

  'rate.title': 'Bedöm förmågorna',
  'rate.intro': 'Ange mognadsnivå från 1 (låg) till 5 (hög). Ditt svar sparas direkt och kan ändras så länge mötet pågår.',
  'rate.scoreLabel': 'Nivå {score}',
  'rate.state.none': 'Inte bedömd',
  'rate.state.pending': 'Sparar…',
  'rate.state.saved': 'Sparat',
  'rate.state.error': 'Kunde inte spara: {detail}',
  'rate.aggregate': 'Svar: {count} · medel {mean}',
  'rate.notJoined': 'Du har inte gått med i den här workshoppen på den här enheten.',

  'status.connected': 'Live',
  'status.reconnecting': 'Ansluter…',
  'status.offline': 'Offline – försöker igen',

  'error.network': 'Kunde inte nå servern. Kontrollera uppkopplingen och försök igen.',
  'error.generic': 'Något gick fel (felkod {status}).',
  'error.forbidden': 'Du har inte behörighet till den här workshoppen.',
  'error.notFound': 'Workshoppen finns inte.',
  'notFound.title': 'Sidan finns inte',
} satisfies Record<string, string>;

export type MessageKey = keyof typeof sv;

const en: Record<MessageKey, string> = {
  'app.name': 'Samverka',
  'app.tagline': 'Capability mapping in Fyrbodal',
  'lang.toggle': 'På svenska',
  'lang.toggleLabel': 'Byt till svenska',
  'nav.start': 'Start',
  'nav.facilitator': 'My workshops',
  'nav.logout': 'Log out',
  'common.loading': 'Loading…',
  'common.backToStart': 'Back to the start page',
  'common.retry': 'Try again',

  'join.title': 'Join a workshop',
  'join.intro': 'Enter the code shown in the meeting, your name and the organisation you represent.',
  'join.code': 'Join code',
  'join.codeHint': 'Six characters, for example K7Q2MX.',
  'join.name': 'Your name',
  'join.organisation': 'Organisation',
  'join.organisationNone': '– Choose organisation –',
  'join.organisationOther': 'Other organisation',
  'join.organisationOtherName': 'Name of the organisation',
  'join.submit': 'Join',
  'join.submitting': 'Joining…',
  'join.notFound': 'There is no workshop with that code. Check the code and try again.',
  'join.continue': 'Continue in the workshop you have already joined',
  'join.facilitatorLink': 'Running the meeting? Log in as facilitator',

  'login.title': 'Facilitator login',
  'login.username': 'Username',
  'login.password': 'Password',
  'login.submit': 'Log in',
  'login.submitting': 'Logging in…',
  'login.failed': 'Wrong username or password.',

  'home.title': 'My workshops',
  'home.createTitle': 'New workshop',
  'home.createLabel': 'Title',
  'home.createSubmit': 'Create workshop',
  'home.creating': 'Creating…',
  'home.empty': 'You have no workshops yet.',
  'home.listLabel': 'Your workshops, newest first',
  'home.meta': 'Code {code} · participants: {count} · created {date}',

  'dash.joinAt': 'Join at',
  'dash.joinCode': 'Code',
  'dash.participants': 'Participants',
  'dash.ratings': 'Ratings: {count}',
  'dash.mean': 'mean {mean}',
  'dash.distribution': 'Distribution of ratings: {values}',
  'dash.toRate': 'Go to rating',
  'dash.toDashboard': 'See the results',

  'rate.title': 'Rate the capabilities',
  'rate.intro': 'Give a maturity level from 1 (low) to 5 (high). Your answer is saved at once and can be changed while the meeting lasts.',
  'rate.scoreLabel': 'Level {score}',
  'rate.state.none': 'Not rated',
  'rate.state.pending': 'Saving…',
  'rate.state.saved': 'Saved',
  'rate.state.error': 'Could not save: {detail}',
  'rate.aggregate': 'Ratings: {count} · mean {mean}',
  'rate.notJoined': 'You have not joined this workshop on this device.',

  'status.connected': 'Live',
  'status.reconnecting': 'Connecting…',
  'status.offline': 'Offline – retrying',

  'error.network': 'Could not reach the server. Check the connection and try again.',
  'error.generic': 'Something went wrong (error code {status}).',
  'error.forbidden': 'You have no access to this workshop.',
  'error.notFound': 'The workshop does not exist.',
  'notFound.title': 'Page not found',
};

export const messages: Readonly<Record<Lang, Readonly<Record<MessageKey, string>>>> = { sv, en };

export type MessageParams = Readonly<Record<string, string | number>>;

/** The message in the language, with `{name}` placeholders filled in. */
export function translate(lang: Lang, key: MessageKey, params?: MessageParams): string {
  const text = messages[lang][key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

export function isLang(value: unknown): value is Lang {
  return value === 'sv' || value === 'en';
}
