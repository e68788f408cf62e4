package org.vigil.vloop;

import org.vigil.kernel.v4l2.V4l2Device;
import org.vigil.kernel.v4l2.V4l2Exception;
import org.vigil.kernel.v4l2.VideoNode;
import org.vigil.kernel.v4l2.VideoNodes;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Locates a v4l2loopback node to write into, the way vloopback's users scanned /proc/video/vloopback: every video
 * node's QUERYCAP (driver "v4l2 loopback" with an output capability) plus sysfs's record of a format a producer
 * has fixed. When nothing fits, the error lists what there is and gives the modprobe line that creates a pipe.
 */
public final class PipeFinder {
    /** The card label suggested for a pipe vigil asks the user to create. */
    static final String SUGGESTED_LABEL = "vigil";

    private final Supplier<List<VideoNode>> nodes;
    private final LoopbackModule module;
    /** Pipes 'any' gave a writer of this process that has not closed yet; sysfs shows a producer only once it writes. */
    private final Set<Path> claimed = new HashSet<>();

    public PipeFinder(Supplier<List<VideoNode>> nodes, LoopbackModule module) {
        this.nodes = nodes;
        this.module = module;
    }

    public static PipeFinder system() {
        return new PipeFinder(VideoNodes::list, LoopbackModule.system());
    }

    public LoopbackModule module() {
        return module;
    }

    /** Every v4l2loopback node and whether a producer holds it, in node-number order. */
    public List<PipeStatus> survey() {
        return survey(nodes.get());
    }

    private List<PipeStatus> survey(List<VideoNode> all) {
        return all.stream().filter(VideoNode::isLoopback)
                .map(node -> new PipeStatus(node.device(), node.capability().card(), node.capability(),
                        module.fixedFormat(node.device()).orElse(null)))
                .toList();
    }

    /**
     * The node to open for these settings.
     *
     * @throws NoFreePipeException     no loopback node at all, none with the label, or every one held
     * @throws NotALoopbackException   the named node is another kind of video device
     * @throws PipeHeldException       the named node is held by another producer with another format
     * @throws PipeTooLargeException   the size exceeds the module's max_width/max_height
     * @throws V4l2Exception           the named node cannot be opened (missing, not V4L2, no permission)
     */
    public Path find(PipeSettings settings) throws V4l2Exception {
        requireWithinLimits(settings, settings.choice().toString());
        List<VideoNode> all = nodes.get();
        List<PipeStatus> pipes = survey(all);
        PipeChoice choice = settings.choice();
        if (choice instanceof PipeChoice.Node named) {
            return checked(named.device(), all, pipes, settings);
        }
        if (choice instanceof PipeChoice.Labelled labelled) {
            List<PipeStatus> matching = pipes.stream().filter(p -> p.label().equals(labelled.label())).toList();
            if (matching.isEmpty()) {
                throw new NoFreePipeException(choice.toString(), "no v4l2loopback pipe is labelled '" + labelled.label()
                        + "' (" + listing(pipes) + ")", advice(all, pipes, labelled.label()));
            }
            for (PipeStatus pipe : matching) {
                if (pipe.accepts(settings)) {
                    return pipe.device();
                }
            }
            PipeStatus held = matching.get(0);
            throw held(held, pipes);
        }
        synchronized (claimed) {
            for (PipeStatus pipe : pipes) {
                if (pipe.isFree() && claimed.add(pipe.device())) {
                    return pipe.device();
                }
            }
        }
        throw new NoFreePipeException("any", pipes.isEmpty()
                ? (module.isLoaded() ? "v4l2loopback is loaded but has no nodes" : "no v4l2loopback pipe exists: the module is not loaded")
                : "no free v4l2loopback pipe (" + listing(pipes) + ")", advice(all, pipes, SUGGESTED_LABEL));
    }

    /**
     * Gives back a pipe {@link #find} chose for 'any' (its writer closed, or failed to open): until then no other
     * 'any' of this finder gets it, even while sysfs does not show its producer yet. A pipe found otherwise is ignored.
     */
    public void release(Path node) {
        synchronized (claimed) {
            claimed.remove(node);
        }
    }

    /**
     * Checks the size against the module's max_width and max_height: v4l2loopback would otherwise shrink the picture
     * without a word, and every viewer would get a different image than the one written.
     */
    public void requireWithinLimits(PipeSettings settings, String device) throws PipeTooLargeException {
        OptionalInt maxWidth = module.maxWidth();
        OptionalInt maxHeight = module.maxHeight();
        if (maxWidth.isEmpty() || maxHeight.isEmpty()) {
            return; // not loaded (or not readable): the S_FMT check in LoopbackWriter still catches it
        }
        if (settings.width() > maxWidth.getAsInt() || settings.height() > maxHeight.getAsInt()) {
            throw tooLarge(device, null, settings, maxWidth.getAsInt(), maxHeight.getAsInt());
        }
    }

    static PipeTooLargeException tooLarge(String device, String call, PipeSettings settings, int maxWidth, int maxHeight) {
        return new PipeTooLargeException(device, call, settings.width() + "x" + settings.height()
                + " is larger than v4l2loopback allows (max_width=" + maxWidth + ", max_height=" + maxHeight + ")",
                "reload the module with room for it (`sudo modprobe -r v4l2loopback && sudo modprobe v4l2loopback ... "
                        + "max_width=" + Math.max(settings.width(), maxWidth) + " max_height="
                        + Math.max(settings.height(), maxHeight) + "`) or send a smaller picture");
    }

    private Path checked(Path device, List<VideoNode> all, List<PipeStatus> pipes, PipeSettings settings)
            throws V4l2Exception {
        Path real = realPath(device);
        for (PipeStatus pipe : pipes) {
            if (realPath(pipe.device()).equals(real)) {
                if (!pipe.accepts(settings)) {
                    throw held(pipe, pipes);
                }
                return device;
            }
        }
        for (VideoNode node : all) {
            if (realPath(node.device()).equals(real) && node.capability() != null) {
                throw notALoopback(device, node.driver() + " node '" + node.name() + "'", all, pipes);
            }
        }
        // Not among the listed nodes: opening it says best what it is (missing, not V4L2, no permission).
        try (V4l2Device opened = V4l2Device.open(device)) {
            if (!opened.capability().isLoopback()) {
                throw notALoopback(device, opened.capability().driver() + " node '" + opened.capability().card() + "'",
                        all, pipes);
            }
        }
        return device;
    }

    private NotALoopbackException notALoopback(Path device, String what, List<VideoNode> all, List<PipeStatus> pipes) {
        String remedy = pipes.isEmpty()
                ? advice(all, pipes, SUGGESTED_LABEL)
                : "write into a v4l2loopback node instead (" + listing(pipes) + "), or choose 'any'";
        return new NotALoopbackException(device.toString(), "this is a " + what + ", not a v4l2loopback pipe: "
                + "no viewer would see what vigil writes here", remedy);
    }

    private static PipeHeldException held(PipeStatus pipe, List<PipeStatus> pipes) {
        List<PipeStatus> free = pipes.stream().filter(PipeStatus::isFree).toList();
        return new PipeHeldException(pipe.device().toString(), "pipe '" + pipe.label() + "' is " + pipe.state(),
                "stop that producer (`fuser -v " + pipe.device() + "` names it)"
                        + (free.isEmpty() ? "" : ", or choose a free pipe: " + listing(free)));
    }

    /** What to run to get a pipe (one more, or the first): the modprobe line, with the existing nodes' settings kept. */
    public String advice() {
        List<VideoNode> all = nodes.get();
        return advice(all, survey(all), SUGGESTED_LABEL);
    }

    private String advice(List<VideoNode> all, List<PipeStatus> pipes, String label) {
        return ModprobeAdvice.forAnotherPipe(pipes, ModprobeAdvice.numbers(all.stream().map(VideoNode::device).toList()),
                module.exclusiveCaps(), label, module.isLoaded());
    }

    private static String listing(List<PipeStatus> pipes) {
        return pipes.isEmpty() ? "there are none" : pipes.stream().map(PipeStatus::describe).collect(Collectors.joining("; "));
    }

    private static Path realPath(Path device) {
        try {
            return device.toRealPath();
        } catch (IOException e) {
            return device.toAbsolutePath().normalize();
        }
    }
}
