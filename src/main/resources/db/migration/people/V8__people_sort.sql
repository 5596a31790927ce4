-- The default order of the people list (by name, any kind) served by an index, so the first page needs no sort of all rows.
CREATE INDEX person_name_sort_idx ON person (board_id, lower(last_name), lower(first_name), id);
