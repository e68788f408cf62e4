package org.vigil.core.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The pauses of a -Xlog:gc file ("[61.234s] GC(7) Pause Young (Normal) (G1 Evacuation Pause) 12M->4M(20M) 2.345ms"). */
final class GcPauses {
    private static final Pattern PAUSE = Pattern.compile("^\\[(\\d+\\.\\d+)s\\].*Pause (.*) (\\d+)M->(\\d+)M\\((\\d+)M\\) (\\d+\\.\\d+)ms$");

    private GcPauses() {
    }

    /** Count, longest and mean of the pauses after {@code fromSecond}, the ones System.gc() asked for apart. */
    static String summary(Path log, double fromSecond) throws IOException {
        int count = 0;
        double longest = 0;
        double sum = 0;
        int forced = 0;
        double forcedLongest = 0;
        for (String line : Files.readAllLines(log)) {
            Matcher m = PAUSE.matcher(line);
            if (!m.find() || Double.parseDouble(m.group(1)) < fromSecond) {
                continue;
            }
            double ms = Double.parseDouble(m.group(6));
            if (m.group(2).contains("System.gc()")) {
                forced++;
                forcedLongest = Math.max(forcedLongest, ms);
            } else {
                count++;
                longest = Math.max(longest, ms);
                sum += ms;
            }
        }
        return String.format(Locale.ROOT, "GC pauses over the measured minutes (the forced ones apart): %d, longest %.2f ms, "
                + "mean %.2f ms; the %d forced full collections took up to %.1f ms", count, longest,
                count == 0 ? 0 : sum / count, forced, forcedLongest);
    }
}
