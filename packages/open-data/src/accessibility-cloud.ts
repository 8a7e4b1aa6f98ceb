import {a11yPlace} from './a11yjson.js';
import {PlaceCollector} from './collect.js';
import {compact, httpUrl, pointPosition, text} from './fields.js';
import type {Attribution, PlacesRead} from './place.js';
import {isObject, readArray, readObject} from './read.js';

/**
 * accessibility.cloud's `place-infos` answers: a FeatureCollection of A11yJSON PlaceInfo points, with the licences,
 * data sources and organisations to credit under `related`.
 */

/**
 * The related objects accessibility.cloud's `place-infos` is asked to include: the data sources, their licences and
 * their organisations (its `PlaceInfos.relationships`: `source`, `source.license`, `source.organization`). It answers
 * 422 to a name it does not know, and returns only the paths asked for: `source` too, or no source comes back.
 */
export const INCLUDE_RELATED = 'source,source.license,source.organization';

/**
 * accessibility.cloud's `related` (objects keyed by id): each data source that gave places, credited by its name and
 * its organisation's, with its licence and the link to the licence, as CC BY requires; a licence that no returned
 * source names (the answer's default includes only licences) is credited to accessibility.cloud.
 */
export function relatedAttributions(related: unknown): Attribution[] {
  if (!isObject(related)) return [];
  const table = (name: string): Record<string, unknown> => (isObject(related[name]) ? related[name] : {});
  const entry = (name: string, id: unknown): Record<string, unknown> => {
    const value = table(name)[String(id)];
    return isObject(value) ? value : {};
  };
  const licence = (l: Record<string, unknown>) => ({
    license: text(l.shortName, 200) ?? text(l.name, 200),
    licenseUrl: httpUrl(l.fullTextURL) ?? httpUrl(l.websiteURL),
  });
  const out: Attribution[] = [];
  const credited = new Set<string>();
  for (const source of Object.values(table('sources'))) {
    if (!isObject(source)) continue;
    const organization = entry('organizations', source.organizationId);
    const name = text(source.name, 200) ?? text(source.shortName, 200);
    const by = text(organization.name, 200);
    if (!name && !by) continue;
    credited.add(String(source.licenseId));
    out.push(
      compact({
        text: name && by && by !== name ? `${name} (${by})` : (name ?? by)!,
        url: httpUrl(source.originWebsiteURL) ?? httpUrl(organization.webSite),
        ...licence(entry('licenses', source.licenseId)),
      })
    );
  }
  for (const [id, value] of Object.entries(table('licenses'))) {
    if (credited.has(id) || !isObject(value) || !text(value.name ?? value.shortName)) continue;
    out.push(compact({text: 'accessibility.cloud', url: 'https://www.accessibility.cloud/', ...licence(value)}));
  }
  return out;
}

/** An accessibility.cloud `place-infos` answer (a FeatureCollection of PlaceInfo points, `related`). */
export function readPlaceInfos(body: unknown, max = Infinity): PlacesRead & {truncated: boolean} {
  const answer = readObject(body, '(body)');
  const collector = new PlaceCollector(max);
  readArray(answer.features, 'features').forEach((value, i) => {
    const at = `features[${i}]`;
    collector.add(at, () => {
      const feature = readObject(value, at);
      const {lat, lon} = pointPosition(feature, at);
      return a11yPlace(feature, lat, lon, 'a11yjson');
    });
  });
  const total = typeof answer.totalFeatureCount === 'number' ? answer.totalFeatureCount : undefined;
  return {
    places: collector.places,
    dropped: collector.dropped,
    attribution: relatedAttributions(answer.related),
    truncated: collector.truncated || (total !== undefined && total > collector.places.length + collector.dropped.length),
  };
}
