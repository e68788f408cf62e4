package org.vigil.kernel.v4l2;

/** Checks that a node can capture and picks the I/O mode, with an error that says why not and what to do. */
final class CaptureRequirements {
    private CaptureRequirements() {
    }

    static void requireCapture(V4l2Device device, Capability capability) throws CannotCaptureException {
        if (capability.canCapture()) {
            return;
        }
        String path = device.path();
        if (capability.isLoopback()) {
            // With exclusive_caps=1 a loopback node shows only OUTPUT until a producer attaches.
            throw device.noProducer("VIDIOC_QUERYCAP", 0);
        }
        if (capability.capturesMultiplanarOnly()) {
            throw new CannotCaptureException(path, "VIDIOC_QUERYCAP", 0,
                    "this device captures only through the multi-planar API, which vigil does not support yet",
                    "use another capture node of the same device if it has one (`v4l2-ctl --list-devices`)");
        }
        throw new CannotCaptureException(path, "VIDIOC_QUERYCAP", 0,
                "this node cannot capture video (" + capability.card() + ", " + describe(capability) + ")",
                "pick a capture node; `vigil devices` or `v4l2-ctl --list-devices` lists them");
    }

    static IoMode chooseMode(V4l2Device device, Capability capability, IoMode wanted) throws CannotCaptureException {
        boolean streaming = capability.canStream();
        boolean readWrite = capability.canReadWrite();
        IoMode chosen = switch (wanted) {
            case AUTO -> streaming ? IoMode.MMAP : readWrite ? IoMode.READ : null;
            case MMAP -> streaming ? IoMode.MMAP : null;
            case READ -> readWrite ? IoMode.READ : null;
        };
        if (chosen == null) {
            String offered = streaming ? "only streaming I/O" : readWrite ? "only read()" : "neither streaming nor read()";
            throw new CannotCaptureException(device.path(), "VIDIOC_QUERYCAP", 0,
                    "the device offers " + offered + ", so " + wanted.name().toLowerCase() + " capture is impossible",
                    streaming || readWrite ? "set the I/O mode to auto" : "this driver cannot be used for capture");
        }
        return chosen;
    }

    private static String describe(Capability capability) {
        return capability.canOutput() ? "an output node" : String.format("capabilities 0x%08x", capability.nodeCaps());
    }
}
