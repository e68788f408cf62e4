package org.vigil.core.bench;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The short form of a flight recording's profile, for a README: per thread (numbered threads of one kind together),
 * the share of its CPU samples (Java and native) whose innermost vigil, OpenCV or JDK method is each method, the top
 * few per thread.
 *
 * <p>usage: JfrTop RECORDING.jfr [METHODS_PER_THREAD]
 */
public final class JfrTop {
    private JfrTop() {
    }

    public static void main(String[] args) throws Exception {
        int top = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Map<String, Map<String, Integer>> byThread = new HashMap<>();
        Map<String, Integer> totals = new HashMap<>();
        for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
            String type = event.getEventType().getName();
            if (!type.equals("jdk.ExecutionSample") && !type.equals("jdk.NativeMethodSample")) {
                continue;
            }
            RecordedStackTrace stack = event.getStackTrace();
            if (stack == null || stack.getFrames().isEmpty()) {
                continue;
            }
            String thread = event.getThread("sampledThread") == null ? "?" : event.getThread("sampledThread").getJavaName();
            thread = thread == null ? "?" : thread.replaceAll("-\\d+$", "-N");
            String method = frame(stack.getFrames());
            byThread.computeIfAbsent(thread, t -> new HashMap<>()).merge(method, 1, Integer::sum);
            totals.merge(thread, 1, Integer::sum);
        }
        System.out.println("| thread | samples | innermost method | share of the thread's samples |");
        System.out.println("|---|---:|---|---:|");
        totals.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).forEach(t -> {
            boolean first = true;
            for (Map.Entry<String, Integer> m : byThread.get(t.getKey()).entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top).toList()) {
                System.out.printf(Locale.ROOT, "| %s | %s | `%s` | %.0f%% |%n", first ? t.getKey() : "",
                        first ? Integer.toString(t.getValue()) : "", m.getKey(), 100.0 * m.getValue() / t.getValue());
                first = false;
            }
        });
    }

    /** The innermost frame, named by class and method (OpenCV's JNI entry points name the native call). */
    private static String frame(List<RecordedFrame> frames) {
        RecordedFrame inner = frames.get(0);
        String type = inner.getMethod().getType().getName();
        return type.substring(type.lastIndexOf('.') + 1) + "." + inner.getMethod().getName();
    }
}
