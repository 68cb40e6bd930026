-- Appeal workflow (接诉即办): source ids for idempotent imports, admin areas,
-- departments of a (joint) case, SLA deadlines and the milestones the three rates read.
ALTER TABLE appeals ADD COLUMN external_id text;
CREATE UNIQUE INDEX appeals_external_id_idx ON appeals (external_id);
ALTER TABLE appeals ADD COLUMN district text;
ALTER TABLE appeals ADD COLUMN street text;
ALTER TABLE appeals ADD COLUMN community text;
ALTER TABLE appeals ADD COLUMN departments text[] NOT NULL DEFAULT '{}';
ALTER TABLE appeals ADD COLUMN duplicate_of text REFERENCES appeals (id);
ALTER TABLE appeals ADD COLUMN response_due timestamptz;
ALTER TABLE appeals ADD COLUMN resolution_due timestamptz;
ALTER TABLE appeals ADD COLUMN dispatched_at timestamptz;
-- First response: the response rate judges the first answer, even after a reopen.
ALTER TABLE appeals ADD COLUMN responded_at timestamptz;
-- resolved | unresolvable, cleared when the appeal is reopened.
ALTER TABLE appeals ADD COLUMN outcome text;
ALTER TABLE appeals ADD COLUMN outcome_at timestamptz;
ALTER TABLE appeals ADD COLUMN rating text;
ALTER TABLE appeals ADD COLUMN rated_at timestamptz;
ALTER TABLE appeals ADD COLUMN closed_at timestamptz;
ALTER TABLE appeals ADD COLUMN reopen_count integer NOT NULL DEFAULT 0;
CREATE INDEX appeals_street_idx ON appeals (street, received_at);
CREATE INDEX appeals_district_idx ON appeals (district, received_at);
CREATE INDEX appeals_status_idx ON appeals (status);
