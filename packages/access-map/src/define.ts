import {AccessMap} from './access-map.js';

AccessMap.define('access-map');
