-- What several gateways on one PostgreSQL share (with PGlite, one process, it stays in memory): rate-limit windows,
-- the proxies' cache and the upstreams' waits, and the HelloAsso token.
CREATE TABLE IF NOT EXISTS rate_windows (
  key text PRIMARY KEY,
  window_start bigint NOT NULL,
  hits integer NOT NULL
);

CREATE TABLE IF NOT EXISTS proxy_cache (
  key text PRIMARY KEY,
  expires bigint NOT NULL,
  entry text NOT NULL
);

CREATE TABLE IF NOT EXISTS upstream_waits (
  upstream text PRIMARY KEY,
  until bigint NOT NULL
);

CREATE TABLE IF NOT EXISTS oauth_tokens (
  provider text PRIMARY KEY,
  token text NOT NULL
);
