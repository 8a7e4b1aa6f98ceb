-- A checkout's way back: HelloAsso returns the donor to the gateway (by a reference of its own, in the return
-- addresses it gave), which notes how the payment ended and sends the donor on to the page they came from.
ALTER TABLE donation_checkouts ADD COLUMN reference text;
ALTER TABLE donation_checkouts ADD COLUMN page_url text;
-- What the gateway learnt besides HelloAsso's checkout lookup: 'abandoned' (back from the payment page),
-- 'refused' (sent to errorUrl, or a refusal notified), 'confirmed' (a payment notified as authorized).
ALTER TABLE donation_checkouts ADD COLUMN outcome text;
ALTER TABLE donation_checkouts ADD COLUMN updated_at timestamptz;
CREATE UNIQUE INDEX donation_checkouts_reference ON donation_checkouts (reference);
