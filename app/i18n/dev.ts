// Dev mode's strings (the start page and the demo), in every language. Only the local build imports them
// (through startEntry.ts), so the tables that ship to Zoom leave them out.
import { fill, lang } from "./i18n.ts";

const fr = {
  startTitle: "Codéveloppement en ligne",
  startIntro: "Mode développement : rejoignez une salle avec un code et un nom. Chaque onglet est un participant.",
  roomCodeHint: "Lettres minuscules, chiffres et tirets.",
  nameRequired: "Indiquez votre nom.",
  codeInvalid: "Le code contient des lettres minuscules, des chiffres ou des tirets.",
  demoTitle: "Démonstration",
  demoIntro: "Des participants simulés mènent une consultation ; vous la suivez comme consultant.",
  demoStart: "Lancer la démo",
  demoUnavailable: "La démo s'est arrêtée.",
  demoFailed: "La démo n'a pas pu démarrer : {message}",
  demoRunning: "Démo en cours : les participants simulés font avancer la consultation.",
  demoDone: "Démo terminée.",
  demoYou: "Vous",
  parentCode: "Sous-groupe de la salle (facultatif)",
  parentHint:
    "Comme une salle de sous-groupe Zoom : le code de la salle principale, qui voit où en est ce sous-groupe.",
  parentInvalid: "Le code de la salle principale contient des lettres minuscules, des chiffres ou des tirets.",
  parentSame: "Une salle ne peut pas être son propre sous-groupe.",
};

export type DevKey = keyof typeof fr;

const en: Record<DevKey, string> = {
  startTitle: "Co-development online",
  startIntro: "Development mode: join a room with a code and a name. Each tab is one participant.",
  roomCodeHint: "Lower-case letters, digits and hyphens.",
  nameRequired: "Please enter your name.",
  codeInvalid: "A room code has lower-case letters, digits or hyphens.",
  demoTitle: "Demo",
  demoIntro: "Simulated participants run a consultation; you follow it as a consultant.",
  demoStart: "Start the demo",
  demoUnavailable: "The demo stopped.",
  demoFailed: "The demo could not start: {message}",
  demoRunning: "Demo running: the simulated participants move the consultation on.",
  demoDone: "Demo finished.",
  demoYou: "You",
  parentCode: "Breakout room of (optional)",
  parentHint: "Like a Zoom breakout room: the main room's code, which then sees where this group stands.",
  parentInvalid: "The main room's code has lower-case letters, digits or hyphens.",
  parentSame: "A room cannot be its own breakout room.",
};

/** Like `t`, for dev mode's strings. */
export function td(key: DevKey, params?: Record<string, string | number>): string {
  return fill((lang.value === "en" ? en : fr)[key], params);
}
