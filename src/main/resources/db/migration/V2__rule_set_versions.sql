-- Every version of every partner's effective rule set, as first seen at start-up. Delivered
-- signals carry (rule_set_id, rule_set_version); this table gives municipalities the criteria.
CREATE TABLE rule_set_versions (
    rule_set_id   VARCHAR(100)  NOT NULL,
    version       VARCHAR(20)   NOT NULL,
    parameters    VARCHAR(4000) NOT NULL,
    first_seen_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (rule_set_id, version)
);
