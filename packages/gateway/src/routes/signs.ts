import type {FastifyInstance} from 'fastify';
import type {Database} from '../db/database.js';
import {badRequest} from '../errors.js';
import type {SignEntry} from '../import/signs.js';
import {queryInt, queryString} from './query.js';

export function signRoutes(app: FastifyInstance, db: Database): void {
  app.get('/v1/signs', async (request) => {
    const query = request.query as Record<string, unknown>;
    const word = queryString(query, 'word', 200);
    const lang = queryString(query, 'lang', 20) ?? 'fsl';
    if (!/^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i.test(lang)) throw badRequest('lang must be a language code such as fsl', {lang: 'e.g. fsl'});
    const limit = queryInt(query, 'limit', {min: 1, max: 200}) ?? 50;
    const params: unknown[] = [lang.toLowerCase()];
    let where = 'lang = $1';
    if (word) {
      params.push(word.trim().toLowerCase());
      where += ' AND word_key = $2';
    }
    params.push(limit);
    const rows = (
      await db.query<SignEntry>(
        `SELECT word, lang, senses, videos FROM sign_entries WHERE ${where} ORDER BY word_key LIMIT $${params.length}`,
        params
      )
    ).rows;
    const credits = rows.flatMap((r) => r.videos.map((v) => v.attribution).filter(Boolean));
    return {
      entries: rows.map((r) => ({word: r.word, lang: r.lang, senses: r.senses, videos: r.videos})),
      meta: {count: rows.length, attributions: [...new Set(credits)]},
    };
  });
}
