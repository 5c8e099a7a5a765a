package fr.novaevo.workstation.ocr.supervision;

import java.time.Duration;

/** The history's spans, each cut into at most a few hundred points (enough for a chart, light to draw). */
public enum HistoryRange {
    LAST_24_HOURS(Duration.ofHours(24), Duration.ofMinutes(5)),
    LAST_7_DAYS(Duration.ofDays(7), Duration.ofMinutes(30)),
    LAST_30_DAYS(Duration.ofDays(30), Duration.ofHours(2));

    private final Duration span;
    private final Duration bucket;

    HistoryRange(Duration span, Duration bucket) {
        this.span = span;
        this.bucket = bucket;
    }

    public Duration span() {
        return span;
    }

    /** The time one point of the history covers. */
    public Duration bucket() {
        return bucket;
    }
}
