package io.sightline.integrations.http;

import java.time.Duration;

/** Formats durations the way people read them in a status page. */
final class Durations {

    private Durations() {
    }

    static String human(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1000) {
            return millis + " ms";
        }
        if (millis < 60_000) {
            long tenths = Math.round(millis / 100.0);
            return (tenths % 10 == 0 ? String.valueOf(tenths / 10) : (tenths / 10) + "." + (tenths % 10)) + " s";
        }
        long seconds = Math.round(millis / 1000.0);
        if (seconds < 3600) {
            return seconds % 60 == 0 ? (seconds / 60) + " min" : (seconds / 60) + " min " + (seconds % 60) + " s";
        }
        long minutes = seconds / 60;
        if (minutes < 24 * 60) {
            return minutes % 60 == 0 ? (minutes / 60) + " h" : (minutes / 60) + " h " + (minutes % 60) + " min";
        }
        long hours = minutes / 60;
        return hours % 24 == 0 ? (hours / 24) + " d" : (hours / 24) + " d " + (hours % 24) + " h";
    }
}
