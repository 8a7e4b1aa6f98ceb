import {parseArgs} from 'node:util';
import {configFromEnv} from './config.js';
import {openDatabase} from './db/database.js';
import {migrate} from './db/migrate.js';
import {importMissionsFile} from './import/missions.js';
import {importPlacesFile} from './import/places.js';
import {importLinguaLibre, importSignsFile} from './import/signs.js';
import {formatSummary, type ImportSummary} from './import/summary.js';
import {startGateway} from './server.js';

const USAGE = `Usage:
  lien-gateway serve [--port N] [--host H] [--data-dir DIR] [--static DIR]
  lien-gateway import places FILE [--licence NAME --licence-url URL --attribution TEXT] [--dataset ID]
  lien-gateway import missions FILE
  lien-gateway import signs FILE
  lien-gateway import signs lingualibre:fsl   (every Lingua Libre recording of the language, licences from Commons)
  (--json prints an import's summary as JSON)
Environment: PORT, HOST, LIEN_DATA_DIR, DATABASE_URL, LIEN_STATIC_DIR, … (see the package README).`;

export async function main(argv: string[]): Promise<number> {
  const {values, positionals} = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      port: {type: 'string'},
      host: {type: 'string'},
      'data-dir': {type: 'string'},
      static: {type: 'string'},
      licence: {type: 'string'},
      'licence-url': {type: 'string'},
      attribution: {type: 'string'},
      dataset: {type: 'string'},
      json: {type: 'boolean'},
      help: {type: 'boolean', short: 'h'},
    },
  });
  const config = configFromEnv();
  if (values.port) config.port = Number(values.port);
  if (values.host) config.host = values.host;
  if (values['data-dir']) config.dataDir = values['data-dir'];
  if (values.static) config.staticDir = values.static;
  const [command, kind, file] = positionals;

  if (values.help || !command) {
    console.log(USAGE);
    return values.help ? 0 : 1;
  }
  if (command === 'serve') {
    const gateway = await startGateway(config);
    console.log(`Lien gateway on ${gateway.url}/ (API: ${gateway.url}/v1/openapi.json, database: ${gateway.db.kind})`);
    const stop = () => void gateway.close().then(() => process.exit(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    return new Promise<number>(() => {});
  }
  if (command === 'import' && kind && file && ['places', 'missions', 'signs'].includes(kind)) {
    const db = await openDatabase({databaseUrl: config.databaseUrl, dataDir: config.dataDir});
    try {
      await migrate(db);
      let summary: ImportSummary;
      if (kind === 'places')
        summary = await importPlacesFile(db, file, {
          licenceName: values.licence,
          licenceUrl: values['licence-url'],
          attribution: values.attribution,
          dataset: values.dataset,
        });
      else if (kind === 'missions') summary = await importMissionsFile(db, file);
      else if (file.startsWith('lingualibre:'))
        summary = await importLinguaLibre(db, file.slice('lingualibre:'.length), {sparqlUrl: config.lingualibre?.sparqlUrl});
      else summary = await importSignsFile(db, file);
      console.log(values.json ? JSON.stringify(summary, null, 2) : formatSummary(summary));
      return 0;
    } catch (error) {
      console.error(`Import failed: ${(error as Error).message}`);
      return 1;
    } finally {
      await db.close();
    }
  }
  console.error(USAGE);
  return 1;
}
