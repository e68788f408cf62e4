package org.vigil.core.hooks;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One hook to run and what it is told: the fields behind the {@code %} specifiers of its arguments and its
 * {@code VIGIL_*} environment. Each argument stays one argument whatever a field holds (quotes, {@code ;},
 * {@code $(...)}, newlines): nothing is ever given to a shell.
 */
public record HookCall(HookKind kind, String camera, Optional<Long> eventId, Optional<Path> file, Instant time,
                       Optional<String> reason, List<String> zones) {
    public HookCall {
        zones = List.copyOf(zones);
    }

    /**
     * The arguments with their specifiers replaced: %v event id, %t camera, %f file, %Y %m %d %H %M %S the time
     * (local), %% a percent sign. An unknown specifier stays as written.
     */
    public List<String> arguments(List<String> template, ZoneId zone) {
        ZonedDateTime local = time.atZone(zone);
        List<String> out = new ArrayList<>(template.size());
        for (String arg : template) {
            StringBuilder s = new StringBuilder(arg.length());
            for (int i = 0; i < arg.length(); i++) {
                char c = arg.charAt(i);
                if (c != '%' || i + 1 == arg.length()) {
                    s.append(c);
                    continue;
                }
                char spec = arg.charAt(++i);
                switch (spec) {
                    case 'v' -> s.append(eventId.map(String::valueOf).orElse(""));
                    case 't' -> s.append(camera);
                    case 'f' -> s.append(file.map(Path::toString).orElse(""));
                    case 'Y' -> s.append(String.format("%04d", local.getYear()));
                    case 'm' -> s.append(String.format("%02d", local.getMonthValue()));
                    case 'd' -> s.append(String.format("%02d", local.getDayOfMonth()));
                    case 'H' -> s.append(String.format("%02d", local.getHour()));
                    case 'M' -> s.append(String.format("%02d", local.getMinute()));
                    case 'S' -> s.append(String.format("%02d", local.getSecond()));
                    case '%' -> s.append('%');
                    default -> s.append('%').append(spec);
                }
            }
            out.add(s.toString());
        }
        return out;
    }

    /** The environment variables the hook gets besides vigil's own environment. */
    public Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("VIGIL_HOOK", kind.key());
        env.put("VIGIL_CAMERA", camera);
        env.put("VIGIL_EVENT_ID", eventId.map(String::valueOf).orElse(""));
        env.put("VIGIL_FILE", file.map(Path::toString).orElse(""));
        env.put("VIGIL_TIME", time.toString());
        env.put("VIGIL_REASON", reason.orElse(""));
        env.put("VIGIL_ZONES", String.join(",", zones));
        return env;
    }
}
