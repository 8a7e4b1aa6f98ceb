export {createGateway, startGateway, type Gateway, type RunningGateway} from './server.js';
export {configFromEnv, type GatewayOptions} from './config.js';
export {openDatabase, type Database} from './db/database.js';
export {migrate} from './db/migrate.js';
export {importPlacesFile} from './import/places.js';
export {importMissionsFile} from './import/missions.js';
export {importSignsFile} from './import/signs.js';
export {openapiDocument} from './openapi.js';
