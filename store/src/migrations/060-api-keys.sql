-- API keys, hashed at rest: a key is `ct_<id>_<secret>`; only the id (public, for
-- lookup and listing) and the SHA-256 of the 32-byte random secret are kept.
CREATE TABLE api_keys (
  id text PRIMARY KEY,
  name text NOT NULL,
  role text NOT NULL,
  secret_sha256 bytea NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);
