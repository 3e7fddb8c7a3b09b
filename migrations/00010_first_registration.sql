-- Market v2: an artist's package is listed once, and an artist uploads the same audio once.
--
-- track_metadata.audio_sha256 is the sha256 of the plain audio an upload carried ('' for rows written
-- before it was recorded). One uploader cannot have two packages of the same audio: otherwise an
-- artist could upload their track again, register the new package without its collaborators and
-- sell it beside the first. (The contract refuses a second registration of the same package by the
-- same artist; a new upload is a new package, hence this rule.)

-- +goose Up
ALTER TABLE track_metadata ADD COLUMN audio_sha256 TEXT NOT NULL DEFAULT '';
CREATE UNIQUE INDEX track_metadata_audio ON track_metadata (uploader, audio_sha256) WHERE audio_sha256 <> '';

-- +goose Down
DROP INDEX track_metadata_audio;
ALTER TABLE track_metadata DROP COLUMN audio_sha256;
