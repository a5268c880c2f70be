-- measure_index follows measures: every insert, and every update of a column search reads, writes the
-- measure's narrow row in the same transaction (the view counters do not touch it).
CREATE OR REPLACE FUNCTION ic_measure_index_sync() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  INSERT INTO measure_index AS i (id, status, level, provider, form, industries, tags, permanent, opens_on,
      closes_on, published_at, amount_min, amount_max, criteria)
    VALUES (NEW.id, NEW.status, NEW.level, NEW.provider, NEW.form, NEW.industries, NEW.tags, NEW.permanent,
      NEW.opens_on, NEW.closes_on, NEW.published_at, NEW.amount_min, NEW.amount_max, NEW.criteria)
    ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status, level = EXCLUDED.level,
      provider = EXCLUDED.provider, form = EXCLUDED.form, industries = EXCLUDED.industries,
      tags = EXCLUDED.tags, permanent = EXCLUDED.permanent, opens_on = EXCLUDED.opens_on,
      closes_on = EXCLUDED.closes_on, published_at = EXCLUDED.published_at,
      amount_min = EXCLUDED.amount_min, amount_max = EXCLUDED.amount_max, criteria = EXCLUDED.criteria;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER measure_index_sync
  AFTER INSERT OR UPDATE OF status, level, provider, form, industries, tags, permanent, opens_on, closes_on,
    published_at, amount_min, amount_max, criteria
  ON measures FOR EACH ROW EXECUTE FUNCTION ic_measure_index_sync();
--> statement-breakpoint
INSERT INTO measure_index (id, status, level, provider, form, industries, tags, permanent, opens_on,
    closes_on, published_at, amount_min, amount_max, criteria)
  SELECT id, status, level, provider, form, industries, tags, permanent, opens_on, closes_on, published_at,
    amount_min, amount_max, criteria
  FROM measures
  ON CONFLICT (id) DO NOTHING;
