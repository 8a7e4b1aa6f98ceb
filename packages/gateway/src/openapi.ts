/** The gateway's API, written down as OpenAPI 3.1 and served at /v1/openapi.json. Elements' `lien` sources follow it. */

const error = {
  description: 'Error',
  content: {
    'application/json': {schema: {$ref: '#/components/schemas/Error'}},
  },
};
const errors = {'400': error, '429': error, '500': error};
const json = (schema: object, description = 'OK') => ({description, content: {'application/json': {schema}}});
const q = (name: string, description: string, schema: object = {type: 'string'}, required = false) => ({
  name,
  in: 'query',
  required,
  description,
  schema,
});
const boolOpt = {type: 'boolean'};
const impairments = {
  type: 'object',
  properties: Object.fromEntries(
    ['wheelchair', 'mobilityImpairment', 'visualImpairment', 'blindness', 'hearingImpairment', 'learningImpairment'].map((k) => [k, boolOpt])
  ),
};

export const openapiDocument = {
  openapi: '3.1.0',
  info: {
    title: 'Lien gateway',
    version: '1.0.0',
    description:
      'Open data (places with their accessibility, volunteer missions, sign-language entries), volunteer signups, ' +
      'and proxies that hold secrets (HelloAsso, Acceslibre, API Engagement). Every error is `{error: {code, message}}`.',
    license: {name: 'MIT', identifier: 'MIT'},
  },
  servers: [{url: '/'}],
  paths: {
    '/v1/health': {get: {summary: 'Liveness and database kind', responses: {'200': json({type: 'object'})}}},
    '/v1/openapi.json': {get: {summary: 'This document', responses: {'200': json({type: 'object'})}}},
    '/v1/places': {
      get: {
        summary: 'Places with A11yJSON-shaped accessibility, as GeoJSON',
        parameters: [
          q('bbox', 'minLon,minLat,maxLon,maxLat'),
          q('needs', 'Comma-separated: wheelchair, walking, vision, hearing, cognitive. Keeps places that are yes or partial for every need.'),
          q('q', 'Text in the name, category or address (taken literally: % and _ are not wildcards)'),
          q('limit', 'At most this many features (1–2000, default 500); meta.truncated tells when more matched', {type: 'integer', minimum: 1, maximum: 2000}),
          q(
            'zoom',
            'The map\'s zoom (0–22). Below 15, a view holding more places than limit is answered as clusters: Points with ' +
              'properties {cluster: true, count, accessible (of them, accessible with a wheelchair), bbox}, grouped in SQL by their Web Mercator tile one zoom deeper (128 px cells, about a cluster marker and its margin), ' +
              'and meta.clustered true with meta.count the places they hold',
            {type: 'integer', minimum: 0, maximum: 22}
          ),
        ],
        responses: {
          '200': {description: 'OK', content: {'application/geo+json': {schema: {$ref: '#/components/schemas/PlaceCollection'}}}},
          ...errors,
        },
      },
    },
    '/v1/missions': {
      get: {
        summary: 'Volunteer missions (API Engagement field names)',
        parameters: [
          q('domain', 'e.g. solidarite-insertion, sante, environnement'),
          q('near', 'lat,lon'),
          q('distance', 'Radius around `near`, e.g. 25km (default 25)'),
          q('remote', 'no | possible | full | local', {type: 'string', enum: ['no', 'possible', 'full', 'local']}),
          q('q', 'Text in the title, organization, city or activities'),
          q('limit', '1–100, default 25', {type: 'integer'}),
          q('skip', 'Offset', {type: 'integer'}),
        ],
        responses: {
          '200': json({
            type: 'object',
            required: ['ok', 'total', 'limit', 'skip', 'data'],
            properties: {
              ok: {const: true},
              total: {type: 'integer'},
              limit: {type: 'integer'},
              skip: {type: 'integer'},
              data: {type: 'array', items: {$ref: '#/components/schemas/Mission'}},
              meta: {type: 'object', properties: {sample: {type: 'boolean'}, note: {type: 'string'}}},
            },
          }),
          ...errors,
        },
      },
    },
    '/v1/missions/{id}': {
      get: {
        summary: 'One mission',
        parameters: [{name: 'id', in: 'path', required: true, schema: {type: 'string'}}],
        responses: {
          '200': json({
            type: 'object',
            properties: {
              ok: {const: true},
              data: {$ref: '#/components/schemas/Mission'},
              meta: {type: 'object', description: '{sample: true, note} for a sample mission, {} otherwise', properties: {sample: {type: 'boolean'}, note: {type: 'string'}}},
            },
          }),
          '404': error,
        },
      },
    },
    '/v1/signups': {
      post: {
        summary: 'Store a volunteer signup',
        description:
          'Send an Idempotency-Key (8–200 visible ASCII characters, e.g. a UUID made when the form was filled): a retry ' +
          'with the same key and body is stored once and answered the same (header Idempotent-Replayed: true); the same key ' +
          'with another body is refused (422). A filled honeypot or a form sent sooner than the minimum fill time after ' +
          '`startedAt` is refused (400 spam_suspected / too_fast). Rate-limited per client (429 with Retry-After).',
        parameters: [{name: 'Idempotency-Key', in: 'header', schema: {type: 'string', minLength: 8, maxLength: 200}}],
        requestBody: {required: true, content: {'application/json': {schema: {$ref: '#/components/schemas/SignupRequest'}}}},
        responses: {
          '201': json(
            {type: 'object', required: ['id', 'createdAt'], properties: {id: {type: 'string'}, missionId: {type: ['string', 'null']}, createdAt: {type: 'string', format: 'date-time'}}},
            'Stored (or the stored answer to an earlier request with the same Idempotency-Key)'
          ),
          '400': {description: 'Invalid: error.fields maps each field path to its problem', content: {'application/json': {schema: {$ref: '#/components/schemas/Error'}}}},
          '413': error,
          '415': error,
          '422': error,
          '429': error,
        },
      },
    },
    '/v1/signups.csv': {
      get: {
        summary: 'Every signup as CSV (admin)',
        security: [{admin: []}],
        description: 'Rate-limited per client (429 with Retry-After), so that the token cannot be guessed.',
        responses: {'200': {description: 'CSV, UTF-8 with BOM', content: {'text/csv': {schema: {type: 'string'}}}}, '401': error, '404': error, '429': error},
      },
    },
    '/v1/signs': {
      get: {
        summary: 'Sign-dictionary entries',
        parameters: [q('word', 'The word (case-insensitive); all entries of the language when absent'), q('lang', 'Sign language code (default fsl, French Sign Language)'), q('limit', '1–200', {type: 'integer'})],
        responses: {
          '200': json({
            type: 'object',
            properties: {
              entries: {type: 'array', items: {$ref: '#/components/schemas/SignEntry'}},
              meta: {type: 'object', properties: {count: {type: 'integer'}, attributions: {type: 'array', items: {type: 'string'}}}},
            },
          }),
          ...errors,
        },
      },
    },
    '/v1/donations/helloasso/checkout': {
      post: {
        summary: 'Start a HelloAsso donation',
        description:
          'once: creates a HelloAsso checkout intent and answers its redirect URL; HelloAsso sends the donor back through ' +
          'this gateway (`/v1/donations/helloasso/return/…`, on LIEN_PUBLIC_URL), which sends them on to `returnUrl` with ' +
          '`?lien-checkout={reference}`. ' +
          'monthly: answers the association’s HelloAsso donation form (`form` required), where HelloAsso handles monthly giving. ' +
          'Amount bounds are enforced here.',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['amount', 'returnUrl'],
                properties: {
                  amount: {type: 'integer', description: 'Cents (1000 = €10); within the gateway’s bounds (default 100–1,000,000)'},
                  frequency: {enum: ['once', 'monthly'], default: 'once'},
                  organization: {type: 'string', description: 'HelloAsso organization slug (default HELLOASSO_ORGANIZATION)'},
                  form: {type: 'string', description: 'HelloAsso donation form slug (required for monthly)'},
                  returnUrl: {type: 'string', format: 'uri', description: 'The donor’s page: https (http only for localhost), of the gateway’s origin or of LIEN_ALLOWED_ORIGINS'},
                  itemName: {type: 'string', maxLength: 250},
                },
              },
            },
          },
        },
        responses: {
          '200': json({
            type: 'object',
            properties: {redirectUrl: {type: 'string'}, id: {type: ['string', 'null']}, reference: {type: ['string', 'null']}, kind: {enum: ['checkout', 'form']}},
          }),
          '400': error,
          '429': error,
          '502': error,
          '503': error,
          '504': error,
        },
      },
    },
    '/v1/donations/helloasso/checkout/{reference}': {
      get: {
        summary: 'The state of a checkout, as HelloAsso reports it (never trusted from the return URL)',
        description:
          'confirmed only when a payment of the order is Authorized (AuthorizedPreprod in the sandbox) or Registered (kept once ' +
          'seen); refused when every payment failed. While the lookup shows no order: what the return told (abandoned: back ' +
          'from the payment page; refused: sent to the error address), else pending. The reference is the random one the ' +
          'return gave, never HelloAsso’s sequential id. ' +
          'Rate-limited per client (429 with Retry-After): each lookup is a HelloAsso request.',
        parameters: [{name: 'reference', in: 'path', required: true, schema: {type: 'string', format: 'uuid'}}],
        responses: {
          '200': json({type: 'object', properties: {reference: {type: 'string'}, state: {enum: ['pending', 'confirmed', 'refused', 'abandoned']}, amount: {type: 'integer'}}}),
          '400': error,
          '404': error,
          '429': error,
          '502': error,
        },
      },
    },
    '/v1/donations/goal': {
      get: {
        summary: 'The association’s donation goal and what its HelloAsso forms have raised, in cents',
        description:
          'raised is the sum of the orders’ amount.total of HELLOASSO_GOAL_FORMS (since LIEN_DONATION_GOAL_SINCE), walked by ' +
          'continuationToken and kept for LIEN_PROXY_CACHE_SECONDS. 404 not_configured without LIEN_DONATION_GOAL_CENTS.',
        responses: {
          '200': json({type: 'object', properties: {goal: {type: 'integer'}, raised: {type: 'integer'}, currency: {type: 'string'}, since: {type: ['string', 'null']}}}),
          '404': error,
          '429': error,
          '502': error,
          '503': error,
        },
      },
    },
    '/v1/donations/helloasso/return/{reference}/{way}': {
      get: {
        summary: 'HelloAsso’s way back from a checkout made here: notes what it tells, then 303 to the donor’s page with ?lien-checkout={reference}',
        description:
          '`back` notes the checkout abandoned; `error`, or a `code` other than `succeeded`, refused. `code=succeeded` proves nothing: ' +
          'it only clears what an earlier attempt on the same checkout told.',
        parameters: [
          {name: 'reference', in: 'path', required: true, schema: {type: 'string', format: 'uuid'}},
          {name: 'way', in: 'path', required: true, schema: {enum: ['return', 'back', 'error']}},
          q('checkoutIntentId', 'Added by HelloAsso'),
          q('code', 'Added by HelloAsso: succeeded, refused…'),
        ],
        responses: {'303': {description: 'To the donor’s page'}, '400': error, '404': error, '429': error},
      },
    },
    '/v1/donations/helloasso/notifications': {
      post: {
        summary: 'HelloAsso’s notifications: a Payment (matched by the checkout’s metadata) or an Order (by checkoutIntentId) of the association has the gateway look the checkout up',
        description:
          'Signed with HELLOASSO_NOTIFICATION_KEY (HMAC-SHA256 of the body, hex, in x-ha-signature), or, without a key, sent from ' +
          'HELLOASSO_NOTIFICATION_SOURCES. Only a trigger: what HelloAsso’s lookup then says counts, never what the notification claims.',
        requestBody: {required: true, content: {'application/json': {schema: {type: 'object'}}}},
        responses: {'200': json({type: 'object', properties: {used: {type: 'boolean'}}}), '400': error, '401': error},
      },
    },
    '/v1/proxy/acceslibre/erps/': {
      get: {
        summary: 'Acceslibre /api/erps/ with the gateway’s API key; documented filters only; cached; rate-limited per client',
        description:
          'Answers what Acceslibre answers ({count, next, previous, results}), with `next` and `previous` pointing at this ' +
          'route on the origin the request used (the upstream host is never shown). Any other query key is refused (400 naming it). ' +
          'Rate-limited per client (429 rate_limited with Retry-After); an upstream 429 becomes 429 upstream_rate_limited with ' +
          'Retry-After, other upstream errors 502.',
        parameters: [
          q('q', 'Text search'),
          q('commune', 'Town name'),
          q('code_postal', 'Postcode'),
          q('code_insee', 'INSEE town code'),
          q('activite', 'Activity slug'),
          q('zone', 'minLon,minLat,maxLon,maxLat'),
          q('around', 'lat,lon'),
          {...q('equipments', 'Repeatable: having_adapted_parking, having_accessible_entry, …', {type: 'array', items: {type: 'string'}}), explode: true},
          q('page', 'Page number', {type: 'integer', minimum: 1}),
          q('page_size', 'Results per page', {type: 'integer', minimum: 1, maximum: 1000}),
        ],
        responses: {'200': json({type: 'object'}), ...errors, '502': error, '503': error, '504': error},
      },
    },
    '/v1/proxy/lingualibre/records': {
      get: {
        summary: 'Lingua Libre’s recordings of one word, as its SPARQL endpoint answers SignIt’s query (SPARQL JSON results); cached; rate-limited per client',
        description:
          'The gateway writes the query itself (the word as an escaped string, the language as Lingua Libre’s item): no other query ' +
          'reaches Lingua Libre through it. For pages that Lingua Libre does not answer directly.',
        parameters: [q('word', 'The word (1–200 characters; any case)'), q('lang', 'fsl (French Sign Language, the default)')],
        responses: {'200': json({type: 'object'}), '400': error, '429': error, '502': error, '504': error},
      },
    },
    '/v1/proxy/api-engagement/mission': {
      get: {
        summary: 'API Engagement /v0/mission with the gateway’s API key; documented filters only; cached; rate-limited per client',
        parameters: [
          q('limit', 'Missions per page', {type: 'integer'}),
          q('skip', 'Offset', {type: 'integer'}),
          ...['keywords', 'domain', 'type', 'remote', 'lat', 'lon', 'city', 'departmentName', 'openToMinors', 'reducedMobilityAccessible'].map((name) =>
            q(name, 'Passed to API Engagement')
          ),
          q('distance', 'e.g. 25km'),
        ],
        responses: {'200': json({type: 'object'}), ...errors, '502': error, '503': error, '504': error},
      },
    },
  },
  components: {
    securitySchemes: {admin: {type: 'http', scheme: 'bearer', description: 'LIEN_ADMIN_TOKEN'}},
    schemas: {
      Error: {
        type: 'object',
        required: ['error'],
        properties: {
          error: {
            type: 'object',
            required: ['code', 'message'],
            properties: {code: {type: 'string'}, message: {type: 'string'}, fields: {type: 'object', additionalProperties: {type: 'string'}}},
          },
        },
      },
      Accessibility: {
        type: 'object',
        description: 'A11yJSON-shaped; every field optional, absent = unknown',
        properties: {
          accessibleWith: impairments,
          partiallyAccessibleWith: impairments,
          entrances: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                isLevel: boolOpt,
                hasFixedRamp: boolOpt,
                hasRemovableRamp: boolOpt,
                hasElevator: boolOpt,
                stairs: {type: 'object', properties: {count: {type: 'number'}}},
                door: {type: 'object', properties: {width: {type: 'number', description: 'cm'}}},
                hasSoundBeacon: boolOpt,
                needsHelp: boolOpt,
              },
            },
          },
          parking: {
            type: 'object',
            properties: {
              forWheelchairUsers: {
                type: 'object',
                properties: {
                  isAvailable: boolOpt,
                  onSite: {...boolOpt, description: 'A space on the grounds (Acceslibre stationnement_pmr)'},
                  nearby: {...boolOpt, description: 'A space nearby (Acceslibre stationnement_ext_pmr)'},
                },
              },
            },
          },
          restrooms: {type: 'array', items: {type: 'object', properties: {isAccessibleWithWheelchair: boolOpt}}, description: 'Empty: no toilets'},
          staff: {
            type: 'object',
            properties: {
              isPresent: {...boolOpt, description: 'false: nobody welcomes visitors (Acceslibre accueil_personnels "aucun")'},
              isTrainedForDisabilities: boolOpt,
              isTrainedInSigning: boolOpt,
              languages: {type: 'array', items: {type: 'string'}, description: 'IETF tags, sign languages included (sgn-ase, fsl…)'},
            },
          },
          hearingEquipment: {type: 'array', items: {enum: ['bim', 'bmp', 'lsf', 'lpc', 'sts', 'autres']}},
          hasInductionLoop: boolOpt,
          hasTactileGuideStrips: boolOpt,
          hasAudioDescription: boolOpt,
          hasBrailleSignage: boolOpt,
          description: {type: 'object', additionalProperties: {type: 'string'}, description: 'Free text per language code ("und" when unknown)'},
        },
      },
      PlaceCollection: {
        type: 'object',
        required: ['type', 'features', 'meta'],
        properties: {
          type: {const: 'FeatureCollection'},
          features: {
            type: 'array',
            items: {
              type: 'object',
              required: ['type', 'id', 'geometry', 'properties'],
              properties: {
                type: {const: 'Feature'},
                id: {type: 'string', description: '<source>:<sourceId>'},
                geometry: {type: 'object', properties: {type: {const: 'Point'}, coordinates: {type: 'array', items: {type: 'number'}, minItems: 2, maxItems: 2}}},
                properties: {
                  type: 'object',
                  required: ['id', 'name', 'source', 'accessibility'],
                  properties: {
                    id: {type: 'string'},
                    name: {
                      type: 'string',
                      description: 'Plain text; may hold any characters: render as text. Empty for a place without a name (show its category or a localized "unnamed place")',
                    },
                    category: {type: 'string'},
                    address: {type: 'string'},
                    phone: {type: 'string'},
                    website: {type: 'string'},
                    infoPageUrl: {type: 'string'},
                    editPageUrl: {type: 'string'},
                    source: {enum: ['acceslibre', 'osm', 'a11yjson', 'geojson', 'sample']},
                    updatedAt: {type: 'string', format: 'date-time'},
                    accessibility: {$ref: '#/components/schemas/Accessibility'},
                  },
                },
              },
            },
          },
          meta: {
            type: 'object',
            required: ['count', 'truncated', 'licenses'],
            properties: {
              count: {type: 'integer'},
              truncated: {type: 'boolean'},
              licenses: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {source: {type: 'string'}, name: {type: 'string'}, url: {type: 'string'}, attribution: {type: 'string'}, sample: {type: 'boolean'}},
                },
              },
            },
          },
        },
      },
      Mission: {
        type: 'object',
        required: ['id', 'title'],
        properties: {
          id: {type: 'string'},
          title: {type: 'string'},
          description: {type: 'string', description: 'Plain text'},
          descriptionHtml: {type: 'string', description: 'HTML as published: sanitize before showing'},
          applicationUrl: {type: 'string'},
          domain: {type: 'string'},
          activities: {type: 'array', items: {type: 'string'}},
          skills: {type: 'array', items: {type: 'string'}},
          schedule: {type: 'string'},
          times: {
            type: 'array',
            items: {type: 'object', properties: {day: {enum: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']}, moment: {enum: ['morning', 'afternoon', 'evening']}}},
          },
          startAt: {type: 'string', format: 'date-time'},
          endAt: {type: 'string', format: 'date-time', description: 'Missions ended more than a day ago are never listed'},
          postedAt: {type: 'string', format: 'date-time'},
          places: {type: 'number'},
          remote: {enum: ['no', 'possible', 'full', 'local']},
          minimumAge: {type: 'number'},
          openToMinors: {type: 'boolean'},
          reducedMobilityAccessible: {type: 'boolean'},
          organizationName: {type: 'string'},
          organizationLogo: {type: 'string'},
          organizationUrl: {type: 'string'},
          city: {type: 'string'},
          postalCode: {type: 'string'},
          departmentCode: {type: 'string'},
          addresses: {type: 'array', items: {type: 'object'}},
          location: {type: 'object', properties: {lat: {type: 'number'}, lon: {type: 'number'}}},
          distanceKm: {type: 'number', description: 'With near='},
          source: {enum: ['api-engagement', 'volunteeringdata', 'lien', 'json']},
          sample: {type: 'boolean', description: 'Fictional example content'},
        },
      },
      SignupRequest: {
        type: 'object',
        required: ['name', 'email', 'consents', 'startedAt'],
        properties: {
          missionId: {type: 'string', maxLength: 200},
          name: {type: 'string', maxLength: 200},
          email: {type: 'string', format: 'email', maxLength: 254},
          phone: {type: 'string', maxLength: 50},
          message: {type: 'string', maxLength: 5000},
          availability: {type: 'string', maxLength: 1000},
          skills: {type: 'array', maxItems: 30, items: {type: 'string', maxLength: 100}},
          consents: {
            type: 'array',
            minItems: 1,
            maxItems: 10,
            items: {
              type: 'object',
              required: ['purpose', 'wording', 'given'],
              properties: {
                purpose: {type: 'string', description: 'e.g. contact-about-mission'},
                wording: {type: 'string', description: 'The exact text the person ticked; stored with the time'},
                given: {const: true},
                givenAt: {type: 'string', format: 'date-time'},
              },
            },
          },
          honeypot: {type: 'string', description: 'The form’s "leave empty" field: must be empty'},
          startedAt: {type: ['number', 'string'], description: 'When the form was first shown (epoch ms or ISO 8601); keep it across resubmits'},
        },
      },
      SignEntry: {
        type: 'object',
        properties: {
          word: {type: 'string'},
          lang: {type: 'string'},
          senses: {type: 'array', items: {type: 'object', properties: {definition: {type: 'string'}, source: {type: 'string'}}}},
          videos: {
            type: 'array',
            items: {
              type: 'object',
              required: ['url', 'licence', 'source'],
              properties: {
                url: {type: 'string'},
                signer: {type: 'string'},
                licence: {type: 'string'},
                licenceUrl: {type: 'string'},
                attribution: {type: 'string', description: 'Credit line to show; absent when none is required'},
                source: {type: 'string'},
                pageUrl: {type: 'string'},
              },
            },
          },
        },
      },
    },
  },
} as const;
