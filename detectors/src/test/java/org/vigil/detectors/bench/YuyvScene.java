package org.vigil.detectors.bench;

import java.nio.ByteBuffer;
import java.util.SplittableRandom;

/** Packed YUYV frames of a textured scene with sensor noise (σ 3) and optionally a bright object, in direct buffers. */
final class YuyvScene {

    private YuyvScene() {
    }

    static byte[] background(int width, int height) {
        byte[] luma = new byte[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double v = 110 + 40 * Math.sin(x * 640.0 / width / 23) * Math.cos(y * 480.0 / height / 17) + 20 * Math.sin((x + 2 * y) / 9.0);
                luma[y * width + x] = (byte) Math.round(v);
            }
        }
        return luma;
    }

    /** @param objectX left edge of a width/16 × height/5 object, or -1 for none */
    static ByteBuffer frame(byte[] background, int width, int height, int objectX, SplittableRandom random) {
        ByteBuffer yuyv = ByteBuffer.allocateDirect(2 * width * height);
        int objectW = width / 16;
        int objectY = height / 2;
        int objectH = height / 5;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double v = background[y * width + x] & 0xff;
                if (objectX >= 0 && x >= objectX && x < objectX + objectW && y >= objectY && y < objectY + objectH) {
                    v = 220;
                }
                double noise = 3 * Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
                yuyv.put((byte) Math.max(0, Math.min(255, Math.round(v + noise))));
                yuyv.put((byte) 128);
            }
        }
        return yuyv.flip();
    }
}
