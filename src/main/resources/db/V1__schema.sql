-- ntfybar message store, schema version 1. Credentials never go in here: subscriptions hold a reference only.

CREATE TABLE server (
    id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
    base_url            VARCHAR(2048) NOT NULL UNIQUE,
    keepalive_seconds   INT,                 -- NULL: learn from the keepalives seen (default 45)
    credentials_ref     VARCHAR(512)         -- key into the OS keychain, never the secret itself
);

CREATE TABLE subscription (
    id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
    server_id           BIGINT NOT NULL REFERENCES server(id) ON DELETE CASCADE,
    topic               VARCHAR(64) NOT NULL,
    display_name        VARCHAR(512),
    icon_url            VARCHAR(2048),
    min_priority        INT NOT NULL DEFAULT 0,      -- 0: the global setting applies
    muted_until         BIGINT NOT NULL DEFAULT 0,   -- epoch seconds; -1: until resumed
    auto_delete_seconds BIGINT NOT NULL DEFAULT 0,   -- 0: the global retention applies
    initial_fetch_done  BOOLEAN NOT NULL DEFAULT FALSE,
    last_message_id     VARCHAR(64),
    created_at          BIGINT NOT NULL,
    UNIQUE (server_id, topic)
);

CREATE TABLE message (
    row_id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    subscription_id     BIGINT NOT NULL REFERENCES subscription(id) ON DELETE CASCADE,
    id                  VARCHAR(64) NOT NULL,
    time                BIGINT NOT NULL,
    expires             BIGINT,
    topic               VARCHAR(64) NOT NULL,
    title               CHARACTER LARGE OBJECT,
    body                CHARACTER LARGE OBJECT,
    priority            INT NOT NULL,
    tags                CHARACTER LARGE OBJECT,  -- JSON array
    click               VARCHAR(8192),
    icon                VARCHAR(8192),
    actions             CHARACTER LARGE OBJECT,  -- JSON array, as on the wire
    attachment          CHARACTER LARGE OBJECT,  -- JSON object, as on the wire
    content_type        VARCHAR(255),
    encoding            VARCHAR(64),
    sequence_id         VARCHAR(255) NOT NULL,   -- the message id when the server sent none
    received_at         BIGINT NOT NULL,
    is_read             BOOLEAN NOT NULL DEFAULT FALSE,
    is_deleted          BOOLEAN NOT NULL DEFAULT FALSE,  -- message_delete, or deleted by the user
    superseded          BOOLEAN NOT NULL DEFAULT FALSE,  -- a newer revision with the same sequence id exists
    dispatched          BOOLEAN NOT NULL DEFAULT FALSE,  -- outbox: FALSE until the dispatcher has handled it
    search_text         CHARACTER LARGE OBJECT,  -- lower-cased title, body and tags, for search
    UNIQUE (subscription_id, id)
);

CREATE INDEX message_by_time ON message (subscription_id, time DESC, row_id DESC);
CREATE INDEX message_by_sequence ON message (subscription_id, sequence_id);
CREATE INDEX message_undispatched ON message (dispatched);

CREATE TABLE attachment_download (
    message_row_id      BIGINT PRIMARY KEY REFERENCES message(row_id) ON DELETE CASCADE,
    local_path          VARCHAR(4096) NOT NULL,
    size                BIGINT,
    downloaded_at       BIGINT NOT NULL
);
