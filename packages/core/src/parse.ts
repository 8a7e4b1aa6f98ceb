/**
 * The defensive readers sources parse payloads with (a field of the wrong type is a `parse` error naming it);
 * they live in `@lien/open-data`, shared with the gateway.
 */
export {
  isObject,
  readObject,
  readArray,
  readString,
  readNumber,
  optionalString,
  optionalNumber,
  optionalBoolean,
  readLatLon,
  type Json,
  type JsonObject,
} from '@lien/open-data/read.js';
