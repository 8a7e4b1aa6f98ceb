import {VolunteerSignup} from './volunteer-signup.js';

VolunteerSignup.define('volunteer-signup');
