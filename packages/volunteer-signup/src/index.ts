/**
 * `@lien/volunteer-signup`: `<volunteer-signup>` (import `./define.js` to register it), its sources of missions,
 * and the signup sending and keeping it uses.
 */
export {VolunteerSignup, type SignupDetail, type VolunteerSignupEvents} from './volunteer-signup.js';
export {filterMissions, kilometres, missionSource, MISSION_SOURCES, type MissionDataSource, type MissionQuery, type MissionSourceName} from './sources.js';
export {keptSignups, newIdempotencyKey, sendKept, sendSignup, type KeptSignup, type SendOutcome, type SignupBody} from './submission.js';
