package org.vigil.core.config;

import org.vigil.core.hooks.HookKind;
import org.vigil.core.schedule.ScheduleOptions;
import org.vigil.detectors.DetectorCatalog;
import org.vigil.detectors.DetectorProvider;
import org.vigil.options.OptionSpec;
import org.vigil.options.OptionTable;
import org.vigil.vloop.LoopbackOptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The configuration's documentation, made from the option tables so that it is written once: the README's
 * configuration reference, and conf/vigil.yml, the default config with every option commented at its default.
 * A test fails when either file differs from what this makes; {@code main --write ROOT} rewrites both.
 */
public final class ConfigReference {
    public static final String BEGIN = "<!-- config-reference: generated from the option tables; do not edit by hand -->";
    public static final String END = "<!-- end of config-reference -->";

    private final DetectorCatalog detectors;

    public ConfigReference(DetectorCatalog detectors) {
        this.detectors = detectors;
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2 || !args[0].equals("--write")) {
            System.err.println("usage: ConfigReference --write ROOT (rewrites ROOT/conf/vigil.yml and the reference in ROOT/README.md)");
            System.exit(2);
        }
        Path root = Path.of(args[1]);
        ConfigReference reference = new ConfigReference(DetectorCatalog.load());
        Files.writeString(root.resolve("conf/vigil.yml"), reference.defaultConfig());
        Path readme = root.resolve("README.md");
        Files.writeString(readme, reference.replaceIn(Files.readString(readme)));
    }

    /** The README with its reference section replaced by the current one. */
    public String replaceIn(String readme) {
        int begin = readme.indexOf(BEGIN);
        int end = readme.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("the README has no reference section (" + BEGIN + " ... " + END + ")");
        }
        return readme.substring(0, begin) + markdown() + readme.substring(end + END.length());
    }

    /** The reference as markdown, between its markers. */
    public String markdown() {
        StringBuilder md = new StringBuilder(BEGIN).append("\n\n");
        md.append("**Top level.** The daemon's own keys; any camera key below may stand here too, as every camera's "
                + "default (sections such as `detector:` are merged key by key; a camera naming another detector takes "
                + "none of the top level's detector options).\n\n");
        table(md, GlobalOptions.TABLE, "");
        md.append("\n**A camera** (`cameras: NAME:`; the name is letters, digits, `_` and `-`):\n\n");
        md.append("| key | values | default | meaning |\n|---|---|---|---|\n");
        md.append("| `device` | `/dev/videoN`, `/dev/v4l/by-id/...`, or `{card: NAME}` | (required) | The camera: a node, "
                + "a link that survives re-plugging, or the capture node whose card name (`vigil devices`) is NAME. |\n");
        rows(md, CameraOptions.TABLE, "");
        md.append("| `controls` | `NAME: VALUE` per control | none | V4L2 controls by v4l2-ctl's names (`vigil devices` lists "
                + "them with their ranges), set in file order each time the camera opens. |\n");
        md.append("| `detector` | a section | `name: reference` | The motion detector (`name`, see `vigil detectors`) and its "
                + "options, below. |\n");
        md.append("| `zones` | a list | none | Named areas with their own threshold, below. |\n");
        md.append("| `schedules` | a list | none | Recording and detection windows, snapshot intervals, timelapse, below "
                + "(a camera's own: not a default for all). |\n");
        md.append("| `retention` | a section | no limit | This camera's own `max-age` and `max-bytes`, below (a camera's "
                + "own: the top level's `retention:` is everyone's together). |\n");
        md.append("| `loopback` | a section | see below | Where the annotated picture goes. |\n");
        md.append("| `annotation` | a section | see below | What the annotated picture shows. |\n");
        md.append("| `events` | a section | see below | How motion becomes events, snapshots and movies. |\n");
        for (DetectorProvider provider : detectors.providers()) {
            md.append("\n**`detector:` with `name: ").append(provider.name()).append("`**: ").append(provider.description())
                    .append("\n\n");
            table(md, provider.options(), "");
        }
        md.append("\n**`loopback:`** (a v4l2loopback pipe; `vigil devices` marks the free ones):\n\n");
        table(md, LoopbackOptions.TABLE, "");
        md.append("\n**`annotation:`**\n\n");
        table(md, AnnotationOptions.TABLE, "");
        md.append("\n**`events:`**\n\n");
        table(md, EventOptions.TABLE, "");
        md.append("\n**`hooks:`** (top level only): each a command as a list of arguments, run without a shell; "
                + "see [Hooks](#hooks) for the `%` specifiers and `VIGIL_*` variables.\n\n");
        md.append("| key | when |\n|---|---|\n");
        for (HookKind kind : HookKind.values()) {
            md.append("| `").append(kind.key()).append("` | ").append(cell(kind.doc())).append(" |\n");
        }
        md.append("\n**`zones:`**, each entry:\n\n");
        md.append("| key | values | default | meaning |\n|---|---|---|---|\n");
        rows(md, ZoneOptions.TABLE, "");
        md.append("| `polygon` | `[[x, y], [x, y], [x, y], ...]` | (required) | The zone's corners in full-frame pixels, "
                + "at least three, inside the frame. |\n");
        md.append("\n**`retention:`** at the top level (every camera's files together; in a camera's section, "
                + "`max-age` and `max-bytes` only, for its own files; see [Retention](#retention)):\n\n");
        table(md, RetentionOptions.TABLE, "");
        md.append("\n**`schedules:`**, each entry (the same keys as `vigil schedule add CAMERA KEY=VALUE...`; see "
                + "[Schedules](#schedules)):\n\n");
        table(md, ScheduleOptions.TABLE, "");
        return md.append('\n').append(END).toString();
    }

    private static void table(StringBuilder md, OptionTable table, String prefix) {
        md.append("| key | values | default | meaning |\n|---|---|---|---|\n");
        rows(md, table, prefix);
    }

    private static void rows(StringBuilder md, OptionTable table, String prefix) {
        for (OptionSpec<?> spec : table.specs()) {
            md.append("| `").append(prefix).append(spec.name()).append("` | ").append(cell(spec.values())).append(" | ")
                    .append(spec.isRequired() ? "(required)" : "`" + spec.formatDefault() + "`").append(" | ")
                    .append(cell(spec.doc())).append(" |\n");
        }
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }

    /**
     * conf/vigil.yml: one camera to start from, and every other key commented out at its default with its sentence
     * of documentation, so that uncommenting a line is all a change takes.
     */
    public String defaultConfig() {
        StringBuilder yml = new StringBuilder();
        yml.append("""
                # vigil's configuration (YAML). Every key is shown at its default, commented out: uncomment a line to
                # change it. `vigil check-config -c FILE` checks a file without opening anything; `vigil devices`
                # lists the cameras and pipes; `vigil detectors` the detectors and their options. Relative mask paths
                # are taken from this file's directory. SIGHUP (systemctl reload vigil) applies a changed file.
                #
                # The daemon's own keys:
                """);
        commented(yml, GlobalOptions.TABLE, "");
        yml.append("# What is kept (README: Retention), every camera's files together:\n#retention:\n");
        commented(yml, RetentionOptions.TABLE, "#  ");
        yml.append("""
                # Programs told of events, each a list of arguments run without a shell (README: Hooks):
                #hooks:
                #  on-event-end: [/usr/local/bin/notify, --camera, "%t", --event, "%v", --movie, "%f"]
                #
                # Any camera key may stand here at the top level as every camera's default, e.g.
                #   fps: 10
                #   detector:
                #     threshold: 0.002

                cameras:
                  # One section per camera; its name (letters, digits, '_', '-') names its log lines.
                  camera:
                    # The camera: /dev/videoN, a /dev/v4l/by-id/... link (survives re-plugging), or {card: NAME}.
                    device: /dev/video0
                """);
        commented(yml, CameraOptions.TABLE, "    ");
        yml.append("""
                    # V4L2 controls by v4l2-ctl's names, set in this order when the camera opens (`vigil devices` lists them):
                    #controls:
                    #  brightness: 128
                    #  power_line_frequency: 1
                    # The motion detector and its options (`vigil detectors` lists every detector's):
                    #detector:
                    #  name: reference
                """);
        commented(yml, detectors.provider("reference").options(), "    #  ");
        yml.append("""
                    # Named areas with their own threshold; a zone that fires makes the frame a motion frame:
                    #zones:
                    #  - name: gate
                    #    polygon: [[400, 300], [640, 300], [640, 480], [400, 480]]
                """);
        yml.append("    #    threshold: ").append(ZoneOptions.THRESHOLD.formatDefault()).append('\n');
        yml.append("""
                    # Windows and intervals (README: Schedules); `vigil schedule next` shows what comes:
                    #schedules:
                    #  - kind: record
                    #    days: mon-fri
                    #    from: "07:30"
                    #    to: "08:15"
                    #  - kind: detect
                    #    from: "22:00"
                    #    to: "06:00"
                    #    except: [2026-12-24, 2026-12-25]
                    #  - kind: snapshot
                    #    every: 10m
                """);
        yml.append("    # Where the annotated picture goes (a v4l2loopback pipe; `vigil devices` marks the free ones):\n");
        yml.append("    #loopback:\n");
        commented(yml, LoopbackOptions.TABLE, "    #  ");
        yml.append("    # What the annotated picture shows:\n");
        yml.append("    #annotation:\n");
        commented(yml, AnnotationOptions.TABLE, "    #  ");
        yml.append("    # How motion becomes events, snapshots and movies:\n");
        yml.append("    #events:\n");
        commented(yml, EventOptions.TABLE, "    #  ");
        return yml.toString();
    }

    /** Each option as "# doc" then "#name: default", under the indent (which may itself start a comment). */
    private static void commented(StringBuilder yml, OptionTable table, String indent) {
        boolean inSection = indent.endsWith("#  ");
        String docIndent = inSection ? indent.substring(0, indent.length() - 3) + "#   " : indent + "# ";
        for (OptionSpec<?> spec : table.specs()) {
            for (String line : wrap(spec.doc() + " (" + spec.values() + ")", 100)) {
                yml.append(docIndent).append(line).append('\n');
            }
            yml.append(inSection ? indent : indent + "#").append(spec.name()).append(": ").append(yamlValue(spec))
                    .append('\n');
        }
    }

    /** The default as YAML writes it: quoted when it would otherwise not read back as the same text. */
    private static String yamlValue(OptionSpec<?> spec) {
        String text = spec.formatDefault();
        return text.matches("[A-Za-z0-9_./:-]+") ? text : "\"" + text + "\"";
    }

    private static List<String> wrap(String text, int width) {
        java.util.ArrayList<String> lines = new java.util.ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() == 0 ? "" : " ").append(word);
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }
}
