-- +goose Up
-- Messages on one contract thread within a few minutes make one notice
-- (issue 25: 50 messages sent 50 notices and 50 mails); repeats counts them.
ALTER TABLE notifications ADD COLUMN repeats integer NOT NULL DEFAULT 1;

-- +goose Down
ALTER TABLE notifications DROP COLUMN repeats;
