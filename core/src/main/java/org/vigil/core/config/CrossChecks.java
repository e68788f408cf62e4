package org.vigil.core.config;

import org.vigil.vloop.PipeChoice;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What no camera section shows alone: two cameras on one device, a pipe that is a camera's own device (vigil would
 * write into what it reads), two cameras fixed on one pipe.
 */
final class CrossChecks {
    private final Problems problems;

    CrossChecks(Problems problems) {
        this.problems = problems;
    }

    void check(List<CameraSectionReader.ReadCamera> cameras) {
        Map<Object, String> devices = new HashMap<>();
        for (CameraSectionReader.ReadCamera camera : cameras) {
            Object identity = identity(camera.config().device());
            String other = devices.putIfAbsent(identity, camera.config().name());
            if (other != null) {
                problems.at(camera.deviceNode(), camera.devicePath(), "is the device of camera '" + other + "' too: a "
                        + "device serves one camera (a second reader would find it busy)");
            }
        }
        Map<Object, String> pipes = new HashMap<>();
        for (CameraSectionReader.ReadCamera camera : cameras) {
            for (Optional<Located<Object>> pipe : List.of(camera.feedPipe(), camera.motionPipe())) {
                if (pipe.isEmpty()) {
                    continue;
                }
                PipeChoice choice = (PipeChoice) pipe.get().value();
                Object identity = pipeIdentity(choice);
                if (identity == null) {
                    continue;
                }
                String reader = devices.get(identity);
                if (reader != null) {
                    problems.at(pipe.get().node(), pipe.get().path(), choice + " is the device camera '" + reader
                            + "' reads: vigil would write into its own input; choose another pipe (`vigil devices` marks "
                            + "the free ones)");
                }
                String writer = pipes.putIfAbsent(identity, camera.config().name());
                if (writer != null && !writer.equals(camera.config().name())) {
                    problems.at(pipe.get().node(), pipe.get().path(), choice + " is camera '" + writer + "''s pipe too: a "
                            + "pipe takes one producer; give each camera its own (or 'any')");
                }
            }
        }
    }

    private static Object identity(DeviceSelector device) {
        if (device instanceof DeviceSelector.ByPath byPath) {
            return DevicePaths.identity(byPath.path());
        }
        return device;
    }

    /** A fixed node or label; 'any' and 'off' fix nothing. */
    private static Object pipeIdentity(PipeChoice choice) {
        if (choice instanceof PipeChoice.Node node) {
            return DevicePaths.identity(node.device());
        }
        if (choice instanceof PipeChoice.Labelled labelled) {
            return labelled;
        }
        return null;
    }
}
