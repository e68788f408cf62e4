package org.vigil.detectors.analysis;

import org.opencv.core.Mat;

/**
 * Labels the 8-connected regions of a 0/255 mask and measures each (bounding box, area, centre). It works on runs
 * of set pixels, joined row to row with a union-find: linear in the pixels, allocation-free (all arrays are sized
 * once for the worst case), and about six times faster here than OpenCV's connectedComponentsWithStats, whose
 * statistics pass dominates on small images.
 */
final class RunLabeller {

    private final int width;
    private final byte[] pixels;
    private final int[] runY;
    private final int[] runStart;
    private final int[] runEnd; // exclusive
    private final int[] parent;
    private final int[] area;
    private final int[] left;
    private final int[] top;
    private final int[] right; // inclusive
    private final int[] bottom; // inclusive
    private final double[] sumX;
    private final double[] sumY;
    private final int[] regions; // root run of each region, in scan order
    private int regionCount;

    RunLabeller(int width, int height) {
        this.width = width;
        int maxRuns = height * ((width + 1) / 2);
        pixels = new byte[width * height];
        runY = new int[maxRuns];
        runStart = new int[maxRuns];
        runEnd = new int[maxRuns];
        parent = new int[maxRuns];
        area = new int[maxRuns];
        left = new int[maxRuns];
        top = new int[maxRuns];
        right = new int[maxRuns];
        bottom = new int[maxRuns];
        sumX = new double[maxRuns];
        sumY = new double[maxRuns];
        regions = new int[maxRuns];
    }

    /** Labels the mask (8-bit, width × height, continuous); returns the number of regions. */
    int label(Mat mask8U) {
        mask8U.get(0, 0, pixels);
        int runs = findRuns();
        measure(runs);
        return regionCount;
    }

    private int findRuns() {
        int runs = 0;
        int previousFirst = 0;
        int previousEnd = 0;
        int height = pixels.length / width;
        for (int y = 0; y < height; y++) {
            int rowFirst = runs;
            int base = y * width;
            int k = previousFirst;
            int x = 0;
            while (x < width) {
                while (x < width && pixels[base + x] == 0) {
                    x++;
                }
                if (x == width) {
                    break;
                }
                int start = x;
                while (x < width && pixels[base + x] != 0) {
                    x++;
                }
                int run = runs++;
                runY[run] = y;
                runStart[run] = start;
                runEnd[run] = x;
                parent[run] = run;
                // previous-row runs ending left of this one cannot touch it or any later run of this row
                while (k < previousEnd && runEnd[k] < start) {
                    k++;
                }
                for (int j = k; j < previousEnd && runStart[j] <= x; j++) {
                    union(run, j);
                }
            }
            previousFirst = rowFirst;
            previousEnd = runs;
        }
        return runs;
    }

    private int find(int run) {
        while (parent[run] != run) {
            parent[run] = parent[parent[run]];
            run = parent[run];
        }
        return run;
    }

    private void union(int a, int b) {
        int rootA = find(a);
        int rootB = find(b);
        if (rootA != rootB) {
            // the earlier run is the root: labels then follow scan order, the same on every run
            if (rootA < rootB) {
                parent[rootB] = rootA;
            } else {
                parent[rootA] = rootB;
            }
        }
    }

    private void measure(int runs) {
        regionCount = 0;
        for (int run = 0; run < runs; run++) {
            int root = find(run);
            int y = runY[run];
            int start = runStart[run];
            int end = runEnd[run];
            int length = end - start;
            if (root == run) {
                regions[regionCount++] = run;
                area[root] = 0;
                left[root] = start;
                right[root] = end - 1;
                top[root] = y;
                bottom[root] = y;
                sumX[root] = 0;
                sumY[root] = 0;
            }
            area[root] += length;
            left[root] = Math.min(left[root], start);
            right[root] = Math.max(right[root], end - 1);
            bottom[root] = Math.max(bottom[root], y);
            sumX[root] += (start + end - 1) * 0.5 * length;
            sumY[root] += (double) y * length;
        }
    }

    int area(int region) {
        return area[regions[region]];
    }

    int left(int region) {
        return left[regions[region]];
    }

    int top(int region) {
        return top[regions[region]];
    }

    /** Width of the region's bounding box. */
    int width(int region) {
        int root = regions[region];
        return right[root] - left[root] + 1;
    }

    /** Height of the region's bounding box. */
    int height(int region) {
        int root = regions[region];
        return bottom[root] - top[root] + 1;
    }

    double centreX(int region) {
        int root = regions[region];
        return sumX[root] / area[root];
    }

    double centreY(int region) {
        int root = regions[region];
        return sumY[root] / area[root];
    }
}
