/**
 * The words `<fundraise-cta>` adds around a partner's own texts. The failure messages say that
 * nothing typed was lost, because a person who fears retyping a form abandons it.
 */
import { messagesFor } from '../../internal/messages.js';

export interface CtaMessages {
  button: string;
  name: string;
  email: string;
  submit: string;
  sending: string;
  retry: string;
  nameMissing: string;
  emailMissing: string;
  emailInvalid: string;
  rejected: string;
  server: string;
  timeout: string;
  network: string;
  offline: string;
  endpoint: string;
  /** After a 429: `wait` is how long until Retry works again, or '' once it does. */
  throttled: (wait: string) => string;
  consentMissing: string;
  privacy: string;
  contact: string;
  thanks: string;
  /** The thanks after a blind post: it says no more than that the sign-up was sent. */
  sent: string;
  guide: string;
  progress: (raised: string, goal: string) => string;
}

const en: CtaMessages = {
  button: 'Learn more',
  name: 'Name',
  email: 'Email',
  submit: 'Sign up',
  sending: 'Sending…',
  retry: 'Retry',
  nameMissing: 'Please enter your name.',
  emailMissing: 'Please enter your email address.',
  emailInvalid: 'Please enter a valid email address.',
  rejected: 'Your sign-up was not accepted. Please check your details.',
  server: 'Something went wrong on our side. Your details are still here: please retry.',
  timeout: 'The sign-up is taking too long. Your details are still here: please retry.',
  network: 'We could not reach the sign-up service. Your details are still here: please retry.',
  offline: "You're offline. We'll send your sign-up when you're back online.",
  endpoint:
    'Sorry, your sign-up could not be sent right now. Your details are still here: please retry later.',
  throttled: (wait) =>
    `Too many sign-ups at once. Your details are still here: please retry${wait && ` in ${wait}`}.`,
  consentMissing: 'Please tick this box to sign up.',
  privacy: 'How we use your details',
  contact: 'Contact us',
  thanks: 'Thank you for signing up!',
  sent: 'Thank you! Your sign-up was sent.',
  guide: 'In the meantime, please take a look at our free guide:',
  progress: (raised, goal) => `${raised} raised of ${goal} goal`,
};

const fr: CtaMessages = {
  button: 'En savoir plus',
  name: 'Nom',
  email: 'Adresse e-mail',
  submit: 'S’inscrire',
  sending: 'Envoi…',
  retry: 'Réessayer',
  nameMissing: 'Veuillez indiquer votre nom.',
  emailMissing: 'Veuillez indiquer votre adresse e-mail.',
  emailInvalid: 'Veuillez indiquer une adresse e-mail valide.',
  rejected: 'Votre inscription n’a pas été acceptée. Veuillez vérifier vos informations.',
  server:
    'Un problème est survenu de notre côté. Vos informations sont conservées : veuillez réessayer.',
  timeout:
    'L’inscription prend trop de temps. Vos informations sont conservées : veuillez réessayer.',
  network:
    'Le service d’inscription est injoignable. Vos informations sont conservées : veuillez réessayer.',
  offline: 'Vous êtes hors ligne. Nous enverrons votre inscription dès votre retour en ligne.',
  endpoint:
    'Désolé, votre inscription n’a pas pu être envoyée pour le moment. Vos informations sont conservées : veuillez réessayer plus tard.',
  throttled: (wait) =>
    `Trop d’inscriptions en même temps. Vos informations sont conservées : veuillez réessayer${wait && ` dans ${wait}`}.`,
  consentMissing: 'Veuillez cocher cette case pour vous inscrire.',
  privacy: 'Comment nous utilisons vos données',
  contact: 'Nous contacter',
  thanks: 'Merci pour votre inscription !',
  sent: 'Merci ! Votre inscription a été envoyée.',
  guide: 'En attendant, découvrez notre guide gratuit :',
  progress: (raised, goal) => `${raised} collectés sur un objectif de ${goal}`,
};

export const ctaMessages = (lang: string): CtaMessages => messagesFor(lang, { en, fr });
