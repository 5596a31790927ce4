-- The search text of an asset is filled by a row trigger only when the statement did not write it itself: bulk
-- writers (the import) compute it for a whole batch in the same statement with one join, which costs a fraction
-- of a trigger that looks the model up row by row. Other writers keep relying on the trigger.
DROP TRIGGER asset_search ON asset;
CREATE TRIGGER asset_search_insert BEFORE INSERT ON asset
  FOR EACH ROW WHEN (NEW.search = '') EXECUTE FUNCTION asset_search_fill();
CREATE TRIGGER asset_search_update BEFORE UPDATE OF tag, name, serial, model_id, notes ON asset
  FOR EACH ROW WHEN (NEW.search IS NOT DISTINCT FROM OLD.search) EXECUTE FUNCTION asset_search_fill();
