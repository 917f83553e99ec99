-- Jobs and their checkpoints. Portable SQL for H2 (PostgreSQL mode) and PostgreSQL.

-- A job row is also its queue entry: workers claim rows whose status is queued (or running
-- and unclaimed, after a resume or when the claiming process died and its lease ran out).
-- claimed_by names the server process that runs the job; lease_until is renewed while it does.
-- state_json is the runtime's state as of the last checkpoint, so a job can resume from it.
-- application_id is not a foreign key: finished jobs stay readable after their application is
-- deleted (deletion is refused while a job is queued, running or paused).
CREATE TABLE jobs (
    id                   VARCHAR(24)   PRIMARY KEY,
    organization_id      VARCHAR(24)   NOT NULL REFERENCES organizations (id),
    application_id       VARCHAR(24)   NOT NULL,
    expert_key           VARCHAR(768)  NOT NULL,
    resolved_expert_key  VARCHAR(768)  NOT NULL,
    definition_json      TEXT          NOT NULL,
    status               VARCHAR(32)   NOT NULL,
    query                TEXT,
    files_json           TEXT          NOT NULL,
    provider             VARCHAR(32)   NOT NULL,
    model                VARCHAR(255),
    reasoning_budget     VARCHAR(16)   NOT NULL,
    max_steps            INTEGER       NOT NULL,
    max_retries          INTEGER       NOT NULL,
    total_steps          INTEGER       NOT NULL,
    input_tokens         BIGINT        NOT NULL,
    output_tokens        BIGINT        NOT NULL,
    reasoning_tokens     BIGINT        NOT NULL,
    cached_input_tokens  BIGINT        NOT NULL,
    result               TEXT,
    error_name           VARCHAR(255),
    error_message        TEXT,
    error_retryable      BOOLEAN,
    state_json           TEXT          NOT NULL,
    last_sequence        INTEGER       NOT NULL,
    claimed_by           VARCHAR(64),
    lease_until          TIMESTAMP WITH TIME ZONE,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at           TIMESTAMP WITH TIME ZONE,
    finished_at          TIMESTAMP WITH TIME ZONE,
    updated_at           TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX jobs_organization_created ON jobs (organization_id, created_at);
CREATE INDEX jobs_organization_application ON jobs (organization_id, application_id, status);
CREATE INDEX jobs_queue ON jobs (status, created_at);

-- One row per step. The checkpoint is stored as the JSON the API returns, so the stream
-- sends it without re-rendering. (job_id, sequence) is unique: a step is never written twice.
CREATE TABLE checkpoints (
    id          VARCHAR(24) PRIMARY KEY,
    job_id      VARCHAR(24) NOT NULL REFERENCES jobs (id),
    sequence    INTEGER     NOT NULL,
    body_json   TEXT        NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT checkpoints_job_sequence_unique UNIQUE (job_id, sequence)
);
