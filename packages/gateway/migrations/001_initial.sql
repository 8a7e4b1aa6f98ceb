-- Lien gateway schema, version 1. Runs unchanged on PGlite and on PostgreSQL 15+.

-- Where a set of places came from, with the licence and attribution the API must show next to them.
CREATE TABLE datasets (
  id            text PRIMARY KEY,
  source        text NOT NULL,
  licence_name  text NOT NULL,
  licence_url   text,
  attribution   text NOT NULL,
  is_sample     boolean NOT NULL DEFAULT false,
  imported_at   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE places (
  id             text PRIMARY KEY,            -- "<source>:<sourceId>"
  source         text NOT NULL,
  source_id      text NOT NULL,
  dataset_id     text NOT NULL REFERENCES datasets (id),
  name           text NOT NULL,
  category       text,
  address        text,
  phone          text,
  website        text,
  info_page_url  text,
  edit_page_url  text,
  lon            double precision NOT NULL,
  lat            double precision NOT NULL,
  accessibility  jsonb NOT NULL DEFAULT '{}'::jsonb,
  -- The five needs, derived from accessibility at import time so that filtering stays in SQL:
  -- 'yes' | 'partial' | 'no', NULL when unknown.
  need_wheelchair text,
  need_walking    text,
  need_vision     text,
  need_hearing    text,
  need_cognitive  text,
  search_text    text NOT NULL,               -- lower-cased name, category and address for q=
  updated_at     timestamptz,
  imported_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX places_lon_lat ON places (lon, lat);

CREATE TABLE missions (
  id                text PRIMARY KEY,
  title             text NOT NULL,
  description       text,
  domain            text,
  remote            text,                      -- API Engagement's 'no' | 'possible' | 'full'
  organization_name text,
  city              text,
  lat               double precision,
  lon               double precision,
  start_at          timestamptz,
  end_at            timestamptz,
  is_sample         boolean NOT NULL DEFAULT false,
  data              jsonb NOT NULL,            -- the normalized mission as the API answers it
  search_text       text NOT NULL,
  imported_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX missions_domain ON missions (domain);

-- One row per (language, word); senses and videos are small lists kept as JSON.
CREATE TABLE sign_entries (
  lang        text NOT NULL,
  word        text NOT NULL,
  word_key    text NOT NULL,                   -- lower-cased word for lookups
  senses      jsonb NOT NULL DEFAULT '[]'::jsonb,
  videos      jsonb NOT NULL DEFAULT '[]'::jsonb,
  imported_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (lang, word_key)
);

CREATE TABLE signups (
  id               text PRIMARY KEY,
  idempotency_key  text UNIQUE,
  request_hash     text NOT NULL,             -- to refuse a reused key carrying a different body
  mission_id       text,
  name             text NOT NULL,
  email            text NOT NULL,
  phone            text,
  message          text,
  availability     text,
  skills           jsonb NOT NULL DEFAULT '[]'::jsonb,
  consents         jsonb NOT NULL,            -- [{purpose, wording, givenAt}]
  created_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX signups_created_at ON signups (created_at);

-- Checkout intents this gateway created, so that a status request can only ask about its own.
CREATE TABLE donation_checkouts (
  id            text PRIMARY KEY,
  organization  text NOT NULL,
  amount_cents  integer NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE settings (
  key   text PRIMARY KEY,
  value text NOT NULL
);
