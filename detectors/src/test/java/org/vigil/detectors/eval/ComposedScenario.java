package org.vigil.detectors.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.MatOfInt;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;
import org.vigil.detectors.Box;
import org.vigil.detectors.eval.LightingScenario.Exposure;
import org.vigil.detectors.eval.LightingScenario.Script;

/**
 * A scene put together the way a real camera's picture is: the clean background (or its IR version), nuisance
 * layers that move in place (foliage, a flag, insects), walkers of any size (up to more than the frame when they
 * come close), then the camera: exposure from a script, shake, sensor noise and JPEG compression, in that order.
 * The true box is the visible part of the walker in view; a lighting change comes from the script.
 */
final class ComposedScenario extends Scenario {

    /** What moves in place over the background, drawn into the scene before the walkers. */
    interface Layer {
        void draw(byte[] scene, int width, int height, int frame);
    }

    /** A walker's pass: size (sprite scale) and position (its centre) change linearly over the pass. */
    record Pass(Sprite sprite, int start, int length, double x0, double y0, double x1, double y1, double scale0, double scale1) {
    }

    /** Global motion of the camera, in full-frame pixels, per frame. */
    interface Shake {
        double[] at(int frame);
    }

    private final SceneAssets assets;
    private final Script exposure;
    private final List<Layer> layers;
    private final List<Pass> passes;
    private final Shake shake;
    private final int jpegQuality;
    private final NoisyCamera camera;
    private final byte[] scene;
    private final byte[] blend;
    private final Mat sceneMat;
    private final Mat shaken = new Mat();
    private final Mat warp = new Mat(2, 3, CvType.CV_64F);
    private final MatOfByte jpeg = new MatOfByte();
    private final MatOfInt jpegParams;

    private ComposedScenario(Builder b) {
        super(b.name, b.kind, b.assets.width(), b.assets.height(), b.frames, b.fps);
        this.assets = b.assets;
        this.exposure = b.exposure;
        this.layers = List.copyOf(b.layers);
        this.passes = List.copyOf(b.passes);
        this.shake = b.shake;
        this.jpegQuality = b.jpegQuality;
        this.camera = new NoisyCamera(assets.width() * assets.height(), b.sigma, b.seed);
        this.scene = new byte[assets.width() * assets.height()];
        this.blend = new byte[scene.length];
        this.sceneMat = new Mat(assets.height(), assets.width(), CvType.CV_8UC1);
        this.jpegParams = new MatOfInt(Imgcodecs.IMWRITE_JPEG_QUALITY, jpegQuality);
    }

    static Builder builder(String name, Kind kind, SceneAssets assets, int frames, double fps, long seed) {
        return new Builder(name, kind, assets, frames, fps, seed);
    }

    @Override
    public FrameTruth render(int index, byte[] frame) {
        Exposure light = exposure.at(index, camera.random());
        System.arraycopy(assets.lumaUnder(light.infrared(), blend), 0, scene, 0, scene.length);
        int w = width();
        int h = height();
        for (Layer layer : layers) {
            layer.draw(scene, w, h, index);
        }
        Box truth = null;
        for (Pass pass : passes) {
            int k = index - pass.start;
            if (k >= 0 && k < pass.length) {
                double t = pass.length > 1 ? (double) k / (pass.length - 1) : 0;
                double scale = pass.scale0 + t * (pass.scale1 - pass.scale0);
                double cx = pass.x0 + t * (pass.x1 - pass.x0);
                double cy = pass.y0 + t * (pass.y1 - pass.y0);
                Box visible = ScaledPaste.paste(pass.sprite, scale, cx, cy, scene, w, h);
                if (visible != null) {
                    truth = visible;
                }
            }
        }
        if (shake != null) {
            double[] shift = shake.at(index);
            shift(scene, shift[0], shift[1]);
            if (truth != null) {
                truth = shifted(truth, shift[0], shift[1], w, h);
            }
        }
        camera.expose(scene, light.gain(), light.offset(), frame);
        if (jpegQuality > 0) {
            compress(frame);
        }
        if (truth != null) {
            return new FrameTruth(true, java.util.Optional.of(truth), light.change());
        }
        return light.change() ? FrameTruth.LIGHTING_CHANGE : FrameTruth.STILL;
    }

    /** The whole picture moved by a fraction of a pixel or more, as a shaken lens sees it (edges repeated). */
    private void shift(byte[] pixels, double dx, double dy) {
        sceneMat.put(0, 0, pixels);
        warp.put(0, 0, 1, 0, dx, 0, 1, dy);
        Imgproc.warpAffine(sceneMat, shaken, warp, sceneMat.size(), Imgproc.INTER_LINEAR, Core.BORDER_REPLICATE);
        shaken.get(0, 0, pixels);
    }

    private static Box shifted(Box box, double dx, double dy, int w, int h) {
        int x = Math.max(0, (int) Math.round(box.x() + dx));
        int y = Math.max(0, (int) Math.round(box.y() + dy));
        int right = Math.min(w, (int) Math.round(box.x() + box.width() + dx));
        int bottom = Math.min(h, (int) Math.round(box.y() + box.height() + dy));
        return new Box(x, y, Math.max(1, right - x), Math.max(1, bottom - y));
    }

    /** What a webcam's MJPEG stream delivers after decoding: 8x8 blocks quantised at this quality. */
    private void compress(byte[] frame) {
        sceneMat.put(0, 0, frame);
        Imgcodecs.imencode(".jpg", sceneMat, jpeg, jpegParams);
        Mat decoded = Imgcodecs.imdecode(jpeg, Imgcodecs.IMREAD_GRAYSCALE);
        decoded.get(0, 0, frame);
        decoded.release();
    }

    static final class Builder {
        private final String name;
        private final Kind kind;
        private final SceneAssets assets;
        private final int frames;
        private final double fps;
        private final long seed;
        private double sigma = 3;
        private Script exposure = (frame, random) -> new Exposure(0, 1, 0, false);
        private final List<Layer> layers = new ArrayList<>();
        private final List<Pass> passes = new ArrayList<>();
        private Shake shake;
        private int jpegQuality;

        private Builder(String name, Kind kind, SceneAssets assets, int frames, double fps, long seed) {
            this.name = name;
            this.kind = kind;
            this.assets = assets;
            this.frames = frames;
            this.fps = fps;
            this.seed = seed;
        }

        Builder noise(double sigma) {
            this.sigma = sigma;
            return this;
        }

        Builder exposure(Script script) {
            this.exposure = script;
            return this;
        }

        Builder layer(Layer layer) {
            layers.add(layer);
            return this;
        }

        Builder shake(Shake shake) {
            this.shake = shake;
            return this;
        }

        Builder jpeg(int quality) {
            this.jpegQuality = quality;
            return this;
        }

        Builder pass(Pass pass) {
            passes.add(pass);
            return this;
        }

        /**
         * Walkers one at a time, as in the walking scenarios: each appears, walks 3 to 7 s in a straight line and
         * vanishes, with still gaps between; {@code scale} sizes the sprites (0.5: half as tall and wide).
         */
        Builder walkers(double scale, double firstSecond) {
            SplittableRandom random = new SplittableRandom(seed * 31 + 7);
            int t = (int) (firstSecond * fps);
            while (t < frames - 2 * fps) {
                Sprite sprite = assets.sprites().get(random.nextInt(assets.sprites().size()));
                int length = Math.min(frames - t - 1, (int) (fps * (3 + 4 * random.nextDouble())));
                double speed = scale * (2 + 5 * random.nextDouble());
                double sw = sprite.width() * scale;
                double sh = sprite.height() * scale;
                double travelX = Math.min(speed * length, assets.width() - sw - 2);
                double travelY = Math.min(Math.abs(random.nextDouble() - 0.5) * 3 * scale * length, assets.height() - sh - 2);
                double minX = sw / 2 + 1;
                double minY = sh / 2 + 1;
                double x0 = minX + random.nextDouble() * (assets.width() - sw - 2 - travelX);
                double y0 = minY + random.nextDouble() * (assets.height() - sh - 2 - travelY);
                double x1 = x0 + travelX;
                double y1 = y0 + travelY;
                if (random.nextBoolean()) {
                    double swap = x0;
                    x0 = x1;
                    x1 = swap;
                }
                if (random.nextBoolean()) {
                    double swap = y0;
                    y0 = y1;
                    y1 = swap;
                }
                passes.add(new Pass(sprite, t, length, x0, y0, x1, y1, scale, scale));
                t += length + (int) (fps * (1 + 2 * random.nextDouble()));
            }
            return this;
        }

        ComposedScenario build() {
            return new ComposedScenario(this);
        }
    }
}
