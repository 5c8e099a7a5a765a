-- Breaks in a recording: the adapter was lost after sample AFTER_SEQ and the recording went on after the
-- automatic reconnection (the first sample after the break tells when it resumed; none: it never did).

CREATE TABLE OBD.RECORDING_GAP (
    RECORDING_ID  BIGINT NOT NULL REFERENCES OBD.RECORDING (ID) ON DELETE CASCADE,
    AFTER_SEQ     BIGINT NOT NULL,
    LOST_AT       TIMESTAMP WITH TIME ZONE NOT NULL,
    -- The reason code shown to the user ("OBD-LINK-LOST").
    REASON        CHARACTER VARYING(300) NOT NULL
);
CREATE INDEX OBD.RECORDING_GAP_BY_RECORDING ON OBD.RECORDING_GAP (RECORDING_ID, AFTER_SEQ);
