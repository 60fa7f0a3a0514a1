-- Profile pictures are uploaded and stored by the service (ADR 46): the account refers to the
-- current upload's objects (avatars/<account id>/<avatar id>-<size>) by the upload's id. A URL
-- to a picture elsewhere is no longer kept: it let any host learn who looked at a profile.
alter table account drop column avatar_url;
alter table account add column avatar_id uuid;
