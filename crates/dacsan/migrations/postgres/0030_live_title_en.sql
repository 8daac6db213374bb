-- A live session's title for English pages (issue 16: the session page is in
-- Vietnamese and English); empty: the Vietnamese title.
ALTER TABLE live_sessions ADD COLUMN title_en TEXT NOT NULL DEFAULT '';
