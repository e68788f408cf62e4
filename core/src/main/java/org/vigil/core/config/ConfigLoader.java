package org.vigil.core.config;

import org.vigil.core.retention.Budget;
import org.vigil.core.retention.RetentionPolicy;

import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.vigil.core.hooks.HookKind;
import org.vigil.detectors.DetectorCatalog;
import org.vigil.options.OptionValues;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a config file onto immutable records, collecting every problem with its line, column and key path instead of
 * stopping at the first (Frigate's config validation reports each error with key, line and value). Opens no device
 * and writes nothing: `check-config` and every start and reload go through here before anything is touched.
 * <p>
 * The file: the daemon's own keys ({@link GlobalOptions}), any camera key as every camera's default, and
 * {@code cameras:}, a section per camera ({@link CameraSectionReader}).
 */
public final class ConfigLoader {
    private final DetectorCatalog detectors;

    public ConfigLoader(DetectorCatalog detectors) {
        this.detectors = detectors;
    }

    /**
     * What reading a file gave: the configuration when nothing is wrong, every problem otherwise, and notes that do
     * not stop it (a device not plugged in yet).
     */
    public record Result(Optional<VigilConfig> config, List<ConfigProblem> problems, List<ConfigProblem> notes) {
    }

    /** Reads and checks a file; never throws for anything in or about the file. */
    public Result check(Path file) {
        Problems problems = new Problems(file);
        Optional<Node> root = parse(file, problems);
        if (root.isEmpty()) {
            if (problems.isEmpty()) {
                problems.at(1, 1, "", "the file is empty: it needs a cameras: section with at least one camera "
                        + "(conf/vigil.yml shows every key)");
            }
            return new Result(Optional.empty(), problems.sorted(), problems.notes());
        }
        Optional<VigilConfig> config = read(file, root.get(), problems);
        return problems.isEmpty() ? new Result(config, List.of(), problems.notes())
                : new Result(Optional.empty(), problems.sorted(), problems.notes());
    }

    /** Reads a file, or throws with every problem in it. */
    public VigilConfig load(Path file) throws ConfigException {
        Result result = check(file);
        if (result.config().isEmpty()) {
            throw new ConfigException(result.problems());
        }
        return result.config().get();
    }

    private static Optional<Node> parse(Path file, Problems problems) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (NoSuchFileException e) {
            problems.at(0, 0, "", "no such file: write one (conf/vigil.yml is the documented default) or pass -c FILE");
            return Optional.empty();
        } catch (AccessDeniedException e) {
            problems.at(0, 0, "", "cannot be read (permission denied): the service user needs read access to it");
            return Optional.empty();
        } catch (CharacterCodingException e) {
            problems.at(0, 0, "", "is not UTF-8 text");
            return Optional.empty();
        } catch (IOException e) {
            problems.at(0, 0, "", "cannot be read: " + e.getMessage());
            return Optional.empty();
        }
        if (reportTabs(text, problems)) {
            return Optional.empty();
        }
        try {
            LoadSettings settings = LoadSettings.builder().setLabel(file.toString()).build();
            return new Compose(settings).composeString(text);
        } catch (MarkedYamlEngineException e) {
            problems.at(e.getProblemMark(), "", "not valid YAML: " + e.getProblem()
                    + e.getContextMark().map(m -> " (" + e.getContext() + " at line " + (m.getLine() + 1) + ")").orElse(""));
            return Optional.empty();
        } catch (YamlEngineException e) {
            problems.at(0, 0, "", "not valid YAML: " + e.getMessage());
            return Optional.empty();
        }
    }

    /** A program named for ffmpeg must be one; auto and none need nothing. */
    private static void checkFfmpeg(Located<Object> ffmpeg, Problems problems) {
        if (ffmpeg == null) {
            return;
        }
        String program = (String) ffmpeg.value();
        if (!program.equals("auto") && !program.equals("none") && !Files.isExecutable(Path.of(program))) {
            problems.at(ffmpeg.node(), ffmpeg.path(), "'" + program + "' is not a program that can be run: install ffmpeg "
                    + "(apt install ffmpeg) and write its path, or auto to find it on PATH, or none for MJPEG AVI movies");
        }
    }

    /**
     * YAML forbids tabs in indentation and its parser stops at the first; every such line is named here instead,
     * with what to do.
     */
    private static boolean reportTabs(String text, Problems problems) {
        boolean found = false;
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            for (int c = 0; c < line.length() && (line.charAt(c) == ' ' || line.charAt(c) == '\t'); c++) {
                if (line.charAt(c) == '\t') {
                    problems.at(i + 1, c + 1, "", "a tab indents this line: YAML indents with spaces only; replace "
                            + "the tabs with spaces");
                    found = true;
                    break;
                }
            }
        }
        return found;
    }

    private Optional<VigilConfig> read(Path file, Node root, Problems problems) {
        Optional<Section> top = Section.of(root, "", problems);
        if (top.isEmpty()) {
            return Optional.empty();
        }
        YamlValues values = new YamlValues(problems);
        Map<String, Located<Object>> global = values.options(top.get(), GlobalOptions.TABLE);
        Path directory = file.toAbsolutePath().getParent();
        CameraSectionReader reader = new CameraSectionReader(detectors, values, problems, directory);
        CameraSectionReader.Defaults defaults = reader.defaults(top.get());
        Map<String, CameraConfig> cameras = new LinkedHashMap<>();
        List<CameraSectionReader.ReadCamera> read = new ArrayList<>();
        Optional<Node> camerasNode = top.get().take(GlobalOptions.CAMERAS);
        if (camerasNode.isEmpty()) {
            problems.at(root, GlobalOptions.CAMERAS, "missing: add a cameras: section with one section per camera "
                    + "(conf/vigil.yml shows one)");
        } else if (camerasNode.get() instanceof MappingNode && ((MappingNode) camerasNode.get()).getValue().isEmpty()) {
            problems.at(camerasNode.get(), GlobalOptions.CAMERAS, "has no camera: add a section per camera under it");
        } else if (camerasNode.get() instanceof ScalarNode scalar && scalar.getValue().isEmpty()) {
            problems.at(camerasNode.get(), GlobalOptions.CAMERAS, "has no camera: add a section per camera under it");
        } else {
            Section.of(camerasNode.get(), GlobalOptions.CAMERAS, problems).ifPresent(section -> {
                for (Map.Entry<String, NodeTuple> entry : section.takeAll().entrySet()) {
                    String name = entry.getKey();
                    reader.camera(name, entry.getValue().getKeyNode(), entry.getValue().getValueNode(), defaults)
                            .ifPresent(camera -> {
                                read.add(camera);
                                cameras.put(name, camera.config());
                            });
                }
            });
        }
        Map<String, Located<Object>> retention = top.get().take(RetentionOptions.KEY).flatMap(node ->
                Section.of(node, RetentionOptions.KEY, problems).map(section -> {
                    Map<String, Located<Object>> given = values.options(section, RetentionOptions.TABLE);
                    section.rejectUnknown(RetentionOptions.TABLE.names(), Map.of());
                    return given;
                })).orElse(Map.of());
        Map<HookKind, List<String>> hooks = top.get().take(GlobalOptions.HOOKS)
                .map(node -> new HooksReader(values, problems).read(node)).orElse(Map.of());
        List<String> known = new ArrayList<>(GlobalOptions.TABLE.names());
        known.add(GlobalOptions.CAMERAS);
        known.add(GlobalOptions.HOOKS);
        known.add(RetentionOptions.KEY);
        known.addAll(CameraSectionReader.defaultableKeys());
        top.get().rejectUnknown(known, Map.of(CameraOptions.DEVICE, "belongs in a camera's section (cameras.NAME.device), "
                + "since no two cameras read one device"));
        new CrossChecks(problems).check(read);
        checkFfmpeg(global.get(GlobalOptions.FFMPEG.name()), problems);
        if (!problems.isEmpty()) {
            return Optional.empty();
        }
        OptionValues daemon = GlobalOptions.TABLE.of(YamlValues.values(global));
        double interval = daemon.decimal(GlobalOptions.STATUS_INTERVAL.name());
        Path targetDir = directory.resolve(daemon.value(GlobalOptions.TARGET_DIR)).normalize();
        Path database = targetDir.resolve(daemon.value(GlobalOptions.DATABASE)).normalize();
        Duration hookTimeout = Duration.ofMillis(Math.round(daemon.decimal(GlobalOptions.HOOK_TIMEOUT.name()) * 1000));
        OptionValues kept = RetentionOptions.TABLE.of(YamlValues.values(retention));
        Map<String, Budget> budgets = new LinkedHashMap<>();
        cameras.forEach((name, camera) -> budgets.put(name, camera.retention()));
        RetentionPolicy policy = new RetentionPolicy(new Budget(kept.value(RetentionOptions.MAX_AGE),
                kept.value(RetentionOptions.MAX_BYTES)), budgets, kept.value(RetentionOptions.MIN_FREE),
                kept.value(RetentionOptions.INTERVAL));
        return Optional.of(new VigilConfig(file, Duration.ofMillis(Math.round(interval * 1000)), cameras, targetDir,
                database, daemon.value(GlobalOptions.FFMPEG), new HookCommands(hooks, hookTimeout), policy));
    }
}
