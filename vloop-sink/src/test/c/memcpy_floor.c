/*
 * The floor for a loopback writer's per-frame cost: one memcpy of a frame's bytes between two buffers that are
 * already in memory, the least any producer that hands the driver a copy can spend.
 * Usage: memcpy_floor BYTES FRAMES
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Microseconds on the monotonic clock. */
static double now_us(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e6 + t.tv_nsec / 1e3;
}

static int by_value(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

int main(int argc, char **argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: memcpy_floor BYTES FRAMES\n");
        return 2;
    }
    size_t bytes = strtoul(argv[1], NULL, 10);
    int frames = atoi(argv[2]);
    unsigned char *src = malloc(bytes), *dst = malloc(bytes);
    double *cost = malloc(sizeof(double) * frames);
    if (!src || !dst || !cost || frames < 1) {
        fprintf(stderr, "memcpy_floor: cannot allocate\n");
        return 1;
    }
    for (size_t i = 0; i < bytes; i++) {
        src[i] = (unsigned char)i;
        dst[i] = 0;
    }
    for (int i = 0; i < frames; i++) { /* warm up: pages mapped, caches and frequency settled */
        memcpy(dst, src, bytes);
    }
    for (int i = 0; i < frames; i++) {
        src[i % bytes] = (unsigned char)i; /* a different frame each time, so nothing is optimised away */
        double start = now_us();
        memcpy(dst, src, bytes);
        cost[i] = now_us() - start;
    }
    qsort(cost, frames, sizeof(double), by_value);
    printf("%-9s %8zu bytes  %-34s median %8.1f us  p90 %8.1f us  (check %d)\n", "C", bytes, "memcpy", cost[frames / 2],
           cost[frames * 9 / 10], dst[bytes / 2]);
    return 0;
}
