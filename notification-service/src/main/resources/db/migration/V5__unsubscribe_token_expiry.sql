-- Unsubscribe links expire (nal.unsubscribe.link-lifetime): the sweep finds the old ones by age.
create index unsubscribe_token_created on unsubscribe_token (created_at);
