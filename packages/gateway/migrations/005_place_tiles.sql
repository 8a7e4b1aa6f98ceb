-- Each place's Web Mercator tile at zoom 20 (x and y, 0 … 2^20 - 1), computed by the database from its position:
-- shifted right they are its tile at any coarser zoom, so a wide view is clustered in SQL by grouping on them.
-- Latitudes are clamped to Web Mercator's ±85.0511°.
ALTER TABLE places
  ADD COLUMN tile_x integer GENERATED ALWAYS AS (least(1048575, greatest(0, floor((lon + 180) / 360 * 1048576)))::integer) STORED,
  ADD COLUMN tile_y integer GENERATED ALWAYS AS (
    least(1048575, greatest(0, floor(
      (1 - ln(tan(radians(least(85.0511, greatest(-85.0511, lat)))) + 1 / cos(radians(least(85.0511, greatest(-85.0511, lat))))) / pi()) / 2 * 1048576
    )))::integer
  ) STORED;
