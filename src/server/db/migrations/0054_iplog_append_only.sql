-- The IP registry's log is append-only in the database itself, whatever the code (or someone at a psql
-- prompt) tries: the subtree hashes and the signed tree heads are never updated, deleted or truncated.
-- A deposit (a leaf) is never deleted or truncated, and the fields its leaf hash commits to never change;
-- two columns outside the leaf may only be cleared: `depositor_id` when the depositor's personal data is
-- erased, and `organization_id` by the ON DELETE SET NULL of a deleted organization.
CREATE FUNCTION iplog_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the IP log is append-only: % on % refused', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'restrict_violation';
END;
$$;
--> statement-breakpoint
CREATE FUNCTION iplog_deposit_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (NEW.id, NEW.leaf_index, NEW.file_sha256, NEW.title, NEW.type, NEW.holder_inn, NEW.holder_name,
      NEW.authors, NEW.timestamp, NEW.leaf_hash, NEW.created_at)
     IS DISTINCT FROM
     (OLD.id, OLD.leaf_index, OLD.file_sha256, OLD.title, OLD.type, OLD.holder_inn, OLD.holder_name,
      OLD.authors, OLD.timestamp, OLD.leaf_hash, OLD.created_at)
     OR (NEW.organization_id IS DISTINCT FROM OLD.organization_id AND NEW.organization_id IS NOT NULL)
     OR (NEW.depositor_id IS DISTINCT FROM OLD.depositor_id AND NEW.depositor_id IS NOT NULL) THEN
    RAISE EXCEPTION 'the IP log is append-only: a deposit''s leaf cannot change (only its depositor and organization may be cleared)'
      USING ERRCODE = 'restrict_violation';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER ip_deposits_no_update BEFORE UPDATE ON ip_deposits
  FOR EACH ROW EXECUTE FUNCTION iplog_deposit_update();
--> statement-breakpoint
CREATE TRIGGER ip_deposits_no_delete BEFORE DELETE ON ip_deposits
  FOR EACH ROW EXECUTE FUNCTION iplog_refuse();
--> statement-breakpoint
CREATE TRIGGER ip_deposits_no_truncate BEFORE TRUNCATE ON ip_deposits
  FOR EACH STATEMENT EXECUTE FUNCTION iplog_refuse();
--> statement-breakpoint
CREATE TRIGGER ip_log_nodes_no_change BEFORE UPDATE OR DELETE ON ip_log_nodes
  FOR EACH ROW EXECUTE FUNCTION iplog_refuse();
--> statement-breakpoint
CREATE TRIGGER ip_log_nodes_no_truncate BEFORE TRUNCATE ON ip_log_nodes
  FOR EACH STATEMENT EXECUTE FUNCTION iplog_refuse();
--> statement-breakpoint
CREATE TRIGGER ip_tree_heads_no_change BEFORE UPDATE OR DELETE ON ip_tree_heads
  FOR EACH ROW EXECUTE FUNCTION iplog_refuse();
--> statement-breakpoint
CREATE TRIGGER ip_tree_heads_no_truncate BEFORE TRUNCATE ON ip_tree_heads
  FOR EACH STATEMENT EXECUTE FUNCTION iplog_refuse();
