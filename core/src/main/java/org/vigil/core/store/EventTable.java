package org.vigil.core.store;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Events as `vigil events` prints them: a table for people, JSON lines for programs. */
public final class EventTable {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

    private EventTable() {
    }

    public static void table(List<StoredEvent> events, ZoneId zone, PrintWriter out) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[]{"ID", "START", "DURATION", "CAMERA", "PEAK", "ZONES", "ENDED", "FILES"});
        for (StoredEvent e : events) {
            rows.add(new String[]{String.valueOf(e.id()), LOCAL.format(e.start().atZone(zone)), duration(e),
                    e.camera(), String.format(Locale.ROOT, "%.1f%%", e.facts().peakChanged() * 100),
                    e.facts().zones().isEmpty() ? "-" : String.join(",", e.facts().zones()),
                    e.reason().map(r -> r.word()).orElse("running"), files(e)});
        }
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(i == 0 ? "" : "  ").append(i == row.length - 1 ? row[i]
                        : String.format("%-" + widths[i] + "s", row[i]));
            }
            out.println(line.toString().stripTrailing());
        }
        out.println(events.size() + " event" + (events.size() == 1 ? "" : "s"));
    }

    public static void show(StoredEvent e, ZoneId zone, PrintWriter out) {
        out.println("event " + e.id() + " of camera " + e.camera());
        out.println("  start       " + LOCAL.format(e.start().atZone(zone)) + " (" + e.start() + ")");
        out.println("  end         " + e.end().map(t -> LOCAL.format(t.atZone(zone)) + " (" + t + ")").orElse("running")
                + e.reason().map(r -> ", " + r.word()).orElse(""));
        out.println("  duration    " + duration(e));
        out.println(String.format(Locale.ROOT, "  peak        %.2f%% changed", e.facts().peakChanged() * 100));
        out.println("  box         " + e.facts().box().map(b -> b.width() + "x" + b.height() + " at " + b.x() + "," + b.y())
                .orElse("-"));
        out.println("  motion      " + e.facts().motionFrames() + " detections");
        out.println("  zones       " + (e.facts().zones().isEmpty() ? "-" : String.join(", ", e.facts().zones())));
        out.println("  dropped     " + e.facts().framesDropped() + " recorded frames");
        for (StoredEvent.StoredFile f : e.files()) {
            out.println("  " + String.format("%-11s", f.kind().word()) + " " + f.path() + " ("
                    + f.bytes().map(b -> b + " bytes").orElse("size unknown") + (f.complete() ? "" : ", partial")
                    + f.deleted().map(d -> ", deleted " + d).orElse("") + ")");
        }
    }

    public static void json(List<StoredEvent> events, PrintWriter out) {
        for (StoredEvent e : events) {
            StringBuilder j = new StringBuilder("{");
            j.append("\"id\":").append(e.id());
            j.append(",\"camera\":").append(JsonText.string(e.camera()));
            j.append(",\"start\":").append(JsonText.string(e.start().toString()));
            j.append(",\"end\":").append(e.end().map(t -> JsonText.string(t.toString())).orElse("null"));
            j.append(",\"end_reason\":").append(e.reason().map(r -> JsonText.string(r.word())).orElse("null"));
            j.append(",\"peak_changed\":").append(e.facts().peakChanged());
            j.append(",\"motion_frames\":").append(e.facts().motionFrames());
            j.append(",\"zones\":").append(JsonText.array(e.facts().zones()));
            j.append(",\"frames_dropped\":").append(e.facts().framesDropped());
            j.append(",\"snapshot\":").append(e.snapshot().map(JsonText::string).orElse("null"));
            j.append(",\"movie\":").append(e.movie().map(JsonText::string).orElse("null"));
            out.println(j.append('}'));
        }
    }

    private static String duration(StoredEvent e) {
        Instant end = e.end().orElse(e.lastUpdate());
        Duration d = Duration.between(e.start(), end);
        long s = Math.max(0, d.toSeconds());
        return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm%02ds", s / 3600, s / 60 % 60, s % 60)
                : s >= 60 ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60)
                : String.format(Locale.ROOT, "%.1fs", d.toMillis() / 1000.0);
    }

    private static String files(StoredEvent e) {
        List<String> names = new ArrayList<>();
        e.snapshot().ifPresent(s -> names.add(java.nio.file.Path.of(s).getFileName().toString()));
        e.movie().ifPresent(m -> names.add(java.nio.file.Path.of(m).getFileName().toString()));
        return names.isEmpty() ? "-" : String.join(" ", names);
    }
}
