package org.vigil.core.config;

import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.vigil.core.retention.Budget;
import org.vigil.core.schedule.Schedule;
import org.vigil.detectors.AreaMask;
import org.vigil.detectors.DetectorCatalog;
import org.vigil.detectors.DetectorProvider;
import org.vigil.detectors.DetectorSetupException;
import org.vigil.detectors.Vertex;
import org.vigil.detectors.Zone;
import org.vigil.detectors.reference.ReferenceDetectorProvider;
import org.vigil.kernel.v4l2.FourCC;
import org.vigil.kernel.v4l2.Fraction;
import org.vigil.options.OptionTable;
import org.vigil.options.OptionValues;
import org.vigil.vloop.LoopbackOptions;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads one camera's section, with the top-level camera keys as its defaults: single values from
 * {@link CameraOptions#TABLE}; the detector's keys from the chosen detector's own table, the loopback's from
 * {@link LoopbackOptions#TABLE}, the annotation's from {@link AnnotationOptions#TABLE}; controls, zones and masks;
 * then what depends on the frame size (masks' aspect, zones inside the frame, the pipe's format).
 */
final class CameraSectionReader {
    private static final String DEFAULT_DETECTOR = ReferenceDetectorProvider.NAME;
    private static final String DETECTOR_NAME = "name";
    private static final String CARD = "card";

    private final DetectorCatalog detectors;
    private final YamlValues values;
    private final Problems problems;
    private final Path configDirectory;

    CameraSectionReader(DetectorCatalog detectors, YamlValues values, Problems problems, Path configDirectory) {
        this.detectors = detectors;
        this.values = values;
        this.problems = problems;
        this.configDirectory = configDirectory;
    }

    /** Every key a camera section may hold besides device, which may also stand at the top level as a default. */
    static List<String> defaultableKeys() {
        List<String> keys = new ArrayList<>(CameraOptions.TABLE.names());
        keys.addAll(List.of(CameraOptions.CONTROLS, CameraOptions.DETECTOR, CameraOptions.ZONES, CameraOptions.LOOPBACK,
                CameraOptions.ANNOTATION, CameraOptions.EVENTS));
        return keys;
    }

    /** The top level's camera keys, read once so that a problem in them is reported once. */
    record Defaults(Map<String, Located<Object>> scalars, Map<String, Located<Integer>> controls,
                    Optional<DetectorPart> detector, Map<String, Located<Object>> loopback,
                    Map<String, Located<Object>> annotation, Map<String, Located<Object>> events,
                    Optional<Located<List<ZoneNode>>> zones) {
    }

    /** A detector section as read: the provider (when the name is known) and its options. */
    record DetectorPart(Optional<Located<String>> name, Optional<DetectorProvider> provider,
                        Map<String, Located<Object>> options) {
    }

    /** A zone entry as read, checked against a frame size later. */
    record ZoneNode(Zone zone, Node polygonNode, String path) {
    }

    /** A camera as read, with the nodes the checks across cameras point at. */
    record ReadCamera(CameraConfig config, Node deviceNode, String devicePath, Optional<Located<Object>> feedPipe,
                      Optional<Located<Object>> motionPipe) {
    }

    Defaults defaults(Section top) {
        Map<String, Located<Object>> scalars = values.options(top, CameraOptions.TABLE);
        Map<String, Located<Integer>> controls = top.take(CameraOptions.CONTROLS)
                .map(node -> controls(node, CameraOptions.CONTROLS)).orElse(Map.of());
        Optional<DetectorPart> detector = top.take(CameraOptions.DETECTOR)
                .flatMap(node -> detectorPart(node, CameraOptions.DETECTOR, DEFAULT_DETECTOR));
        Map<String, Located<Object>> loopback = top.take(CameraOptions.LOOPBACK)
                .map(node -> table(node, CameraOptions.LOOPBACK, LoopbackOptions.TABLE)).orElse(Map.of());
        Map<String, Located<Object>> annotation = top.take(CameraOptions.ANNOTATION)
                .map(node -> table(node, CameraOptions.ANNOTATION, AnnotationOptions.TABLE)).orElse(Map.of());
        Map<String, Located<Object>> events = top.take(CameraOptions.EVENTS)
                .map(node -> table(node, CameraOptions.EVENTS, EventOptions.TABLE)).orElse(Map.of());
        Optional<Located<List<ZoneNode>>> zones = top.take(CameraOptions.ZONES)
                .map(node -> new Located<>(zones(node, CameraOptions.ZONES), node, CameraOptions.ZONES));
        return new Defaults(scalars, controls, detector, loopback, annotation, events, zones);
    }

    Optional<ReadCamera> camera(String name, Node keyNode, Node valueNode, Defaults defaults) {
        String path = GlobalOptions.CAMERAS + "." + name;
        int problemsBefore = problems.sorted().size();
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9_-]{0,63}")) {
            problems.at(keyNode, path, "'" + name + "' is not a camera name: use letters, digits, '_' and '-' (it names "
                    + "files and log lines), at most 64");
        }
        Optional<Section> found = Section.of(valueNode, path, problems);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Section section = found.get();
        Node deviceNode = section.take(CameraOptions.DEVICE).orElse(keyNode);
        Optional<DeviceSelector> device = section.has(CameraOptions.DEVICE)
                ? device(deviceNode, section.keyPath(CameraOptions.DEVICE)) : Optional.empty();
        if (!section.has(CameraOptions.DEVICE)) {
            problems.at(keyNode, section.keyPath(CameraOptions.DEVICE), "missing: every camera needs its device "
                    + "(device: /dev/video0, a /dev/v4l/by-id/... link, or device: {card: NAME}); `vigil devices` lists them");
        }
        Map<String, Located<Object>> scalars = new LinkedHashMap<>(defaults.scalars());
        scalars.putAll(values.options(section, CameraOptions.TABLE));

        Map<String, Located<Integer>> controls = new LinkedHashMap<>(defaults.controls());
        section.take(CameraOptions.CONTROLS).ifPresent(node -> controls.putAll(controls(node, section.keyPath(CameraOptions.CONTROLS))));

        // a camera's detector section that names no detector belongs to the top level's (or the default one)
        String inherited = defaults.detector().flatMap(DetectorPart::name).map(Located::value).orElse(DEFAULT_DETECTOR);
        Optional<DetectorPart> ownDetector = section.take(CameraOptions.DETECTOR)
                .flatMap(node -> detectorPart(node, section.keyPath(CameraOptions.DETECTOR), inherited));
        Optional<DetectorChoice> detector = detector(ownDetector, defaults.detector());

        Map<String, Located<Object>> loopback = new LinkedHashMap<>(defaults.loopback());
        section.take(CameraOptions.LOOPBACK).ifPresent(node -> loopback.putAll(table(node,
                section.keyPath(CameraOptions.LOOPBACK), LoopbackOptions.TABLE)));
        Map<String, Located<Object>> annotation = new LinkedHashMap<>(defaults.annotation());
        section.take(CameraOptions.ANNOTATION).ifPresent(node -> annotation.putAll(table(node,
                section.keyPath(CameraOptions.ANNOTATION), AnnotationOptions.TABLE)));
        Map<String, Located<Object>> events = new LinkedHashMap<>(defaults.events());
        section.take(CameraOptions.EVENTS).ifPresent(node -> events.putAll(table(node,
                section.keyPath(CameraOptions.EVENTS), EventOptions.TABLE)));
        Optional<Located<List<ZoneNode>>> zones = section.take(CameraOptions.ZONES)
                .map(node -> new Located<>(zones(node, section.keyPath(CameraOptions.ZONES)), node,
                        section.keyPath(CameraOptions.ZONES)))
                .or(defaults::zones);

        Budget retention = section.take(RetentionOptions.KEY).map(node -> budget(node,
                section.keyPath(RetentionOptions.KEY))).orElse(Budget.UNLIMITED);
        List<Schedule> schedules = section.take(CameraOptions.SCHEDULES)
                .map(node -> new ScheduleReader(values, problems).read(node, section.keyPath(CameraOptions.SCHEDULES), name))
                .orElse(List.of());

        section.rejectUnknown(allCameraKeys(), Map.of(GlobalOptions.CAMERAS, "cameras are listed at the top level only",
                GlobalOptions.STATUS_INTERVAL.name(), "belongs at the top level: it is the daemon's, not a camera's"));

        OptionValues cameraValues = CameraOptions.TABLE.of(YamlValues.values(scalars));
        Resolution size = cameraValues.value(CameraOptions.SIZE);
        PixelFormatChoice format = cameraValues.value(CameraOptions.PIXEL_FORMAT);
        boolean sizeFits = checkFormatSize(format, size, scalars);
        Optional<AreaMask> detectionMask = mask(scalars.get(CameraOptions.DETECTION_MASK.name()), size, "detection mask");
        Optional<AreaMask> privacyMask = mask(scalars.get(CameraOptions.PRIVACY_MASK.name()), size, "privacy mask");
        List<Zone> zoneList = zones.map(located -> checkZones(located, size, name)).orElse(List.of());
        LoopbackOptions loopbackOptions = loopbackOptions(loopback);
        AnnotationOptions annotationOptions = AnnotationOptions.from(AnnotationOptions.TABLE.of(YamlValues.values(annotation)));
        EventOptions eventOptions = EventOptions.from(EventOptions.TABLE.of(YamlValues.values(events)));
        checkEventZones(eventOptions, events.get(EventOptions.ZONES.name()), zoneList, path);
        if (sizeFits) { // an odd width is reported once, at the size, not again at every pipe that cannot take it
            checkPipes(loopbackOptions, size, loopback, scalars.get(CameraOptions.SIZE.name()), path, section);
        }

        if (problems.sorted().size() > problemsBefore || device.isEmpty() || detector.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Integer> controlValues = new LinkedHashMap<>();
        controls.forEach((control, value) -> controlValues.put(control, value.value()));
        CameraConfig config = new CameraConfig(name, device.get(), size, cameraValues.integer(CameraOptions.FPS.name()),
                format, cameraValues.value(CameraOptions.IO), cameraValues.integer(CameraOptions.BUFFERS.name()),
                cameraValues.integer(CameraOptions.BYTES_PER_LINE.name()), cameraValues.integer(CameraOptions.INPUT.name()),
                Duration.ofMillis(Math.round(cameraValues.decimal(CameraOptions.FRAME_TIMEOUT.name()) * 1000)),
                controlValues, detector.get(), cameraValues.decimal(CameraOptions.DETECTION_FPS.name()),
                detectionMask, privacyMask, zoneList, loopbackOptions, annotationOptions, eventOptions, schedules,
                retention);
        return Optional.of(new ReadCamera(config, deviceNode, section.keyPath(CameraOptions.DEVICE),
                Optional.ofNullable(loopback.get(LoopbackOptions.FEED.name())),
                Optional.ofNullable(loopback.get(LoopbackOptions.MOTION.name()))));
    }

    private static List<String> allCameraKeys() {
        List<String> keys = new ArrayList<>(defaultableKeys());
        keys.add(0, CameraOptions.DEVICE);
        keys.add(CameraOptions.SCHEDULES);
        keys.add(RetentionOptions.KEY);
        return keys;
    }

    // ---- device ----------------------------------------------------------------------------------------------

    private Optional<DeviceSelector> device(Node node, String path) {
        if (node instanceof MappingNode) {
            Optional<Section> section = Section.of(node, path, problems);
            if (section.isEmpty()) {
                return Optional.empty();
            }
            Optional<Node> card = section.get().take(CARD);
            section.get().rejectUnknown(List.of(CARD), Map.of());
            if (card.isEmpty()) {
                problems.at(node, path, "a device given as a section names its card: device: {card: NAME}, NAME as "
                        + "`vigil devices` or `v4l2-ctl --list-devices` prints it");
                return Optional.empty();
            }
            return values.text(card.get(), path + "." + CARD).flatMap(text -> {
                if (text.isBlank()) {
                    problems.at(card.get(), path + "." + CARD, "is empty: write the card's name");
                    return Optional.empty();
                }
                return Optional.of(new DeviceSelector.ByCard(text.strip()));
            });
        }
        return values.text(node, path).flatMap(text -> {
            String value = text.strip();
            if (!value.startsWith("/")) {
                problems.at(node, path, "'" + value + "' is not a device path: write an absolute path such as /dev/video0 "
                        + "or /dev/v4l/by-id/..., or device: {card: NAME}");
                return Optional.empty();
            }
            Path device = Path.of(value);
            DevicePaths.problem(device).ifPresent(problem -> problems.at(node, path, problem));
            if (!java.nio.file.Files.exists(device)) {
                problems.note(node, path, device + " does not exist (yet): the daemon starts without this camera and "
                        + "opens it when it appears");
            }
            return Optional.of(new DeviceSelector.ByPath(device));
        });
    }

    // ---- controls ---------------------------------------------------------------------------------------------

    private Map<String, Located<Integer>> controls(Node node, String path) {
        Map<String, Located<Integer>> controls = new LinkedHashMap<>();
        Section.of(node, path, problems).ifPresent(section -> {
            for (Map.Entry<String, NodeTuple> entry : section.takeAll().entrySet()) {
                String key = section.keyPath(entry.getKey());
                Node value = entry.getValue().getValueNode();
                values.text(value, key).flatMap(text -> controlValue(text, value, key))
                        .ifPresent(number -> controls.put(entry.getKey(), new Located<>(number, value, key)));
            }
        });
        return controls;
    }

    private Optional<Integer> controlValue(String text, Node node, String path) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        switch (value) {
            case "true", "yes", "on" -> {
                return Optional.of(1);
            }
            case "false", "no", "off" -> {
                return Optional.of(0);
            }
            default -> {
                try {
                    return Optional.of(Integer.parseInt(value));
                } catch (NumberFormatException e) {
                    problems.at(node, path, "'" + text + "' is not a control value: write a whole number (a menu "
                            + "control's index), or true/false; `vigil devices` lists each control's range");
                    return Optional.empty();
                }
            }
        }
    }

    // ---- detector ---------------------------------------------------------------------------------------------

    /** A detector section; its options are checked against the detector it names, or {@code unnamed}'s. */
    private Optional<DetectorPart> detectorPart(Node node, String path, String unnamed) {
        Optional<Section> found = Section.of(node, path, problems);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Section section = found.get();
        Optional<Located<String>> name = section.take(DETECTOR_NAME).flatMap(nameNode ->
                values.text(nameNode, section.keyPath(DETECTOR_NAME))
                        .map(text -> new Located<>(text.strip(), nameNode, section.keyPath(DETECTOR_NAME))));
        Optional<DetectorProvider> provider = Optional.empty();
        String chosen = name.map(Located::value).orElse(unnamed);
        List<String> known = detectors.providers().stream().map(DetectorProvider::name).toList();
        if (known.contains(chosen)) {
            provider = Optional.of(detectors.provider(chosen));
        } else if (name.isPresent()) {
            problems.at(name.get().node(), name.get().path(), OptionTable.unknownProblem("detector", chosen, known)
                    + " (`vigil detectors` lists them with their options)");
        }
        Map<String, Located<Object>> options = new LinkedHashMap<>();
        if (provider.isPresent()) {
            options.putAll(values.options(section, provider.get().options()));
            List<String> keys = new ArrayList<>(provider.get().options().names());
            keys.add(0, DETECTOR_NAME);
            section.rejectUnknown(keys, Map.of());
        } else {
            section.takeAll(); // without a known detector its options cannot be judged
        }
        return Optional.of(new DetectorPart(name, provider, options));
    }

    /**
     * The camera's detector: its own section over the top level's when both name the same detector (or the camera
     * names none); a camera that names another detector takes none of the top level's options, which belong to
     * another table.
     */
    private Optional<DetectorChoice> detector(Optional<DetectorPart> own, Optional<DetectorPart> top) {
        String topName = top.flatMap(DetectorPart::name).map(Located::value).orElse(DEFAULT_DETECTOR);
        String ownName = own.flatMap(DetectorPart::name).map(Located::value).orElse(topName);
        Optional<DetectorProvider> provider = own.isPresent() ? own.get().provider()
                : top.isPresent() ? top.get().provider() : Optional.of(detectors.provider(DEFAULT_DETECTOR));
        if (provider.isEmpty()) {
            return Optional.empty(); // reported where the name was read
        }
        Map<String, Located<Object>> options = new LinkedHashMap<>();
        if (top.isPresent() && topName.equals(ownName)) {
            options.putAll(top.get().options());
        }
        own.ifPresent(part -> options.putAll(part.options()));
        // every value was checked against this table as it was read
        return Optional.of(new DetectorChoice(provider.get().name(), provider.get().options().of(YamlValues.values(options))));
    }

    /** The zones events are limited to must be zones of the camera. */
    private void checkEventZones(EventOptions options, Located<Object> node, List<Zone> zones, String camera) {
        List<String> names = zones.stream().map(Zone::name).toList();
        for (String wanted : options.zones()) {
            if (!names.contains(wanted)) {
                problems.at(node.node(), camera + "." + CameraOptions.EVENTS + "." + EventOptions.ZONES.name(),
                        "'" + wanted + "' is not one of this camera's zones (" + (names.isEmpty() ? "it has none"
                                : String.join(", ", names)) + "): name a zone from its zones: list, or write all");
            }
        }
    }

    // ---- loopback, annotation ---------------------------------------------------------------------------------

    private Map<String, Located<Object>> table(Node node, String path, OptionTable table) {
        Optional<Section> section = Section.of(node, path, problems);
        if (section.isEmpty()) {
            return Map.of();
        }
        Map<String, Located<Object>> read = values.options(section.get(), table);
        section.get().rejectUnknown(table.names(), Map.of());
        return read;
    }

    /** A camera's own retention: its files' age and bytes (the free space is the top level's, for everyone). */
    private Budget budget(Node node, String path) {
        Optional<Section> section = Section.of(node, path, problems);
        if (section.isEmpty()) {
            return Budget.UNLIMITED;
        }
        Map<String, Located<Object>> read = values.options(section.get(), RetentionOptions.CAMERA_TABLE);
        String topOnly = "belongs in the top level's retention: section: the file system's free space and how often "
                + "retention runs are everyone's";
        section.get().rejectUnknown(RetentionOptions.CAMERA_TABLE.names(), Map.of(RetentionOptions.MIN_FREE.name(),
                topOnly, RetentionOptions.INTERVAL.name(), topOnly));
        OptionValues budget = RetentionOptions.CAMERA_TABLE.of(YamlValues.values(read));
        return new Budget(budget.value(RetentionOptions.MAX_AGE), budget.value(RetentionOptions.MAX_BYTES));
    }

    private static LoopbackOptions loopbackOptions(Map<String, Located<Object>> loopback) {
        return LoopbackOptions.from(LoopbackOptions.TABLE.of(YamlValues.values(loopback)));
    }

    /** The pipes' formats must suit the frame size; a pipe cannot be the camera's own device (checked across cameras). */
    private void checkPipes(LoopbackOptions options, Resolution size, Map<String, Located<Object>> loopback,
                            Located<Object> sizeNode, String camera, Section section) {
        try {
            options.feedSettings(size.width(), size.height(), new Fraction(1, 15));
        } catch (IllegalArgumentException e) {
            // at the pipe's format when the file sets one, else at the size that the default format cannot take
            Located<Object> format = loopback.get(LoopbackOptions.FORMAT.name());
            Located<Object> at = format != null ? format : sizeNode;
            problems.at(at != null ? at.node() : section.keyNode(CameraOptions.DEVICE).orElse(null),
                    camera + "." + CameraOptions.LOOPBACK + "." + LoopbackOptions.FORMAT.name(),
                    e.getMessage() + " (the camera's size is " + size + ")");
        }
        if (options.feed().isPresent() && options.feed().equals(options.motionPipe())) {
            Located<Object> motion = loopback.get(LoopbackOptions.MOTION.name());
            problems.at(motion == null ? null : motion.node(), camera + "." + CameraOptions.LOOPBACK + "."
                    + LoopbackOptions.MOTION.name(), "is the same pipe as the annotated feed's: give it a pipe of its own");
        }
    }

    // ---- size-dependent checks --------------------------------------------------------------------------------

    /** False (with a problem) when the format cannot carry the size. */
    private boolean checkFormatSize(PixelFormatChoice format, Resolution size, Map<String, Located<Object>> scalars) {
        boolean chromaPairs = format.fourcc() == FourCC.YUYV || format.fourcc() == PixelFormatChoice.UYVY
                || format.fourcc() == FourCC.NV12 || format.fourcc() == FourCC.YU12;
        if (chromaPairs && size.width() % 2 != 0) {
            Located<Object> located = scalars.get(CameraOptions.SIZE.name());
            problems.at(located == null ? null : located.node(), located == null ? "size" : located.path(),
                    size + " has an odd width, which " + format + " cannot carry (pixels share chroma in pairs): use "
                            + (size.width() + 1) + "x" + size.height() + " or " + (size.width() - 1) + "x" + size.height());
            return false;
        }
        return true;
    }

    private Optional<AreaMask> mask(Located<Object> located, Resolution size, String role) {
        if (located == null || ((MaskFile) located.value()).path().isEmpty()) {
            return Optional.empty();
        }
        Path file = ((MaskFile) located.value()).path().get();
        Path resolved = file.isAbsolute() || configDirectory == null ? file : configDirectory.resolve(file);
        try {
            AreaMask mask = AreaMask.readPgm(resolved);
            mask.checkFits(size.width(), size.height(), role);
            return Optional.of(mask);
        } catch (DetectorSetupException e) {
            problems.at(located.node(), located.path(), e.getMessage());
            return Optional.empty();
        }
    }

    // ---- zones ------------------------------------------------------------------------------------------------

    private List<ZoneNode> zones(Node node, String path) {
        List<ZoneNode> zones = new ArrayList<>();
        if (!(node instanceof SequenceNode sequence)) {
            problems.at(node, path, "expected a list of zones (each line starting with '- name: ...'), found "
                    + Section.describe(node));
            return zones;
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < sequence.getValue().size(); i++) {
            String zonePath = path + "[" + i + "]";
            Node entry = sequence.getValue().get(i);
            Optional<Section> found = Section.of(entry, zonePath, problems);
            if (found.isEmpty()) {
                continue;
            }
            Section section = found.get();
            Map<String, Located<Object>> read = values.options(section, ZoneOptions.TABLE);
            Optional<Node> polygonNode = section.take(ZoneOptions.POLYGON);
            section.rejectUnknown(List.of(ZoneOptions.NAME.name(), ZoneOptions.POLYGON, ZoneOptions.THRESHOLD.name()), Map.of());
            if (!section.has(ZoneOptions.NAME.name())) {
                problems.at(entry, section.keyPath(ZoneOptions.NAME.name()), "missing: a zone needs a name, which "
                        + "detections report when it fires");
            }
            if (polygonNode.isEmpty()) {
                problems.at(entry, section.keyPath(ZoneOptions.POLYGON), "missing: a zone needs its corners, "
                        + "polygon: [[x, y], [x, y], [x, y], ...] in full-frame pixels");
                continue;
            }
            List<Vertex> corners = polygon(polygonNode.get(), section.keyPath(ZoneOptions.POLYGON));
            Located<Object> name = read.get(ZoneOptions.NAME.name());
            if (name == null || corners == null) {
                continue;
            }
            String zoneName = (String) name.value();
            if (!names.add(zoneName)) {
                problems.at(name.node(), name.path(), "'" + zoneName + "' names another zone too: give every zone its own name");
            }
            double threshold = (Double) Optional.ofNullable(read.get(ZoneOptions.THRESHOLD.name())).map(Located::value)
                    .orElse(ZoneOptions.THRESHOLD.defaultValue());
            try {
                zones.add(new ZoneNode(new Zone(zoneName, corners, threshold), polygonNode.get(),
                        section.keyPath(ZoneOptions.POLYGON)));
            } catch (DetectorSetupException e) {
                problems.at(polygonNode.get(), section.keyPath(ZoneOptions.POLYGON), e.getMessage());
            }
        }
        return zones;
    }

    private List<Vertex> polygon(Node node, String path) {
        if (!(node instanceof SequenceNode sequence)) {
            problems.at(node, path, "expected a list of corners [[x, y], ...], found " + Section.describe(node));
            return null;
        }
        List<Vertex> corners = new ArrayList<>();
        boolean ok = true;
        for (int i = 0; i < sequence.getValue().size(); i++) {
            Node corner = sequence.getValue().get(i);
            String cornerPath = path + "[" + i + "]";
            if (!(corner instanceof SequenceNode pair) || pair.getValue().size() != 2
                    || !(pair.getValue().get(0) instanceof ScalarNode x) || !(pair.getValue().get(1) instanceof ScalarNode y)) {
                problems.at(corner, cornerPath, "a corner is a pair [x, y] of pixel coordinates, found " + Section.describe(corner));
                ok = false;
                continue;
            }
            try {
                corners.add(new Vertex(Integer.parseInt(x.getValue().strip()), Integer.parseInt(y.getValue().strip())));
            } catch (NumberFormatException e) {
                problems.at(corner, cornerPath, "[" + x.getValue() + ", " + y.getValue() + "] is not a pair of whole numbers");
                ok = false;
            }
        }
        return ok ? corners : null;
    }

    private List<Zone> checkZones(Located<List<ZoneNode>> zones, Resolution size, String camera) {
        List<Zone> checked = new ArrayList<>();
        for (ZoneNode zone : zones.value()) {
            try {
                zone.zone().checkInside(size.width(), size.height());
                checked.add(zone.zone());
            } catch (DetectorSetupException e) {
                problems.at(zone.polygonNode(), zone.path(), e.getMessage()
                        + (zone.path().startsWith(GlobalOptions.CAMERAS) ? "" : " (for camera " + camera + ")"));
            }
        }
        return checked;
    }
}
