-- Portable SQL: the same file runs on H2 (PostgreSQL mode) and on PostgreSQL.
-- Timestamps are UTC instants; identifiers are 24-character cuid2-style strings.

CREATE TABLE organizations (
    id          VARCHAR(24)  PRIMARY KEY,
    name        VARCHAR(255) NOT NULL UNIQUE,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Only the SHA-256 of a key is stored.
CREATE TABLE api_keys (
    id               VARCHAR(24) PRIMARY KEY,
    organization_id  VARCHAR(24) NOT NULL REFERENCES organizations (id),
    key_hash         VARCHAR(64) NOT NULL UNIQUE,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE applications (
    id                    VARCHAR(24)  PRIMARY KEY,
    organization_id       VARCHAR(24)  NOT NULL REFERENCES organizations (id),
    name                  VARCHAR(255) NOT NULL,
    status                VARCHAR(16)  NOT NULL,
    application_group_id  VARCHAR(255),
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT applications_name_unique UNIQUE (organization_id, name)
);

-- Secrets and variables share one namespace per organization: one table, one key.
-- A secret keeps only its AES-256-GCM ciphertext (nonce || ciphertext || tag).
CREATE TABLE env_entries (
    organization_id  VARCHAR(24)  NOT NULL REFERENCES organizations (id),
    name             VARCHAR(255) NOT NULL,
    kind             VARCHAR(16)  NOT NULL,
    plain_value      TEXT,
    sealed_value     BYTEA,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (organization_id, name)
);

CREATE TABLE expert_scopes (
    id               VARCHAR(24)   PRIMARY KEY,
    organization_id  VARCHAR(24)   NOT NULL REFERENCES organizations (id),
    scope_name       VARCHAR(600)  NOT NULL UNIQUE,
    description      VARCHAR(2048),
    category         VARCHAR(32)   NOT NULL,
    visibility       VARCHAR(16)   NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL
);

-- A draft names its application; the reference is kept as history and is not a
-- foreign key, so deleting an application does not destroy expert drafts.
CREATE TABLE expert_drafts (
    id              VARCHAR(24) PRIMARY KEY,
    scope_id        VARCHAR(24) NOT NULL REFERENCES expert_scopes (id),
    application_id  VARCHAR(24) NOT NULL,
    experts_json    TEXT        NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX expert_drafts_scope ON expert_drafts (scope_id, created_at);

-- Versions are write-once: rows are inserted and only ever flagged as yanked.
CREATE TABLE expert_versions (
    scope_id      VARCHAR(24)  NOT NULL REFERENCES expert_scopes (id),
    version       VARCHAR(255) NOT NULL,
    experts_json  TEXT         NOT NULL,
    yanked        BOOLEAN      NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (scope_id, version)
);

CREATE TABLE expert_tags (
    scope_id     VARCHAR(24)  NOT NULL REFERENCES expert_scopes (id),
    tag          VARCHAR(128) NOT NULL,
    version      VARCHAR(255) NOT NULL,
    assigned_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (scope_id, tag),
    FOREIGN KEY (scope_id, version) REFERENCES expert_versions (scope_id, version)
);

-- Responses kept for Idempotency-Key replays. status is NULL while the first request
-- with the key is still being processed.
CREATE TABLE idempotency_records (
    organization_id  VARCHAR(24)  NOT NULL REFERENCES organizations (id),
    idempotency_key  VARCHAR(255) NOT NULL,
    fingerprint      VARCHAR(64)  NOT NULL,
    status           INTEGER,
    response_body    TEXT,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (organization_id, idempotency_key)
);
