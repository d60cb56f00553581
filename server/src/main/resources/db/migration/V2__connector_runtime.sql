-- Connector runtime: one checkpoint per (connector, partition), written in the same transaction
-- as the data it covers. Partition locks use the shedlock table of V1.
CREATE TABLE connector_checkpoint (
    connector        VARCHAR(64)   NOT NULL,
    partition_key    VARCHAR(255)  NOT NULL,
    checkpoint_value VARCHAR(4000) NOT NULL,
    updated_at       BIGINT        NOT NULL,
    updated_by       VARCHAR(255)  NOT NULL,
    PRIMARY KEY (connector, partition_key)
);
