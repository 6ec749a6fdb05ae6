-- Accounts an admin manages: who is an admin (the initial account), and which accounts are
-- disabled (cannot log in; their tokens are refused). Numbered 6.5 so that a V6 written in
-- parallel elsewhere does not collide with it.
ALTER TABLE facilitator_account ADD COLUMN is_admin BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE facilitator_account ADD COLUMN disabled BOOLEAN DEFAULT FALSE NOT NULL;
