-- Axon Framework's JPA tables, owned by Flyway (Hibernate runs with ddl-auto=validate).
-- Binary columns are bytea, not oid large objects: the dialect in web's infra package maps
-- Axon's @Lob byte[] to bytea, so payloads stay readable JSON (convert_from(payload, 'UTF8')).

create sequence if not exists domain_event_entry_seq start with 1 increment by 1;
create sequence if not exists association_value_entry_seq start with 1 increment by 1;

create table if not exists domain_event_entry (
    global_index         bigint       not null primary key,
    event_identifier     varchar(255) not null unique,
    meta_data            bytea,
    payload              bytea        not null,
    payload_revision     varchar(255),
    payload_type         varchar(255) not null,
    time_stamp           varchar(255) not null,
    aggregate_identifier varchar(255) not null,
    sequence_number      bigint       not null,
    type                 varchar(255),
    -- This constraint is what makes a run's seq gapless and duplicate-free under concurrency.
    constraint uk_domain_event_aggregate_seq unique (aggregate_identifier, sequence_number)
);

create table if not exists snapshot_event_entry (
    aggregate_identifier varchar(255) not null,
    sequence_number      bigint       not null,
    type                 varchar(255) not null,
    event_identifier     varchar(255) not null unique,
    meta_data            bytea,
    payload              bytea        not null,
    payload_revision     varchar(255),
    payload_type         varchar(255) not null,
    time_stamp           varchar(255) not null,
    primary key (aggregate_identifier, sequence_number, type)
);

create table if not exists token_entry (
    processor_name varchar(255) not null,
    segment        integer      not null,
    owner          varchar(255),
    timestamp      varchar(255) not null,
    token          bytea,
    token_type     varchar(255),
    primary key (processor_name, segment)
);

create table if not exists saga_entry (
    saga_id         varchar(255) not null primary key,
    revision        varchar(255),
    saga_type       varchar(255),
    serialized_saga bytea
);

create table if not exists association_value_entry (
    id                bigint       not null primary key,
    association_key   varchar(255) not null,
    association_value varchar(255),
    saga_id           varchar(255) not null,
    saga_type         varchar(255)
);
create index if not exists ix_association_value_saga on association_value_entry (saga_id, saga_type);
create index if not exists ix_association_value_key on association_value_entry (saga_type, association_key, association_value);

create table if not exists dead_letter_entry (
    dead_letter_id       varchar(255) not null primary key,
    cause_message        varchar(1023),
    cause_type           varchar(255),
    diagnostics          bytea,
    enqueued_at          timestamp(6) with time zone not null,
    last_touched         timestamp(6) with time zone,
    aggregate_identifier varchar(255),
    event_identifier     varchar(255) not null,
    message_type         varchar(255) not null,
    meta_data            bytea,
    payload              bytea        not null,
    payload_revision     varchar(255),
    payload_type         varchar(255) not null,
    sequence_number      bigint,
    time_stamp           varchar(255) not null,
    token                bytea,
    token_type           varchar(255),
    type                 varchar(255),
    processing_group     varchar(255) not null,
    processing_started   timestamp(6) with time zone,
    sequence_identifier  varchar(255) not null,
    sequence_index       bigint       not null,
    constraint uk_dead_letter_sequence unique (processing_group, sequence_identifier, sequence_index)
);
create index if not exists ix_dead_letter_group on dead_letter_entry (processing_group);
