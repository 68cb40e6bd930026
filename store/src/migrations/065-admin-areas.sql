-- Area polygons an operator imported (twin import-areas): they replace the boundary file of
-- their level. GeoJSON geometry in WGS84, so no spatial extension is needed on any back end.
CREATE TABLE admin_areas (
  id          bigserial PRIMARY KEY,
  level       text NOT NULL CHECK (level IN ('district', 'street', 'community')),
  name        text NOT NULL,
  geometry    jsonb NOT NULL,
  source      text NOT NULL,
  attribution text,
  imported_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX admin_areas_level_idx ON admin_areas (level);
