-- Helpers for the generated columns that normalize a support measure's eligibility criteria (jsonb) for
-- SQL (src/server/modules/measures/measures.masks.ts). Immutable, so generated columns may use them.
-- A JSON array of strings as a bit mask over a vocabulary's window of 62 values starting at
-- window_offset: bit i for vocabulary[window_offset + i]; a value not in the vocabulary sets bit 62.
CREATE OR REPLACE FUNCTION ic_jsonb_mask(j jsonb, vocabulary text[], window_offset integer) RETURNS bigint
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT coalesce(bit_or(CASE
      WHEN x.p IS NULL THEN 1::bigint << 62
      WHEN x.p - 1 - window_offset BETWEEN 0 AND 61 THEN 1::bigint << (x.p - 1 - window_offset)
      ELSE 0::bigint END), 0::bigint)
    FROM jsonb_array_elements_text(CASE WHEN jsonb_typeof(j) = 'array' THEN j ELSE '[]'::jsonb END) AS e(v)
      CROSS JOIN LATERAL (SELECT array_position(vocabulary, e.v) AS p) AS x $$;
--> statement-breakpoint
-- A JSON number as numeric (exact; anything else: null).
CREATE OR REPLACE FUNCTION ic_jsonb_number(j jsonb) RETURNS numeric
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT CASE WHEN jsonb_typeof(j) = 'number' THEN (j #>> '{}')::numeric END $$;
--> statement-breakpoint
-- A JSON number as double precision, as JavaScript reads it (anything else: null).
CREATE OR REPLACE FUNCTION ic_jsonb_float(j jsonb) RETURNS double precision
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT CASE WHEN jsonb_typeof(j) = 'number' THEN (j #>> '{}')::double precision END $$;
