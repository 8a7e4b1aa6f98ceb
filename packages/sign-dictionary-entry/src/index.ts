/** `@lien/sign-dictionary-entry`: `<sign-dictionary-entry>` (import `./define.js` to register it), its player and its sources. */
export {SignDictionaryEntry, type SignDictionaryEntryEvents} from './sign-dictionary-entry.js';
export {FRAME_SECONDS, nearestSpeed, PlayerController, SPEEDS, type Speed} from './player.js';
export {signSource, type SignDataSource, type SignQuery, type SignResult, type SignSourceName} from './sources.js';
