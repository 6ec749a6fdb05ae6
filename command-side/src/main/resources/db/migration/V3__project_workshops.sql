-- Which workshops use a project's capability model, so an edit of the model reaches them all in
-- the unit of work that makes it. Written with the workshop's first event.
CREATE TABLE project_workshop (
    project_id  VARCHAR(64) NOT NULL,
    workshop_id VARCHAR(64) NOT NULL PRIMARY KEY
);
