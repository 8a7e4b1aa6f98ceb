import {DonateButton} from './donate-button.js';

DonateButton.define('donate-button');
