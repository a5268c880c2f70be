-- Helpers for the generated columns that normalize a support measure's eligibility criteria (jsonb) for
-- SQL: a JSON array of strings as text[] (anything else: an empty array), a JSON number as numeric
-- (anything else: null). Immutable, so generated columns may use them.
CREATE OR REPLACE FUNCTION ic_jsonb_texts(j jsonb) RETURNS text[]
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT CASE WHEN jsonb_typeof(j) = 'array'
    THEN coalesce((SELECT array_agg(e ORDER BY n) FROM jsonb_array_elements_text(j) WITH ORDINALITY AS t(e, n) WHERE e IS NOT NULL), '{}'::text[])
    ELSE '{}'::text[] END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION ic_jsonb_number(j jsonb) RETURNS numeric
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT CASE WHEN jsonb_typeof(j) = 'number' THEN (j #>> '{}')::numeric END $$;
