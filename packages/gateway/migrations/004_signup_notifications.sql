-- The association hears of each signup: one row per channel (mail, webhook), written in the same statement as the
-- signup, so that a notice can be late but never lost; sent, or tried again later, by the gateway's notifier.
CREATE TABLE signup_notifications (
  signup_id   text NOT NULL REFERENCES signups (id) ON DELETE CASCADE,
  channel     text NOT NULL,
  attempts    integer NOT NULL DEFAULT 0,
  next_at     timestamptz NOT NULL DEFAULT now(),
  sent_at     timestamptz,
  -- What went wrong last: the transport's words, never the signup's content.
  last_error  text,
  PRIMARY KEY (signup_id, channel)
);
CREATE INDEX signup_notifications_due ON signup_notifications (next_at) WHERE sent_at IS NULL;
