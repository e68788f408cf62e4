/*
 * The floor for vigil's capture loop: the same poll + DQBUF + QBUF cycle as MmapCaptureStream,
 * written in C. Like CaptureLoopBench it sleeps a frame interval first, so a frame is waiting and
 * the timed cycle holds no waiting for the camera.
 * Usage: dqbuf_qbuf DEVICE WIDTH HEIGHT FPS FRAMES
 *        dqbuf_qbuf --enotty CALLS   (the bare syscall cost, for IoctlOverheadBench)
 */
#include <errno.h>
#include <fcntl.h>
#include <linux/videodev2.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

static long long now_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1000000000LL + t.tv_nsec;
}

static int cmp(const void *a, const void *b) {
    long long x = *(const long long *)a, y = *(const long long *)b;
    return (x > y) - (x < y);
}

#define CHECK(call) do { if ((call) < 0) { perror(#call); exit(1); } } while (0)

/* VIDIOC_DQBUF on /dev/null fails with ENOTTY at once: what is left is the syscall itself. */
static int enotty(int calls) {
    int fd = open("/dev/null", O_RDWR);
    CHECK(fd);
    double best = 1e18;
    for (int round = 0; round < 5; round++) {
        long long start = now_ns();
        for (int i = 0; i < calls; i++) {
            struct v4l2_buffer b = {.type = V4L2_BUF_TYPE_VIDEO_CAPTURE, .memory = V4L2_MEMORY_MMAP};
            if (ioctl(fd, VIDIOC_DQBUF, &b) == 0 || errno != ENOTTY) {
                fprintf(stderr, "unexpected ioctl result\n");
                return 1;
            }
        }
        double per = (double)(now_ns() - start) / calls;
        best = per < best ? per : best;
    }
    printf("C       ioctl(VIDIOC_DQBUF) -> ENOTTY on /dev/null, struct prepared, errno read: %6.0f ns/call\n", best);
    return 0;
}

int main(int argc, char **argv) {
    if (argc == 3 && strcmp(argv[1], "--enotty") == 0) {
        return enotty(atoi(argv[2]));
    }
    if (argc != 6) {
        fprintf(stderr, "usage: %s DEVICE WIDTH HEIGHT FPS FRAMES\n", argv[0]);
        return 2;
    }
    int fd = open(argv[1], O_RDWR | O_NONBLOCK);
    CHECK(fd);
    struct v4l2_format fmt = {.type = V4L2_BUF_TYPE_VIDEO_CAPTURE};
    fmt.fmt.pix.width = atoi(argv[2]);
    fmt.fmt.pix.height = atoi(argv[3]);
    fmt.fmt.pix.pixelformat = V4L2_PIX_FMT_YUYV;
    fmt.fmt.pix.field = V4L2_FIELD_NONE;
    CHECK(ioctl(fd, VIDIOC_S_FMT, &fmt));
    struct v4l2_streamparm parm = {.type = V4L2_BUF_TYPE_VIDEO_CAPTURE};
    parm.parm.capture.timeperframe.numerator = 1;
    parm.parm.capture.timeperframe.denominator = atoi(argv[4]);
    CHECK(ioctl(fd, VIDIOC_S_PARM, &parm));
    struct v4l2_requestbuffers req = {.count = 4, .type = V4L2_BUF_TYPE_VIDEO_CAPTURE, .memory = V4L2_MEMORY_MMAP};
    CHECK(ioctl(fd, VIDIOC_REQBUFS, &req));
    for (unsigned i = 0; i < req.count; i++) {
        struct v4l2_buffer b = {.index = i, .type = V4L2_BUF_TYPE_VIDEO_CAPTURE, .memory = V4L2_MEMORY_MMAP};
        CHECK(ioctl(fd, VIDIOC_QUERYBUF, &b));
        if (mmap(NULL, b.length, PROT_READ | PROT_WRITE, MAP_SHARED, fd, b.m.offset) == MAP_FAILED) {
            perror("mmap");
            return 1;
        }
        CHECK(ioctl(fd, VIDIOC_QBUF, &b));
    }
    int type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
    CHECK(ioctl(fd, VIDIOC_STREAMON, &type));
    int frames = atoi(argv[5]);
    long long *cost = calloc(frames, sizeof *cost);
    struct pollfd p = {.fd = fd, .events = POLLIN};
    int fps = atoi(argv[4]);
    for (int n = 0; n < frames + 30; n++) {
        usleep(1000000 / fps + 5000);
        struct v4l2_buffer b = {.type = V4L2_BUF_TYPE_VIDEO_CAPTURE, .memory = V4L2_MEMORY_MMAP};
        long long start = now_ns();
        CHECK(poll(&p, 1, 5000));
        CHECK(ioctl(fd, VIDIOC_DQBUF, &b));
        CHECK(ioctl(fd, VIDIOC_QBUF, &b));
        if (n >= 30) { /* the same warm-up as the Java side */
            cost[n - 30] = now_ns() - start;
        }
    }
    qsort(cost, frames, sizeof *cost, cmp);
    printf("C       %4sx%-4s %6d frames  poll+DQBUF+QBUF median %7.1f us  p90 %7.1f us\n", argv[2], argv[3], frames,
           cost[frames / 2] / 1000.0, cost[frames * 9 / 10] / 1000.0);
    CHECK(ioctl(fd, VIDIOC_STREAMOFF, &type));
    close(fd);
    return 0;
}
