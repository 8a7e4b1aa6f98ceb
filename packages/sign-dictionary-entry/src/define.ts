import {SignDictionaryEntry} from './sign-dictionary-entry.js';

SignDictionaryEntry.define('sign-dictionary-entry');
