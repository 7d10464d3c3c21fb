-- A meeting's owner is the first non-blank user id an event names: until then it is unknown (NULL), never blank.
ALTER TABLE meeting ALTER COLUMN user_id DROP NOT NULL;
UPDATE meeting SET user_id = NULL WHERE btrim(user_id) = '';
